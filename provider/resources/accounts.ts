// Accounts of the organization (account.yaml) and reader accounts (managed-account.yaml). Neither spec has a GET of
// one object or a PUT: both are read as their row of the list (LIKE by name). An account holds everything in it,
// so a change that needs a new one needs allowReplace.
// - Account: the administrator (name, password or RSA public key, names, email, must-change-password, user type)
//   and `polaris` act only at creation (CREATE ACCOUNT docs: the admin user is then an ordinary user of the new
//   account), so they are sent once and never compared. Edition, region and region group are fixed. The comment
//   changes by ALTER ACCOUNT <name> SET COMMENT (ORGADMIN). DROP waits out a grace period of 3 to 90 days
//   (account.yaml deleteAccount gracePeriodInDays, required), in which the account can be undropped.
// - ManagedAccount: ALTER has no form for managed accounts (CREATE / DROP / SHOW MANAGED ACCOUNTS docs only), so
//   every input is fixed at creation.
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { rsaPublicKeyKind, secretTextKind } from "../engine/kinds/credentials";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { sql } from "../sql/sql-text";
import * as accountWire from "../wire/account";
import * as managedWire from "../wire/managed-account";
import { commentField, field, nameField, output } from "./common";

const EDITION = enumType("AccountEdition", "The Snowflake edition of an account.", ["STANDARD", "ENTERPRISE", "BUSINESS_CRITICAL"]);
const ADMIN_USER_TYPE = enumType("AccountAdminUserType", "The type of the new account's administrator.", ["PERSON", "SERVICE", "LEGACY_SERVICE"]);
const MANAGED_TYPE = enumType("ManagedAccountType", "The kind of managed account.", ["READER"]);
const DEFAULT_GRACE_DAYS = 3;

const atCreation = { createOnly: true } as const;

export const account = defineResource({
  typeName: "Account",
  noun: "account",
  doc: "An account of the organization, with its first administrator (REST: /api/v2/accounts; needs ORGADMIN). Point a resource's `connection` at it with the `name` output and the admin's key pair. Deleting it drops it after `gracePeriodInDays`.",
  collectionPath: "/api/v2/accounts",
  changes: "sql",
  sqlObjectType: "ACCOUNT",
  readByList: { nameQuery: "like" },
  // account.yaml createAccount takes no createMode.
  lacksQuery: ["createMode"],
  dataBearing: { loses: "everything in the account" },
  fields: {
    name: nameField("account"),
    edition: field("edition", choiceKind(EDITION), "STANDARD, ENTERPRISE or BUSINESS_CRITICAL. A change means a new account.", { required: true, immutable: true }),
    region: field("region", textKind(), "Snowflake region, e.g. AWS_US_WEST_2 (default: the organization's account's). A change means a new account.", { immutable: true, filledBySnowflake: true }),
    regionGroup: field("region_group", textKind(), "Region group, for organizations spanning several. A change means a new account.", { immutable: true, filledBySnowflake: true }),
    adminName: field("admin_name", identifierKind(), "User name of the first administrator. Used only at creation.", { required: true, writeOnly: true, ...atCreation }),
    adminPassword: field("admin_password", secretTextKind(), "The administrator's password (or give adminRsaPublicKey). Secret; used only at creation.", { writeOnly: true, secret: true, ...atCreation }),
    adminRsaPublicKey: field("admin_rsa_public_key", rsaPublicKeyKind(), "The administrator's RSA public key, for key-pair logins (the private key stays in stack config or connections.toml). Used only at creation.", { writeOnly: true, ...atCreation }),
    adminUserType: field("admin_user_type", choiceKind(ADMIN_USER_TYPE), "PERSON (default), SERVICE or LEGACY_SERVICE. Used only at creation.", { writeOnly: true, ...atCreation }),
    firstName: field("first_name", textKind(), "The administrator's first name. Used only at creation.", { writeOnly: true, ...atCreation }),
    lastName: field("last_name", textKind(), "The administrator's last name. Used only at creation.", { writeOnly: true, ...atCreation }),
    email: field("email", textKind({ pattern: /^[^\s@]+@[^\s@]+$/, patternWords: "an email address" }), "The administrator's email address. Used only at creation.", { required: true, writeOnly: true, ...atCreation }),
    mustChangePassword: field("must_change_password", booleanKind(), "Whether the administrator must change the password at the first login (default false). Used only at creation.", { writeOnly: true, ...atCreation }),
    polaris: field("polaris", booleanKind(), "Make a Snowflake Open Catalog (Polaris) account (default false). Used only at creation.", { writeOnly: true, ...atCreation }),
    comment: commentField("account", { sql: { set: (value) => sql`SET COMMENT = ${textKind().toSql(value)}`, unset: sql`UNSET COMMENT` } }),
  },
  settings: {
    gracePeriodInDays: { kind: integerKind({ min: 3, max: 90 }), doc: `Days a deleted account can still be restored (undropped), 3 to 90; Snowflake drops it for good after that. Default ${DEFAULT_GRACE_DAYS}.` },
  },
  deleteQuery: (properties) => ({ gracePeriodInDays: Number(properties.gracePeriodInDays ?? DEFAULT_GRACE_DAYS) }),
  outputs: {
    organizationName: output("organization_name", textKind(), "The organization the account belongs to."),
    accountLocator: output("account_locator", textKind(), "The account's locator (its legacy identifier)."),
    accountUrl: output("account_url", textKind(), "The account's URL, `https://<org>-<account>.snowflakecomputing.com`."),
    accountLocatorUrl: output("account_locator_url", textKind(), "The account's legacy URL, by locator and region."),
    isOrgAdmin: output("is_org_admin", booleanKind(), "Whether the ORGADMIN role is enabled in the account."),
    createdOn: output("created_on", textKind(), "When the account was created (ISO 8601)."),
  },
  crossChecks: (properties) => (!isSet(properties.adminPassword) && !isSet(properties.adminRsaPublicKey) ? [{ property: "adminPassword", reason: "not given, and no adminRsaPublicKey either; give one of the two: the new account's administrator needs a way to log in" }] : []),
  wire: { schema: accountWire.Account, properties: accountWire.Account_PROPERTIES, readOnly: accountWire.Account_READ_ONLY },
});

