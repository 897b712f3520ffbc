// notification-integration.yaml components/schemas/NotificationIntegration: an account object through which
// alerts, tasks and pipes send email, call webhooks, or push to / read from a cloud queue. Its notification_hook
// is one of seven models chosen by `type`; here their properties are flat inputs (wire paths into the hook), and
// the type says which apply (checked before anything is sent).
// - No PUT: ALTER NOTIFICATION INTEGRATION (docs) sets ENABLED and COMMENT; for email ALLOWED_RECIPIENTS,
//   DEFAULT_RECIPIENTS and DEFAULT_SUBJECT; for webhooks WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_BODY_TEMPLATE and
//   WEBHOOK_HEADERS; for SNS the topic and role ARNs. The queue endpoints of Azure and Google Cloud are fixed at
//   creation here (their ALTER forms were not confirmed), as are the type and the name (no :rename).
// - The identities Snowflake creates for the cloud side (IAM user ARN and external id, consent URL, service
//   account) are outputs: what a user copies into the cloud's trust policy.
// - A replacement is refused at preview while tasks or pipes name the integration (usedBy), unless allowReplace.
import { defineResource } from "../engine/define";
import { headersKind } from "../engine/kinds/json";
import { objectReferenceKind } from "../engine/kinds/names";
import { stringSetKind } from "../engine/kinds/network";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { variantChecks, variantRequiredRemoved } from "../engine/variants";
import { FieldKind } from "../engine/field-kind";
import * as wire from "../wire/notification-integration";
import { commentField, field, nameField, output } from "./common";
import { objectsUsing, pipesNaming, tasksNaming } from "./object-usage";

const NOTIFICATION_TYPE = enumType("NotificationType", "How the integration notifies: email, a webhook, or a cloud queue (outbound push or inbound events).", [
  "EMAIL", "WEBHOOK", "QUEUE_AWS_SNS_OUTBOUND", "QUEUE_AZURE_EVENT_GRID_OUTBOUND", "QUEUE_GCP_PUBSUB_OUTBOUND", "QUEUE_AZURE_EVENT_GRID_INBOUND", "QUEUE_GCP_PUBSUB_INBOUND",
]);

// notification-integration.yaml's hook models; CREATE NOTIFICATION INTEGRATION docs require the queue targets.
const VARIANTS = {
  EMAIL: { optional: ["allowedRecipients", "defaultRecipients", "defaultSubject"] },
  WEBHOOK: { required: ["webhookUrl"], optional: ["webhookSecret", "webhookBodyTemplate", "webhookHeaders"] },
  QUEUE_AWS_SNS_OUTBOUND: { required: ["awsSnsTopicArn", "awsSnsRoleArn"] },
  QUEUE_AZURE_EVENT_GRID_OUTBOUND: { required: ["azureEventGridTopicEndpoint", "azureTenantId"] },
  QUEUE_GCP_PUBSUB_OUTBOUND: { required: ["gcpPubsubTopicName"] },
  QUEUE_AZURE_EVENT_GRID_INBOUND: { required: ["azureStorageQueuePrimaryUri", "azureTenantId"] },
  QUEUE_GCP_PUBSUB_INBOUND: { required: ["gcpPubsubSubscriptionName"] },
};

const hook = (wireName: string) => `notification_hook.${wireName}`;
/** A hook property ALTER ... SET / UNSET <PROPERTY> changes. */
const alterable = (wireName: string, kind: FieldKind, doc: string) => field(hook(wireName), kind, doc, { sql: { property: wireName.toUpperCase() } });
const fixed = (wireName: string, doc: string) => field(hook(wireName), textKind(), `${doc} A change means a new integration.`, { immutable: true });
const emails = stringSetKind(textKind({ pattern: /^[^\s@]+@[^\s@]+$/, patternWords: "an email address" }), "email addresses");

