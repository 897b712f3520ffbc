// Notification integrations (notification-integration.yaml; CREATE / ALTER NOTIFICATION INTEGRATION docs for
// email, webhooks and queues): an account object whose notification_hook is one of seven models chosen by `type`
// (the strict model checks each one's properties). Snowflake creates the cloud-side identities a user copies into
// the cloud (SNS: an IAM user and external id; Azure: a consent URL and app name; Google: a service account);
// here they are derived from the account and the integration's name, in the formats the docs show.
import { createHash } from "node:crypto";
import * as wire from "../../../provider/wire/notification-integration";
import { CatalogObject, collectionOf, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { awsExternalId, checkHttpsPrefixes, INTEGRATION_SQL_PROPERTIES, integrationBasics } from "./integrations";

const hookOf = (values: WireValues) => values.notification_hook as WireValues;
const digits = (seed: string, length: number) => BigInt(`0x${createHash("sha256").update(seed).digest("hex").slice(0, 15)}`).toString().padStart(length, "7").slice(0, length);

/** Email of the account's users (user.yaml `email`): CREATE NOTIFICATION INTEGRATION (email) docs: recipients must be verified email addresses of users in the account. The emulator treats every user's email as verified. */
function userEmails(account: AccountState): Set<string> {
  return new Set([...(account.catalog.children.get("users")?.values() ?? [])].map((user) => String(user.values.email ?? "").toLowerCase()).filter(Boolean));
}

function checkEmail(hook: WireValues, account: AccountState): void {
  const known = userEmails(account);
  for (const list of ["allowed_recipients", "default_recipients"]) {
    for (const email of (hook[list] as string[] | undefined) ?? []) {
      if (!known.has(email.toLowerCase())) throw badRequest(`SQL compilation error:\nEmail recipients in the given list at indexes [${email}] are not allowed. Either these email addresses are not yet validated or do not belong to any user in the current account.`);
    }
  }
  // Docs: DEFAULT_RECIPIENTS must be in ALLOWED_RECIPIENTS when that list is set (the message is not confirmed).
  const allowed = (hook.allowed_recipients as string[] | undefined)?.map((email) => email.toLowerCase());
  const outside = allowed && (hook.default_recipients as string[] | undefined)?.find((email) => !allowed.includes(email.toLowerCase()));
  if (outside) throw badRequest(`SQL compilation error:\nDefault recipient '${outside}' is not in ALLOWED_RECIPIENTS.`);
}

/** WEBHOOK_SECRET names an existing secret (CREATE NOTIFICATION INTEGRATION (webhooks) docs), kept formatted. */
function resolveWebhookSecret(account: AccountState, reference: WireValues): WireValues {
  const [database, schema, name] = [reference.database_name, reference.schema_name, reference.name].map((part) => parseIdentifier(part, "webhook_secret"));
  const secret = collectionOf(findSchema(account, database, schema), "secrets").get(name);
  if (!secret) throw doesNotExist("Secret", [database, schema, name].map(formatIdentifier).join("."));
  return { database_name: formatIdentifier(database), schema_name: formatIdentifier(schema), name: formatIdentifier(name) };
}

/** The identities Snowflake made for the cloud side, by hook type. */
function cloudIdentities(object: CatalogObject, account: AccountState): WireValues {
  const seed = `${account.name}/${object.name}`;
  switch (hookOf(object.values).type) {
    case "QUEUE_AWS_SNS_OUTBOUND":
      // Docs (DESC NOTIFICATION INTEGRATION): SF_AWS_IAM_USER_ARN arn:aws:iam::<12 digits>:user/<...>,
      // SF_AWS_EXTERNAL_ID <account>_SFCRole=<n>_<base64>.
      return { sf_aws_iam_user_arn: `arn:aws:iam::${digits(seed, 12)}:user/emul-s-${digits(seed + "u", 4)}`, sf_aws_external_id: awsExternalId(account, object.name) };
    case "QUEUE_AZURE_EVENT_GRID_OUTBOUND":
    case "QUEUE_AZURE_EVENT_GRID_INBOUND": {
      const tenant = String(hookOf(object.values).azure_tenant_id);
      return { azure_consent_url: `https://login.microsoftonline.com/${tenant}/oauth2/authorize?client_id=${digits(seed, 8)}&response_type=code`, azure_multi_tenant_app_name: `emulator_${digits(seed, 10)}` };
    }
    case "QUEUE_GCP_PUBSUB_OUTBOUND":
    case "QUEUE_GCP_PUBSUB_INBOUND":
      return { gcp_pubsub_service_account: `emul-${digits(seed, 6)}@gcpemulator.iam.gserviceaccount.com` };
    default:
      return {};
  }
}

export const notificationIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "notification-integration",
  model: "NotificationIntegration",
  sqlType: "NOTIFICATION INTEGRATION",
  parameterLevel: "NOTIFICATION INTEGRATION",
  collection: "notification-integrations",
  wire: { strict: wire.NotificationIntegrationStrict, properties: wire.NotificationIntegration_PROPERTIES, readOnly: wire.NotificationIntegration_READ_ONLY, writeOnly: wire.NotificationIntegration_WRITE_ONLY },
  // CREATE NOTIFICATION INTEGRATION docs: ENABLED is required in SQL; the REST model leaves it optional (TRUE here).
  defaults: { enabled: true },
  accept(values, { account }) {
    const hook = { ...hookOf(values) };
    // The read-only identities are Snowflake's (the strict model cannot see readOnly inside the hook).
    for (const readOnly of ["sf_aws_iam_user_arn", "sf_aws_external_id", "azure_consent_url", "azure_multi_tenant_app_name", "gcp_pubsub_service_account"]) {
      if (hook[readOnly] !== undefined) throw badRequest(`Field 'notification_hook.${readOnly}' of NotificationIntegration is read-only and cannot be set.`);
    }
    if (hook.type === "EMAIL") checkEmail(hook, account);
    if (hook.type === "WEBHOOK") {
      checkHttpsPrefixes("webhook_url", [hook.webhook_url]);
      if (hook.webhook_secret) hook.webhook_secret = resolveWebhookSecret(account, hook.webhook_secret as WireValues);
    }
    return { ...values, notification_hook: hook };
  },
  render: (object, { account }) => ({ notification_hook: { ...hookOf(object.values), ...cloudIdentities(object, account) } }),
  // ALTER NOTIFICATION INTEGRATION docs, per type: SET / UNSET of these (the queue endpoints are not offered).
  sqlProperties: {
    ...INTEGRATION_SQL_PROPERTIES,
    ALLOWED_RECIPIENTS: { wire: "notification_hook.allowed_recipients", value: "stringList", unset: true },
    DEFAULT_RECIPIENTS: { wire: "notification_hook.default_recipients", value: "stringList", unset: true },
    DEFAULT_SUBJECT: { wire: "notification_hook.default_subject", value: "string", unset: true },
    WEBHOOK_URL: { wire: "notification_hook.webhook_url", value: "string" },
    WEBHOOK_SECRET: { wire: "notification_hook.webhook_secret", value: "objectReference", unset: true },
    WEBHOOK_BODY_TEMPLATE: { wire: "notification_hook.webhook_body_template", value: "string", unset: true },
    WEBHOOK_HEADERS: { wire: "notification_hook.webhook_headers", value: "stringMap", unset: true },
    AWS_SNS_TOPIC_ARN: { wire: "notification_hook.aws_sns_topic_arn", value: "string" },
    AWS_SNS_ROLE_ARN: { wire: "notification_hook.aws_sns_role_arn", value: "string" },
  },
};
