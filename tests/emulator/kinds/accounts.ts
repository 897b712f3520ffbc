// Accounts (account.yaml; CREATE / ALTER / DROP ACCOUNT, SHOW ACCOUNTS docs) and reader accounts (managed-account.yaml;
// CREATE / DROP / SHOW MANAGED ACCOUNTS docs). Both are made by an account (the organization's ORGADMIN account, or
// a provider account for reader accounts) and listed there; the emulator then hosts the new account -- its
// administrator can log in with the password or key pair it was created with -- until it is dropped. Not emulated:
// the grace period (a dropped account is gone at once; :undrop answers 501) and ORGADMIN privileges.
import { createHash } from "node:crypto";
import * as accountWire from "../../../provider/wire/account";
import * as managedWire from "../../../provider/wire/managed-account";
import { createAccount } from "../accounts";
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { KindContext, ObjectKind } from "../catalog/object-kind";
import { alreadyExists, badRequest } from "../errors";
import { formatIdentifier } from "../identifiers";
import { checkEnum } from "../rest/body";
import { EMULATOR_ORGANIZATION, organizationAccountLabel } from "./image-repository";
import { rsaKey } from "./user";

// CREATE ACCOUNT docs: EDITION = { STANDARD | ENTERPRISE | BUSINESS_CRITICAL }; REGION defaults to the current
// account's region (the emulator's is AWS_US_WEST_2).
const EDITIONS = ["STANDARD", "ENTERPRISE", "BUSINESS_CRITICAL"];
const EMULATOR_REGION = "AWS_US_WEST_2";

const locatorOf = (name: string) => `EM${BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 10)}`).toString().slice(0, 5)}`;

/** The account the new object stands for, hosted from now on (its admin user registered with its credentials). */
function hostAccount(object: CatalogObject, context: KindContext): void {
  const organization = context.account.organization;
  if (!organization) return;
  const admin = String(object.values.admin_name);
  // CREATE ACCOUNT docs: ADMIN_RSA_PUBLIC_KEY is given as for CREATE USER (the key's base64 body).
  const key = object.values.admin_rsa_public_key as string | undefined;
  const { account } = createAccount({
    name: object.name,
    users: [{ name: admin, password: object.values.admin_password as string | undefined, rsaPublicKeyPem: key === undefined ? undefined : rsaKey(key).export({ type: "spki", format: "pem" }).toString() }],
  });
  organization.add(account);
}

function refuseTakenName(values: WireValues, context: KindContext, what: string): void {
  const name = String(values.name);
  // Account names are unique in the organization (CREATE ACCOUNT docs), reader accounts' too.
  if (context.account.organization?.find(name)) throw alreadyExists(formatIdentifier(name));
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw badRequest(`SQL compilation error:\nInvalid ${what} name '${name}': account names are letters, digits and underscores, starting with a letter.`);
}

const urls = (object: CatalogObject, context: KindContext) => ({
  url: `https://${organizationAccountLabel({ ...context.account, name: object.name } as typeof context.account)}.snowflakecomputing.com`,
  locatorUrl: `https://${locatorOf(object.name).toLowerCase()}.us-west-2.snowflakecomputing.com`,
});

export const accountKind: ObjectKind = {
  spec: "account",
  model: "Account",
  objectType: "Account",
  sqlType: "ACCOUNT",
  parameterLevel: "ACCOUNT",
  collection: "accounts",
  scope: "account",
  wire: { strict: accountWire.AccountStrict, properties: accountWire.Account_PROPERTIES, readOnly: accountWire.Account_READ_ONLY, writeOnly: accountWire.Account_WRITE_ONLY },
  accept(values, context) {
    if (!context.existing) refuseTakenName(values, context, "account");
    values.edition = checkEnum(accountKind, "edition", values.edition, EDITIONS);
    // CREATE ACCOUNT docs: ADMIN_PASSWORD or ADMIN_RSA_PUBLIC_KEY must be given.
    if (values.admin_password === undefined && values.admin_rsa_public_key === undefined) throw badRequest("SQL compilation error:\nEither ADMIN_PASSWORD or ADMIN_RSA_PUBLIC_KEY must be specified.");
    if (values.admin_rsa_public_key !== undefined) rsaKey(String(values.admin_rsa_public_key));
    return { region: EMULATOR_REGION, ...values };
  },
  created: hostAccount,
  dropped: (object, context) => context.account.organization?.remove(object.name),
  render(object, context) {
    const { url, locatorUrl } = urls(object, context);
    return {
      organization_name: EMULATOR_ORGANIZATION,
      account_locator: locatorOf(object.name),
      account_url: url,
      account_locator_url: locatorUrl,
      managed_accounts: 0,
      is_org_admin: false,
      // Parameters docs: DATA_RETENTION_TIME_IN_DAYS defaults to 1.
      retention_time: 1,
    };
  },
  // ALTER ACCOUNT <name> SET COMMENT (ORGADMIN; not confirmed that UNSET COMMENT is accepted for another account).
  sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
};

export const managedAccountKind: ObjectKind = {
  spec: "managed-account",
  model: "ManagedAccount",
  objectType: "Managed account",
  sqlType: "MANAGED ACCOUNT",
  parameterLevel: "MANAGED ACCOUNT",
  collection: "managed-accounts",
  scope: "account",
  wire: { strict: managedWire.ManagedAccountStrict, properties: managedWire.ManagedAccount_PROPERTIES, readOnly: managedWire.ManagedAccount_READ_ONLY, writeOnly: managedWire.ManagedAccount_WRITE_ONLY },
  // managed-account.yaml account_type: `default: READER`.
  defaults: { account_type: "READER" },
  accept(values, context) {
    refuseTakenName(values, context, "managed account");
    return values;
  },
  created: hostAccount,
  dropped: (object, context) => context.account.organization?.remove(object.name),
  render(object, context) {
    const { url, locatorUrl } = urls(object, context);
    // SHOW MANAGED ACCOUNTS docs: a reader account is in the provider account's cloud and region.
    return { cloud: "AWS", region: EMULATOR_REGION.toLowerCase().replace(/_/g, "-").replace(/^aws-/, ""), locator: locatorOf(object.name), url, account_locator_url: locatorUrl };
  },
};
