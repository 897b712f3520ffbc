// List lookups of the types reached through the SQL API (listResourceMonitors, listFileFormats, ...) through the
// public SDK against the emulator: SHOW <objects> [ LIKE ] [ IN SCHEMA ], with startsWith and limit applied after
// the list, each result equal to get's for the same object, names that need quotes, the rows of other integration
// types left out, a container that is not there, and bad arguments refused before any request.
import * as snowflake from "../sdk";
import { closeAllPools } from "../provider/client/rest-client";
import { Properties } from "../provider/engine/definition";
import { lookupAvailability } from "../provider/engine/lookup-shape";
import { resourceDefinitions } from "../provider/resources";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { rowsOf } from "./support/sql-rows";
import { connectionEnv } from "./support/test-stack";

let emulator: Emulator;
const savedEnv = { ...process.env };
const S = { database: "SQLK", schema: "S" };

async function made(apiPath: string, body: unknown): Promise<void> {
  const answer = await callEmulator(emulator, "POST", apiPath, body);
  if (answer.status !== 200) throw new Error(`POST ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Made as a resource makes it (the engine's CREATE statements): the lookups then read what a stack would have. */
async function created(type: string, inputs: Properties): Promise<void> {
  await engineAgainst(emulator, type).create(inputs);
}

const MASK = { signature: [{ name: "val", datatype: "string" }], returns: "string", body: "CASE WHEN CURRENT_ROLE() = 'ANALYST' THEN val ELSE '***' END" };
const S3 = { storageProvider: "s3", storageAwsRoleArn: "arn:aws:iam::123456789012:role/lk", storageAllowedLocations: ["s3://lk-bucket/in/"] };

beforeAll(async () => {
  // A second account of the organization shares with this one: its share is inbound here, not one of ours.
  emulator = await startEmulator({ accounts: [{ name: "LOOKUPS" }, { name: "PARTNER" }] });
  await made("/api/v2/databases", { name: "SQLK" });
  for (const name of ["S", "OTHER"]) await made("/api/v2/databases/SQLK/schemas", { name });
  for (const [name, creditQuota] of [["mon_alpha", 100], ["mon_beta", 200], ["monx_1", 300], ['"my monitor"', 400]] as const) {
    await created("ResourceMonitor", { name, creditQuota });
  }
  for (const [name, type] of [["csv_a", "csv"], ["csv_b", "csv"], ["json_a", "json"], ['"my format"', "csv"]]) {
    await created("FileFormat", { ...S, name, type, comment: `format ${name}` });
  }
  await created("FileFormat", { database: "SQLK", schema: "OTHER", name: "csv_other", type: "csv" });
  for (const name of ["mask_a", "mask_b"]) await created("MaskingPolicy", { ...S, name, ...MASK, comment: `policy ${name}` });
  for (const name of ["store_a", "store_b"]) await created("StorageIntegration", { name, ...S3, comment: `integration ${name}` });
  // Another integration type whose name LIKE 'STORE%' matches too: SHOW STORAGE INTEGRATIONS must leave it out.
  await created("SecurityIntegration", { name: "store_scim", type: "scim", scimClient: "azure", runAsRole: "aad_provisioner" });
  // An OAuth client, whose id get reads with SYSTEM$SHOW_OAUTH_CLIENT_SECRETS.
  await created("SecurityIntegration", { name: "oauth_app", type: "oauth", oauthClient: "custom", oauthClientType: "confidential", oauthRedirectUri: "https://app.example.com/cb" });
  await created("Share", { name: "share_a", grants: [{ privilege: "usage", on: "database", name: "SQLK" }], comment: "with a database" });
  for (const name of ["share_b", '"my share"']) await created("Share", { name });
  const partner = emulator.accountHandle("PARTNER").credentials.programmaticAccessToken;
  for (const statement of ["CREATE SHARE SHARE_INBOUND COMMENT = 'from a partner'", "ALTER SHARE SHARE_INBOUND ADD ACCOUNTS = ORG.LOOKUPS"]) {
    const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement }, partner);
    if (answer.status !== 200) throw new Error(`${statement}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  Object.assign(process.env, connectionEnv(emulator));
});
afterAll(async () => {
  process.env = savedEnv;
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => { emulator.requestLog.length = 0; });
const statements = () => emulator.requestLog.filter((entry) => entry.method === "POST" && entry.path === "/api/v2/statements").length;
const names = (results: { name: string }[]) => results.map((result) => result.name);
// Where a quoted name sorts among unquoted ones is the emulator's guess (SHOW docs: by name), so those are compared as sets.
const nameSet = (results: { name: string }[]) => names(results).sort();

describe("what the SQL types offer", () => {
  test.each(["ResourceMonitor", "FileFormat", "MaskingPolicy", "RowAccessPolicy", "StorageIntegration", "ExternalAccessIntegration", "SecurityIntegration", "Share"])("%s has a list narrowed by LIKE only", (type) => {
    const availability = lookupAvailability(resourceDefinitions[type]);
    expect("shape" in availability && availability.shape.noList).toBeUndefined();
    const shape = "shape" in availability ? availability.shape : undefined;
    // A resource monitor's SHOW row is all get reads; the others add DESCRIBE, a system function or another SHOW.
    expect(shape?.list).toEqual({ like: true, startsWith: false, showLimit: false, fromName: false, rowsAreSnapshots: type === "ResourceMonitor" });
  });
});

describe("resource monitors (account objects; the SHOW row is the whole result)", () => {
  test("list all, by name, in one statement; each result equals get's", async () => {
    const monitors = await snowflake.listResourceMonitors();
    expect(nameSet(monitors)).toEqual(['"my monitor"', "MONX_1", "MON_ALPHA", "MON_BETA"]);
    expect(statements()).toBe(1);
    for (const monitor of monitors) expect(monitor).toEqual(await snowflake.getResourceMonitor(monitor.name));
    expect(monitors.find((monitor) => monitor.name === "MON_ALPHA")).toMatchObject({ creditQuota: 100, fullyQualifiedName: "MON_ALPHA", account: emulator.account });
  });

  test("like is case-insensitive, with SQL wildcards", async () => {
    expect(names(await snowflake.listResourceMonitors({ like: "mon_%" }))).toEqual(["MONX_1", "MON_ALPHA", "MON_BETA"]);
    expect(names(await snowflake.listResourceMonitors({ like: "%MONITOR" }))).toEqual(['"my monitor"']);
    // The pattern is a string literal (quotes and backslashes escaped), never SQL.
    await expect(snowflake.listResourceMonitors({ like: "%' OR name LIKE '%" })).resolves.toEqual([]);
    await expect(snowflake.listResourceMonitors({ like: "MON\\_ALPHA" })).resolves.toHaveLength(1);
  });

  test("startsWith is exact (case-sensitive, `_` literal), sent as an escaped LIKE and applied after it", async () => {
    expect(names(await snowflake.listResourceMonitors({ startsWith: "MON_" }))).toEqual(["MON_ALPHA", "MON_BETA"]);
    expect(statements()).toBe(1);
    expect(await snowflake.listResourceMonitors({ startsWith: "mon_" })).toEqual([]);
    expect(names(await snowflake.listResourceMonitors({ like: "%o%", startsWith: "my" }))).toEqual(['"my monitor"']);
  });

  test("limit is applied after the list", async () => {
    expect(names(await snowflake.listResourceMonitors({ like: "mon%", limit: 2 }))).toEqual(["MONX_1", "MON_ALPHA"]);
    expect(await snowflake.listResourceMonitors({ limit: 3 })).toHaveLength(3);
    expect(names(await snowflake.listResourceMonitors({ startsWith: "MON", limit: 1 }))).toEqual(["MONX_1"]);
  });

  test("a name that needs quotes is listed quoted, and get of that name gives the same result", async () => {
    const [listed] = await snowflake.listResourceMonitors({ like: "my monitor" });
    expect(listed).toMatchObject({ name: '"my monitor"', fullyQualifiedName: '"my monitor"', creditQuota: 400 });
    expect(await snowflake.getResourceMonitor('"my monitor"')).toEqual(listed);
  });

  test("the Output form", async () => {
    const listed = await new Promise((resolve) => snowflake.listResourceMonitorsOutput({ startsWith: "MON_" }).apply((monitors) => resolve(names(monitors))));
    expect(listed).toEqual(["MON_ALPHA", "MON_BETA"]);
  });
});

describe("file formats (schema objects read with DESCRIBE)", () => {
  test("the schema's formats only, each read as get reads it: one SHOW, then one DESCRIBE each", async () => {
    const formats = await snowflake.listFileFormats({ database: "sqlk", schema: "s" });
    expect(nameSet(formats)).toEqual(['"my format"', "CSV_A", "CSV_B", "JSON_A"]);
    expect(statements()).toBe(1 + 4);
    for (const format of formats) expect(format).toEqual(await snowflake.getFileFormat({ ...S, name: format.name }));
    expect(formats.find((format) => format.name === "JSON_A")).toMatchObject({ database: "SQLK", schema: "S", type: "JSON", comment: "format json_a", fullyQualifiedName: "SQLK.S.JSON_A" });
    expect(names(await snowflake.listFileFormats({ database: "SQLK", schema: "OTHER" }))).toEqual(["CSV_OTHER"]);
  });

  test("like, startsWith and limit; limit bounds the DESCRIBEs too", async () => {
    expect(names(await snowflake.listFileFormats({ ...S, like: "csv%" }))).toEqual(["CSV_A", "CSV_B"]);
    emulator.requestLog.length = 0;
    expect(names(await snowflake.listFileFormats({ ...S, startsWith: "CSV", limit: 1 }))).toEqual(["CSV_A"]);
    expect(statements()).toBe(2);
    const [quoted] = await snowflake.listFileFormats({ ...S, startsWith: "my " });
    expect(quoted).toMatchObject({ name: '"my format"', fullyQualifiedName: 'SQLK.S."my format"' });
    expect(await snowflake.getFileFormat({ ...S, name: '"my format"' })).toEqual(quoted);
  });

  test("a schema or database that is not there rejects, naming it", async () => {
    await expect(snowflake.listFileFormats({ database: "SQLK", schema: "NOPE" })).rejects.toThrow(snowflake.LookupNotFoundError);
    await expect(snowflake.listFileFormats({ database: "SQLK", schema: "NOPE" })).rejects.toThrow(`listFileFormats: no database / schema SQLK.NOPE in account ${emulator.account} to list file formats in`);
    const error = await snowflake.listMaskingPolicies({ database: "NO_DB", schema: "S" }).catch((caught) => caught);
    expect(error).toMatchObject({ name: "LookupNotFoundError", typeName: "MaskingPolicy", fullyQualifiedName: "NO_DB.S", account: emulator.account });
  });
});

describe("masking policies (DESCRIBE and the policy's references)", () => {
  test("list equals get, signature and body included", async () => {
    const policies = await snowflake.listMaskingPolicies({ ...S, like: "MASK%" });
    expect(names(policies)).toEqual(["MASK_A", "MASK_B"]);
    for (const policy of policies) expect(policy).toEqual(await snowflake.getMaskingPolicy({ ...S, name: policy.name }));
    expect(policies[0]).toMatchObject({ returns: "VARCHAR(16777216)", comment: "policy mask_a", body: MASK.body });
    await expect(snowflake.listRowAccessPolicies(S)).resolves.toEqual([]);
  });
});

describe("integrations: SHOW <type> INTEGRATIONS lists that type only", () => {
  test("storage integrations leave out the security integration whose name matches too", async () => {
    const storage = await snowflake.listStorageIntegrations({ like: "STORE%" });
    expect(names(storage)).toEqual(["STORE_A", "STORE_B"]);
    for (const integration of storage) expect(integration).toEqual(await snowflake.getStorageIntegration(integration.name));
    expect(storage[0]).toMatchObject({ storageProvider: "S3", storageAllowedLocations: S3.storageAllowedLocations, comment: "integration store_a", enabled: true });
    expect(names(await snowflake.listStorageIntegrations({ startsWith: "STORE_", limit: 5 }))).toEqual(["STORE_A", "STORE_B"]);
  });

  test("and security integrations leave out the storage ones", async () => {
    const security = await snowflake.listSecurityIntegrations({ startsWith: "STORE" });
    expect(names(security)).toEqual(["STORE_SCIM"]);
    expect(security[0]).toEqual(await snowflake.getSecurityIntegration("STORE_SCIM"));
    const [oauth] = await snowflake.listSecurityIntegrations({ like: "oauth%" });
    expect(oauth).toMatchObject({ name: "OAUTH_APP", type: "OAUTH", oauthClientId: expect.any(String) });
    expect(oauth).toEqual(await snowflake.getSecurityIntegration("OAUTH_APP"));
    await expect(snowflake.listExternalAccessIntegrations()).resolves.toEqual([]);
  });
});

describe("shares (their grants read by another SHOW)", () => {
  test("list all and by like; each equals get's; an inbound share is not one of the account's", async () => {
    // Snowflake's SHOW SHARES here lists the partner's share too, as kind INBOUND.
    const shown = rowsOf(await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "SHOW SHARES LIKE 'SHARE_%'" }));
    expect(shown.map((row) => `${row.kind} ${row.name}`)).toEqual(["OUTBOUND SHARE_A", "OUTBOUND SHARE_B", "INBOUND SHARE_INBOUND"]);
    emulator.requestLog.length = 0;
    const shares = await snowflake.listShares();
    expect(nameSet(shares)).toEqual(['"my share"', "SHARE_A", "SHARE_B"]);
    for (const share of shares) expect(share).toEqual(await snowflake.getShare(share.name));
    expect(shares.find((share) => share.name === "SHARE_A")).toMatchObject({ comment: "with a database", grants: [{ privilege: "USAGE", on: "DATABASE", name: "SQLK" }] });
    expect(names(await snowflake.listShares({ like: "SHARE_%", limit: 1 }))).toEqual(["SHARE_A"]);
    expect(names(await snowflake.listShares({ like: "MY SHARE" }))).toEqual(['"my share"']);
    await expect(snowflake.getShare("SHARE_INBOUND")).rejects.toThrow(snowflake.LookupNotFoundError);
  });
});