export const managedAccount = defineResource({
  typeName: "ManagedAccount",
  noun: "managed account",
  doc: "A reader account: a managed account for consumers without their own Snowflake account, who query data shared with it (REST: /api/v2/managed-accounts). Nothing changes in place: any change means a new reader account.",
  collectionPath: "/api/v2/managed-accounts",
  changes: "replace",
  readByList: { nameQuery: "like" },
  // managed-account.yaml: createManagedAccount takes no createMode, deleteManagedAccount no ifExists.
  lacksQuery: ["createMode", "ifExists"],
  dataBearing: { loses: "its users, warehouses and the databases made from shares" },
  fields: {
    name: nameField("managed account"),
    adminName: field("admin_name", identifierKind(), "User name of the reader account's administrator. Used only at creation.", { required: true, writeOnly: true, ...atCreation }),
    adminPassword: field("admin_password", secretTextKind(), "The administrator's password. Secret; used only at creation.", { required: true, writeOnly: true, secret: true, ...atCreation }),
    accountType: field("account_type", choiceKind(MANAGED_TYPE), "READER (the only type; default).", { immutable: true, serverDefault: "READER" }),
    comment: commentField("managed account", { immutable: true }),
  },
  bodyDefaults: { account_type: "READER" },
  outputs: {
    cloud: output("cloud", textKind(), "The cloud the reader account is on (the provider account's)."),
    region: output("region", textKind(), "The region the reader account is in (the provider account's)."),
    locator: output("locator", textKind(), "The reader account's locator."),
    url: output("url", textKind(), "The reader account's URL, `https://<org>-<account>.snowflakecomputing.com`."),
    accountLocatorUrl: output("account_locator_url", textKind(), "The reader account's legacy URL, by locator."),
    createdOn: output("created_on", textKind(), "When the reader account was created (ISO 8601)."),
  },
  wire: { schema: managedWire.ManagedAccount, properties: managedWire.ManagedAccount_PROPERTIES, readOnly: managedWire.ManagedAccount_READ_ONLY },
});
