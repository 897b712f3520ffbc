// The guarantees REST types give, for the types reached only through SQL: secrets Snowflake hands out stay
// encrypted in state, every variant of a type reads back with no diff, drift in what DESCRIBE reports is seen,
// and objects in use are not replaced behind their users' backs. (Round trips: tests/roundtrip.test.ts; quoting:
// tests/sql-injection.test.ts.)
import { generateKeyPairSync } from "node:crypto";
import * as fs from "fs";
import { closeAllPools } from "../provider/client/rest-client";
import { Properties } from "../provider/engine/definition";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { rowsOf } from "./support/sql-rows";
import { expectNoSecrets } from "./support/secret-scan";
import { expectOk, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.rest("POST", "/api/v2/databases", { name: "SQLDB" });
  await stack.rest("POST", "/api/v2/databases/SQLDB/schemas", { name: "S" });
});
afterAll(async () => {
  await closeAllPools();
  await stack.close();
});

const S = { database: "SQLDB", schema: "S" };

/** Creates through the engine, reads back, and expects the read to match the declaration (a refresh shows no diff). */
async function roundTrip(type: string, inputs: Properties): Promise<Properties> {
  const engine = engineAgainst(stack.emulator, type);
  const { outs } = await engine.create(inputs);
  const read = await engine.read("", outs);
  expect(await engine.diff("", read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  return read.props!;
}

describe("an OAuth security integration's client secret", () => {
  test("is an output kept only encrypted in state, through the driver", async () => {
    const declarations = [{ type: "SecurityIntegration" as const, name: "oauth", args: { name: "SQL_OAUTH", type: "oauth", oauthClient: "custom", oauthClientType: "confidential", oauthRedirectUri: "https://app.example.com/cb" } }];
    expectOk(await stack.run("up", declarations));
    const [answer] = rowsOf(await stack.sql("SELECT SYSTEM$SHOW_OAUTH_CLIENT_SECRETS('SQL_OAUTH')"));
    const { OAUTH_CLIENT_SECRET, OAUTH_CLIENT_ID } = JSON.parse(String(Object.values(answer)[0]));
    const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
    const integration = state.checkpoint.latest.resources.find((resource: { type: string }) => resource.type.endsWith(":SecurityIntegration"));
    expect(integration.outputs.oauthClientId).toBe(OAUTH_CLIENT_ID);
    expect(integration.outputs.oauthClientSecret).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    expectNoSecrets(stack.stateFile, [OAUTH_CLIENT_SECRET]);
    const refresh = expectOk(await stack.run("refresh", declarations));
    expect(refresh.changes.find((change) => change.name === "oauth")?.op).toBe("same");
    expectNoSecrets(stack.stateFile, [OAUTH_CLIENT_SECRET]);
    expectOk(await stack.run("destroy", declarations));
  });
});

describe("every variant reads back as declared", () => {
  test.each([
    ["SAML2", { name: "SQL_SAML", type: "saml2", saml2Issuer: "https://idp.example.com", saml2SsoUrl: "https://idp.example.com/sso", saml2Provider: "okta", saml2X509Cert: "MIIC8DCCAdigAwIBAgIQ", saml2EnableSpInitiated: true, saml2SpInitiatedLoginPageLabel: "Okta" }],
    ["SCIM", { name: "SQL_SCIM", type: "scim", scimClient: "azure", runAsRole: "aad_provisioner", comment: "provisioning" }],
    ["partner OAuth", { name: "SQL_TABLEAU", type: "oauth", oauthClient: "tableau_desktop", oauthIssueRefreshTokens: false, blockedRolesList: ["SYSADMIN"] }],
    // Keys given as RSA keys (a PEM), roles allowed rather than blocked, the scope options set.
    ["External OAuth", {
      name: "SQL_EXT_OAUTH", type: "external_oauth", externalOauthType: "custom", externalOauthIssuer: "https://auth.example.com", externalOauthTokenUserMappingClaim: ["sub", "email"],
      externalOauthSnowflakeUserMappingAttribute: "email_address", externalOauthRsaPublicKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString(),
      externalOauthAllowedRolesList: ["analyst", "\"Data Team\""], externalOauthAnyRoleMode: "enable_for_privilege", externalOauthScopeDelimiter: " ", externalOauthScopeMappingAttribute: "scope",
    }],
  ])("a %s security integration", async (_variant, inputs) => {
    const props = await roundTrip("SecurityIntegration", inputs);
    if (inputs.type === "saml2") expect(props.saml2SnowflakeAcsUrl).toMatch(/^https:\/\/.*\/fed\/login$/);
  });

  test.each([
    ["JSON", { type: "json", compression: "gzip", stripOuterArray: true, stripNullValues: true, dateFormat: "YYYY-MM-DD", nullIf: [] }],
    ["AVRO", { type: "avro", compression: "auto", trimSpace: true, nullIf: ["NULL"] }],
    ["ORC", { type: "orc", trimSpace: true }],
    ["PARQUET", { type: "parquet", compression: "snappy", binaryAsText: false, useLogicalType: true }],
    ["XML", { type: "xml", preserveSpace: true, stripOuterElement: true, disableAutoConvert: true, ignoreUtf8Errors: true }],
    ["CSV", { type: "csv", recordDelimiter: "\n", fieldDelimiter: "\t", parseHeader: true, skipBlankLines: true, escape: "\\", escapeUnenclosedField: "none", errorOnColumnCountMismatch: false, emptyFieldAsNull: false, encoding: "ISO-8859-1" }],
  ])("a %s file format and its options", async (type, options) => {
    await roundTrip("FileFormat", { ...S, name: `FF_${type}`, ...options });
  });

  test("a storage integration on GCS and one on Azure, with what the cloud side needs", async () => {
    const gcs = await roundTrip("StorageIntegration", { name: "SQL_GCS", storageProvider: "gcs", storageAllowedLocations: ["gcs://bucket/path/"], storageBlockedLocations: ["gcs://bucket/path/private/"] });
    expect(gcs.storageGcpServiceAccount).toMatch(/@.*\.iam\.gserviceaccount\.com$/);
    const azure = await roundTrip("StorageIntegration", { name: "SQL_AZURE", storageProvider: "azure", azureTenantId: "a123b4c5-1234-123a-a12b-1a23b45678c9", storageAllowedLocations: ["azure://account.blob.core.windows.net/container/"] });
    expect(azure.azureConsentUrl).toMatch(/^https:\/\/login\.microsoftonline\.com\/a123b4c5-1234-123a-a12b-1a23b45678c9\//);
    expect(azure.azureMultiTenantAppName).toEqual(expect.any(String));
  });
});

describe("drift in what DESCRIBE reports", () => {
  test("a file format option changed by hand is seen by a read and put back by an update", async () => {
    const engine = engineAgainst(stack.emulator, "FileFormat");
    const inputs = { ...S, name: "FF_DRIFT", type: "csv", fieldDelimiter: "|", skipHeader: 1 };
    const { outs } = await engine.create(inputs);
    await stack.sql(`ALTER FILE FORMAT SQLDB.S.FF_DRIFT SET FIELD_DELIMITER = ';' SKIP_HEADER = 3`);
    const read = await engine.read("", outs);
    expect(read.props).toMatchObject({ fieldDelimiter: ";", skipHeader: 3 });
    const diff = await engine.diff("", read.props!, inputs);
    expect(diff.changes).toBe(true);
    await engine.update("", read.props!, inputs);
    expect((await engine.read("", outs)).props).toMatchObject({ fieldDelimiter: "|", skipHeader: 1 });
  });
});

describe("an External OAuth integration's options removed in place", () => {
  test("the role list is emptied by SET ... = () and the any-role mode set back; removing the keys URL replaces", async () => {
    const engine = engineAgainst(stack.emulator, "SecurityIntegration");
    const base = { name: "SQL_EXT_REMOVALS", type: "external_oauth", externalOauthType: "okta", externalOauthIssuer: "https://okta.example.com/oauth2/default", externalOauthTokenUserMappingClaim: ["sub"], externalOauthSnowflakeUserMappingAttribute: "login_name", externalOauthJwsKeysUrl: ["https://okta.example.com/oauth2/default/v1/keys"] };
    const inputs = { ...base, externalOauthBlockedRolesList: ["SYSADMIN"], externalOauthAnyRoleMode: "enable" };
    const { outs } = await engine.create(inputs);
    const described = async () => Object.fromEntries(rowsOf(await stack.sql("DESCRIBE SECURITY INTEGRATION SQL_EXT_REMOVALS")).map((row) => [row.property, row.property_value]));
    // Snowflake adds the privileged roles to the blocked list: a declared list without them reads back unchanged.
    expect((await described()).EXTERNAL_OAUTH_BLOCKED_ROLES_LIST).toBe("ACCOUNTADMIN,ORGADMIN,SECURITYADMIN,SYSADMIN");
    const read = await engine.read("", outs);
    expect((await engine.diff("", read.props!, inputs)).changes).toBe(false);
    const diff = await engine.diff("", read.props!, base);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const { outs: after } = await engine.update("", read.props!, base);
    expect(await described()).toMatchObject({ EXTERNAL_OAUTH_BLOCKED_ROLES_LIST: "ACCOUNTADMIN,ORGADMIN,SECURITYADMIN", EXTERNAL_OAUTH_ANY_ROLE_MODE: "DISABLE" });
    expect((await engine.diff("", (await engine.read("", after)).props!, base)).changes).toBe(false);
    const { externalOauthJwsKeysUrl: _urls, ...withoutKeys } = base;
    expect((await engine.diff("", after, withoutKeys)).replaces).toEqual(["externalOauthJwsKeysUrl"]);
    await engine.delete("", after);
  });
});

describe("objects in use are not replaced implicitly", () => {
  test("a resource monitor a warehouse is assigned: removing its triggers (a replacement) is refused, naming the warehouse", async () => {
    const engine = engineAgainst(stack.emulator, "ResourceMonitor");
    const inputs = { name: "SQL_MONITOR", creditQuota: 5, triggers: [{ threshold: 100, action: "suspend" }] };
    const { outs } = await engine.create(inputs);
    await stack.rest("POST", "/api/v2/warehouses", { name: "SQL_MONITORED_WH", resource_monitor: "SQL_MONITOR", initially_suspended: "true" });
    await expect(engine.diff("", outs, { name: "SQL_MONITOR", creditQuota: 5 })).rejects.toThrow(/refused: changing triggers replaces resource monitor SQL_MONITOR, which warehouse SQL_MONITORED_WH uses/);
    expect(await engine.diff("", outs, { name: "SQL_MONITOR", creditQuota: 5, allowReplace: true })).toMatchObject({ changes: true, replaces: ["triggers"] });
  });

  test("a storage integration a stage uses: moving it to another cloud is refused, naming the stage", async () => {
    const engine = engineAgainst(stack.emulator, "StorageIntegration");
    const inputs = { name: "SQL_LANDING", storageProvider: "s3", storageAwsRoleArn: "arn:aws:iam::123456789012:role/landing", storageAllowedLocations: ["s3://landing/"] };
    const { outs } = await engine.create(inputs);
    await engineAgainst(stack.emulator, "Stage").create({ ...S, name: "LANDING", url: "s3://landing/in/", storageIntegration: "SQL_LANDING" });
    await expect(engine.diff("", outs, { name: "SQL_LANDING", storageProvider: "gcs", storageAllowedLocations: ["gcs://landing/"] })).rejects.toThrow(/which stage SQLDB\.S\.LANDING uses/);
  });

  test("a masking policy set on a column: read back, its replacement refused, Snowflake's DROP refused, the resource's delete unsets it first", async () => {
    await stack.rest("POST", "/api/v2/databases/SQLDB/schemas/S/tables", { name: "CUSTOMERS", columns: [{ name: "EMAIL", datatype: "VARCHAR" }, { name: "REGION", datatype: "VARCHAR" }] });
    const engine = engineAgainst(stack.emulator, "MaskingPolicy");
    const inputs = { ...S, name: "SQL_MASK", signature: [{ name: "v", datatype: "string" }], returns: "string", body: "'***'", columns: ["SQLDB.S.CUSTOMERS.EMAIL"] };
    const { outs } = await engine.create(inputs);
    const references = rowsOf(await stack.sql(`SELECT * FROM TABLE(SQLDB.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => 'SQLDB.S.SQL_MASK'))`));
    expect(references.map((row) => `${row.REF_ENTITY_NAME}.${row.REF_COLUMN_NAME}`)).toEqual(["CUSTOMERS.EMAIL"]);
    expect(await engine.diff("", (await engine.read("", outs)).props!, inputs)).toMatchObject({ changes: false });
    await expect(engine.diff("", outs, { ...inputs, signature: [{ name: "v", datatype: "string" }, { name: "w", datatype: "string" }] })).rejects.toThrow(/which column SQLDB\.S\.CUSTOMERS\.EMAIL uses/);
    const drop = await stack.rest("POST", "/api/v2/statements", { statement: "DROP MASKING POLICY SQLDB.S.SQL_MASK" });
    expect(drop.body.message).toMatch(/cannot be dropped because it is attached to SQLDB\.S\.CUSTOMERS\.EMAIL/);
    // A second policy on the same column is refused by Snowflake.
    const other = engineAgainst(stack.emulator, "MaskingPolicy");
    await expect(other.create({ ...inputs, name: "SQL_MASK_2" })).rejects.toThrow(/already attached to another masking policy/);
    // Removing the failed one again leaves the first policy where it was.
    expect(rowsOf(await stack.sql(`SELECT * FROM TABLE(SQLDB.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => 'SQLDB.S.SQL_MASK'))`))).toHaveLength(1);
    await engine.delete("", outs);
    expect(rowsOf(await stack.sql("SHOW MASKING POLICIES LIKE 'SQL_MASK%' IN SCHEMA SQLDB.S"))).toEqual([]);
  });

  test("a row access policy on a table, moved to other columns in place (DROP then ADD)", async () => {
    const engine = engineAgainst(stack.emulator, "RowAccessPolicy");
    const inputs = { ...S, name: "SQL_ROWS", signature: [{ name: "r", datatype: "varchar" }], body: "r = 'EU'", tables: [{ table: "SQLDB.S.CUSTOMERS", on: ["REGION"] }] };
    const { outs } = await engine.create(inputs);
    const next = { ...inputs, tables: [{ table: "SQLDB.S.CUSTOMERS", on: ["EMAIL"] }] };
    await engine.update("", outs, next);
    const references = rowsOf(await stack.sql(`SELECT * FROM TABLE(SQLDB.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => 'SQLDB.S.SQL_ROWS'))`));
    expect(references.map((row) => [row.REF_ENTITY_NAME, row.REF_ARG_COLUMN_NAMES])).toEqual([["CUSTOMERS", '["EMAIL"]']]);
    expect(await engine.diff("", (await engine.read("", outs)).props!, next)).toMatchObject({ changes: false });
    await engine.delete("", outs);
  });
});

describe("a share's objects and consumer accounts", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ accounts: [{ name: "PROVIDER" }, { name: "CONSUMER" }, { name: "OTHER" }] });
    await callEmulator(emulator, "POST", "/api/v2/databases", { name: "SALES" });
    await callEmulator(emulator, "POST", "/api/v2/databases/SALES/schemas", { name: "PUBLIC" });
    await callEmulator(emulator, "POST", "/api/v2/databases/SALES/schemas/PUBLIC/tables", { name: "ORDERS", columns: [{ name: "ID", datatype: "NUMBER" }] });
  });
  afterAll(async () => {
    await closeAllPools();
    await emulator.close();
  });
  const grants = rowsOfShare("SHOW GRANTS TO SHARE SALES_SHARE");
  function rowsOfShare(statement: string) {
    return async () => rowsOf(await callEmulator(emulator, "POST", "/api/v2/statements", { statement }));
  }

  test("are granted and added one by one, read back, and taken away again", async () => {
    const engine = engineAgainst(emulator, "Share");
    const database = { privilege: "usage", on: "database", name: "SALES" };
    const table = { privilege: "select", on: "table", name: "SALES.PUBLIC.ORDERS" };
    const schema = { privilege: "usage", on: "schema", name: "SALES.PUBLIC" };
    // Declared contents first: the grants go out containers first all the same.
    const first = { name: "SALES_SHARE", grants: [table, schema, database], accounts: ["ORG.CONSUMER"], comment: "orders" };
    const { outs } = await engine.create(first);
    expect((await grants()).map((row) => `${row.privilege} ${row.granted_on} ${row.name}`)).toEqual(["USAGE DATABASE SALES", "USAGE SCHEMA SALES.PUBLIC", "SELECT TABLE SALES.PUBLIC.ORDERS"]);
    const read = await engine.read("", outs);
    expect(await engine.diff("", read.props!, first)).toMatchObject({ changes: false });
    const next = { ...first, grants: [database, schema], accounts: ["ORG.OTHER"] };
    await engine.update("", read.props!, next);
    expect((await grants()).map((row) => row.name)).toEqual(["SALES", "SALES.PUBLIC"]);
    expect((await rowsOfShare("SHOW SHARES LIKE 'SALES_SHARE'")())[0]).toMatchObject({ to: "ORG.OTHER", database_name: "SALES", comment: "orders" });
    expect(await engine.diff("", (await engine.read("", outs)).props!, next)).toMatchObject({ changes: false });
    await engine.delete("", outs);
    expect(await rowsOfShare("SHOW SHARES LIKE 'SALES_SHARE'")()).toEqual([]);
  });

  test("an account that is not in the organization is refused by Snowflake", async () => {
    const engine = engineAgainst(emulator, "Share");
    await expect(engine.create({ name: "NOWHERE_SHARE", accounts: ["ORG.NOWHERE"] })).rejects.toThrow(/Account 'ORG\.NOWHERE' does not exist or not authorized/);
  });
});