describe("bad arguments are refused before any request, naming the argument", () => {
  test.each([
    ["listFileFormats without schema", () => snowflake.listFileFormats({ database: "SQLK" } as never), "listFileFormats: argument schema is required: the schema the file format is in"],
    ["listFileFormats with a numeric database", () => snowflake.listFileFormats({ database: 7, schema: "S" } as never), "listFileFormats: argument database must be a string, not 7"],
    ["listMaskingPolicies with an invalid schema", () => snowflake.listMaskingPolicies({ database: "SQLK", schema: "bad-name" }), 'listMaskingPolicies: argument schema "bad-name" is not allowed'],
    ["listResourceMonitors with limit 0", () => snowflake.listResourceMonitors({ limit: 0 }), "listResourceMonitors: argument limit must be an integer from 1 to 10000, not 0"],
    ["listShares with an empty like", () => snowflake.listShares({ like: "" }), 'listShares: argument like must be a non-empty string, not ""'],
    ["listStorageIntegrations with a database", () => snowflake.listStorageIntegrations({ database: "SQLK" } as never), "listStorageIntegrations: argument database is not an argument of listStorageIntegrations; it takes like, startsWith, limit, connection"],
    ["listSecurityIntegrations with a numeric startsWith", () => snowflake.listSecurityIntegrations({ startsWith: 1 } as never), "listSecurityIntegrations: argument startsWith must be a non-empty string, not 1"],
  ])("%s", async (_case, call, message) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(snowflake.LookupArgumentError);
    expect((error as Error).message).toContain(message);
    expect(emulator.requestLog).toEqual([]);
  });
});