export const notificationIntegration = defineResource({
  typeName: "NotificationIntegration",
  noun: "notification integration",
  doc: "A notification integration: email to verified users, a webhook (Slack, Teams, PagerDuty...), or a cloud queue (SNS, Event Grid, Pub/Sub), for alerts, tasks and pipes (REST: /api/v2/notification-integrations). Changed in place by ALTER NOTIFICATION INTEGRATION.",
  collectionPath: "/api/v2/notification-integrations",
  changes: "sql",
  sqlObjectType: "NOTIFICATION INTEGRATION",
  tags: true,
  fields: {
    name: nameField("notification integration"),
    notificationType: field(hook("type"), choiceKind(NOTIFICATION_TYPE), "EMAIL, WEBHOOK, QUEUE_AWS_SNS_OUTBOUND, QUEUE_AZURE_EVENT_GRID_OUTBOUND, QUEUE_GCP_PUBSUB_OUTBOUND, QUEUE_AZURE_EVENT_GRID_INBOUND or QUEUE_GCP_PUBSUB_INBOUND: which inputs apply. A change means a new integration.", { required: true, immutable: true }),
    allowedRecipients: alterable("allowed_recipients", emails, "EMAIL: who may be sent email, as verified email addresses of users in the account; a set."),
    defaultRecipients: alterable("default_recipients", emails, "EMAIL: who gets email that names no recipients; a set."),
    defaultSubject: alterable("default_subject", textKind(), "EMAIL: the subject of email that gives none."),
    webhookUrl: alterable("webhook_url", textKind({ pattern: /^https:\/\/\S+$/i, patternWords: "an https:// URL" }), "WEBHOOK: the URL called, e.g. `https://hooks.slack.com/services/SNOWFLAKE_WEBHOOK_SECRET`."),
    webhookSecret: field(hook("webhook_secret"), objectReferenceKind("a secret"), "WEBHOOK: the GENERIC_STRING secret (DB.SCHEMA.SECRET, e.g. a Secret's fullyQualifiedName) that replaces SNOWFLAKE_WEBHOOK_SECRET in the URL, body and headers.", { sql: { property: "WEBHOOK_SECRET" } }),
    webhookBodyTemplate: alterable("webhook_body_template", textKind(), "WEBHOOK: the request body, with SNOWFLAKE_WEBHOOK_MESSAGE where the message goes."),
    webhookHeaders: alterable("webhook_headers", headersKind(), "WEBHOOK: HTTP headers sent with each call (names compared case-insensitively)."),
    awsSnsTopicArn: alterable("aws_sns_topic_arn", textKind(), "QUEUE_AWS_SNS_OUTBOUND: the ARN of the SNS topic notifications are pushed to."),
    awsSnsRoleArn: alterable("aws_sns_role_arn", textKind(), "QUEUE_AWS_SNS_OUTBOUND: the ARN of the IAM role that may publish to the topic."),
    azureEventGridTopicEndpoint: fixed("azure_event_grid_topic_endpoint", "QUEUE_AZURE_EVENT_GRID_OUTBOUND: the Event Grid topic endpoint."),
    azureStorageQueuePrimaryUri: fixed("azure_storage_queue_primary_uri", "QUEUE_AZURE_EVENT_GRID_INBOUND: the storage queue that receives Event Grid events."),
    azureTenantId: fixed("azure_tenant_id", "Azure queues: the tenant id of the storage account or topic."),
    gcpPubsubTopicName: fixed("gcp_pubsub_topic_name", "QUEUE_GCP_PUBSUB_OUTBOUND: the Pub/Sub topic, `projects/<project>/topics/<topic>`."),
    gcpPubsubSubscriptionName: fixed("gcp_pubsub_subscription_name", "QUEUE_GCP_PUBSUB_INBOUND: the Pub/Sub subscription, `projects/<project>/subscriptions/<subscription>`."),
    enabled: field("enabled", booleanKind(), "Whether the integration can be used. Default true.", { serverDefault: true, sql: { property: "ENABLED", unset: "serverDefault" } }),
    comment: commentField("notification integration"),
  },
  // CREATE NOTIFICATION INTEGRATION docs require ENABLED; leaving it out here means on.
  bodyDefaults: { enabled: true },
  outputs: {
    sfAwsIamUserArn: output(hook("sf_aws_iam_user_arn"), textKind(), "SNS: the IAM user Snowflake uses; allow it to assume awsSnsRoleArn."),
    sfAwsExternalId: output(hook("sf_aws_external_id"), textKind(), "SNS: the external id to put in the role's trust policy."),
    azureConsentUrl: output(hook("azure_consent_url"), textKind(), "Azure queues: the URL where an administrator grants Snowflake's app access."),
    azureMultiTenantAppName: output(hook("azure_multi_tenant_app_name"), textKind(), "Azure queues: the name of Snowflake's app in the tenant."),
    gcpPubsubServiceAccount: output(hook("gcp_pubsub_service_account"), textKind(), "Google Cloud queues: the service account to grant the topic or subscription to."),
    createdOn: output("created_on", textKind(), "When the notification integration was created (ISO 8601)."),
  },
  crossChecks: variantChecks("notificationType", VARIANTS),
  replacedBy: variantRequiredRemoved(VARIANTS),
  usedBy: objectsUsing(tasksNaming("error_integration", "success_integration"), pipesNaming("integration", "error_integration")),
  wire: { schema: wire.NotificationIntegration, properties: wire.NotificationIntegration_PROPERTIES, readOnly: wire.NotificationIntegration_READ_ONLY },
});
