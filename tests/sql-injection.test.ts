// Every statement the SQL-only types issue (CREATE, SHOW ... LIKE, DESCRIBE, ALTER ... SET / SET BODY / TRIGGERS /
// RENAME TO, DROP) carries names and values with quotes, `$$`, semicolons and comments exactly: the emulator parses
// the statements the way Snowflake reads them, and each value read back (through the engine and through the
// emulator's own SHOW / DESCRIBE) equals the one declared. Each request holds one statement, and a value that
// tries to end the statement and drop another object drops nothing.
import { closeAllPools } from "../provider/client/rest-client";
import { Properties } from "../provider/engine/definition";
import { Emulator, startEmulator } from "./emulator";
import { statementOf } from "./emulator/server";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { rowsOf } from "./support/sql-rows";

const TRICKY = ["it's", 'say "hi"', "back\\slash", "semi; colon", "-- not a comment", "$$dollar$$", "/* c */", "line\nbreak", `\\'; DROP RESOURCE MONITOR "VICTIM"; --`];
/** A quoted identifier holding every troublesome character, and its stored form. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const NAME_TEXT = `it's "odd"; -- $$ /* x */`;
const NAME = quoted(NAME_TEXT);
const RENAMED_TEXT = `renamed '$$'; /* -- */ "x"`;

let emulator: Emulator;
const sql = async (statement: string) => {
  const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement });
  if (answer.status !== 200) throw new Error(`${statement}: ${JSON.stringify(answer.body)}`);
  return rowsOf(answer);
};

beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: '"My; DB"' });
  await callEmulator(emulator, "POST", `/api/v2/databases/${encodeURIComponent('"My; DB"')}/schemas`, { name: '"select -- s"' });
  // Users notifications may go to, with names that need quoting.
  for (const user of [`o'brien`, `x"; --`]) await callEmulator(emulator, "POST", "/api/v2/users", { name: quoted(user), email: "someone@example.com" });
  // A table whose quoted column the masking policy is set on (ALTER TABLE ... MODIFY COLUMN ... SET MASKING POLICY).
  await callEmulator(emulator, "POST", `/api/v2/databases/${encodeURIComponent('"My; DB"')}/schemas/${encodeURIComponent('"select -- s"')}/tables`, { name: quoted(`masked ${NAME_TEXT}`), columns: [{ name: quoted(`col ${NAME_TEXT}`), datatype: "VARCHAR" }] });
  // What a value that ends the statement would try to drop.
  await sql(`CREATE RESOURCE MONITOR "VICTIM" WITH CREDIT_QUOTA = 1`);
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

/** Runs an engine operation and adds the statements it sent (one per SQL API request) to `sent`. */
async function recording<T>(sent: string[], operation: () => Promise<T>): Promise<T> {
  emulator.clearRequestLog();
  const result = await operation();
  sent.push(...emulator.requestLog.filter((entry) => entry.path === "/api/v2/statements" && entry.method === "POST").map((entry) => statementOf(entry)!));
  return result;
}

/** Create, read back, change, read back, rename and drop one object of the type, then what reached Snowflake. */
async function lifecycle(type: string, first: Properties, changed: Properties, readBack: (stored: string) => Promise<Record<string, unknown>>) {
  const engine = engineAgainst(emulator, type);
  const statements: string[] = [];
  const { outs } = await recording(statements, () => engine.create(first));
  const created = await readBack(NAME_TEXT);
  expect((await engine.diff("", (await engine.read("", outs)).props!, first)).changes).toBe(false);
  const { outs: afterUpdate } = await recording(statements, () => engine.update("", outs, changed));
  const updated = await readBack(changed.name !== first.name ? RENAMED_TEXT : NAME_TEXT);
  expect((await engine.diff("", (await engine.read("", afterUpdate)).props!, changed)).changes).toBe(false);
  await recording(statements, () => engine.delete("", afterUpdate));
  // Nothing a value carried ran as a statement of its own: the other monitor is still there.
  expect((await sql(`SHOW RESOURCE MONITORS LIKE 'VICTIM'`)).map((row) => row.name)).toEqual(["VICTIM"]);
  return { created, updated, statements };
}

const shownRow = async (show: string) => (await sql(show))[0] ?? {};

describe.each(TRICKY.map((value) => [JSON.stringify(value), value]))("the value %s", (_shown, value) => {
  test("in a file format's options and comment, under quoted names in quoted containers", async () => {
    const container = { database: '"My; DB"', schema: '"select -- s"' };
    const first = { ...container, name: NAME, type: "csv", dateFormat: value, nullIf: [value, "NULL"], fieldOptionallyEnclosedBy: "'", comment: value };
    const changed = { ...first, name: quoted(RENAMED_TEXT), timestampFormat: value, encoding: value, comment: `${value} v2` };
    const where = `IN SCHEMA "My; DB"."select -- s"`;
    const readBack = async (stored: string) => {
      const described = Object.fromEntries((await sql(`DESCRIBE FILE FORMAT "My; DB"."select -- s".${quoted(stored)}`)).map((row) => [row.property, row.property_value]));
      const shown = await shownRow(`SHOW FILE FORMATS LIKE '${stored.replace(/\\/g, "\\\\").replace(/'/g, "''").replace(/[_%]/g, "\\\\$&")}' ${where}`);
      return { name: shown.name, comment: shown.comment, DATE_FORMAT: described.DATE_FORMAT, TIMESTAMP_FORMAT: described.TIMESTAMP_FORMAT, ENCODING: described.ENCODING, NULL_IF: described.NULL_IF, FIELD_OPTIONALLY_ENCLOSED_BY: described.FIELD_OPTIONALLY_ENCLOSED_BY };
    };
    const { created, updated, statements } = await lifecycle("FileFormat", first, changed, readBack);
    expect(created).toEqual({ name: NAME_TEXT, comment: value, DATE_FORMAT: value, TIMESTAMP_FORMAT: "AUTO", ENCODING: "UTF8", NULL_IF: `[${value}, NULL]`, FIELD_OPTIONALLY_ENCLOSED_BY: "'" });
    expect(updated).toEqual({ name: RENAMED_TEXT, comment: `${value} v2`, DATE_FORMAT: value, TIMESTAMP_FORMAT: value, ENCODING: value, NULL_IF: `[${value}, NULL]`, FIELD_OPTIONALLY_ENCLOSED_BY: "'" });
    expect(statements.map((statement) => statement.split(" ")[0])).toEqual(["CREATE", "SHOW", "DESCRIBE", "ALTER", "ALTER", "SHOW", "DESCRIBE", "DROP"]);
  });

  test("in a masking policy's body and comment, with a quoted argument name", async () => {
    // The body is SQL the user writes, string literals escaped as Snowflake reads them (String constants docs).
    const body = `CASE WHEN "it's ""arg""" = '${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}' THEN '***' ELSE "it's ""arg""" END`;
    const first = { database: '"My; DB"', schema: '"select -- s"', name: NAME, signature: [{ name: `"it's ""arg"""`, datatype: "varchar" }], returns: "varchar", body, comment: value };
    const column = `"My; DB"."select -- s".${quoted(`masked ${NAME_TEXT}`)}.${quoted(`col ${NAME_TEXT}`)}`;
    const changed = { ...first, name: quoted(RENAMED_TEXT), body: `${body} -- ${value.replace(/\n/g, " ")}\n`, columns: [column], comment: `${value} v2` };
    const readBack = async (stored: string) => {
      const [described] = await sql(`DESCRIBE MASKING POLICY "My; DB"."select -- s".${quoted(stored)}`);
      const references = await sql(`SELECT * FROM TABLE("My; DB".INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => '${`"My; DB"."select -- s".${quoted(stored)}`.replace(/'/g, "''")}'))`);
      return { signature: described.signature, body: described.body, columns: references.map((row) => `${row.REF_ENTITY_NAME}.${row.REF_COLUMN_NAME}`) };
    };
    const { created, updated, statements } = await lifecycle("MaskingPolicy", first, changed, readBack);
    expect(created).toEqual({ signature: `(it's "arg" VARCHAR)`, body, columns: [] });
    expect(updated).toEqual({ signature: `(it's "arg" VARCHAR)`, body: changed.body.trim(), columns: [`masked ${NAME_TEXT}.col ${NAME_TEXT}`] });
    // SELECT: where the policy is set (INFORMATION_SCHEMA.POLICY_REFERENCES), read with it; before the DROP, the
    // column it is set on is read and unset.
    expect(statements.map((statement) => statement.split(" ")[0])).toEqual(["CREATE", "SHOW", "DESCRIBE", "SELECT", "ALTER", "ALTER", "ALTER", "ALTER", "SHOW", "DESCRIBE", "SELECT", "SHOW", "DESCRIBE", "SELECT", "ALTER", "DROP"]);
  });
});

describe("names that need quoting in every resource monitor statement", () => {
  test("a monitor named with quotes, $$, a semicolon and comments, notifying users named so too", async () => {
    const first = { name: NAME, creditQuota: 10, notifyUsers: [quoted(`o'brien`)], triggers: [{ threshold: 50, action: "notify" }] };
    const changed = { ...first, creditQuota: 20, notifyUsers: [quoted(`o'brien`), quoted(`x"; --`)], triggers: [{ threshold: 75, action: "notify" }, { threshold: 100, action: "suspend" }] };
    const readBack = async (stored: string) => {
      const row = await shownRow(`SHOW RESOURCE MONITORS LIKE '${stored.replace(/'/g, "''")}'`);
      return { name: row.name, credit_quota: row.credit_quota, notify_users: row.notify_users, notify_at: row.notify_at };
    };
    const { created, updated, statements } = await lifecycle("ResourceMonitor", first, changed, readBack);
    expect(created).toEqual({ name: NAME_TEXT, credit_quota: "10.00", notify_users: `o'brien`, notify_at: "50%" });
    expect(updated).toEqual({ name: NAME_TEXT, credit_quota: "20.00", notify_users: `o'brien, x"; --`, notify_at: "75%" });
    expect(statements.map((statement) => statement.split(" ")[0])).toEqual(["CREATE", "SHOW", "ALTER", "ALTER", "SHOW", "DROP"]);
  });
});

describe("SQL the user writes (a policy body) is one statement", () => {
  test("a body that ends its string and appends a DROP is refused as two statements, and nothing is dropped", async () => {
    const engine = engineAgainst(emulator, "RowAccessPolicy");
    const body = `region = 'EU'; DROP RESOURCE MONITOR "VICTIM"; SELECT 'x'`;
    await expect(engine.create({ database: '"My; DB"', schema: '"select -- s"', name: "ESCAPING", signature: [{ name: "region", datatype: "varchar" }], body })).rejects.toThrow(/statement count 3 did not match the desired statement count 1/);
    expect((await sql(`SHOW RESOURCE MONITORS LIKE 'VICTIM'`)).map((row) => row.name)).toEqual(["VICTIM"]);
    expect(await sql(`SHOW ROW ACCESS POLICIES LIKE 'ESCAPING' IN SCHEMA "My; DB"."select -- s"`)).toEqual([]);
  });
});

describe("the value in the integrations' and shares' statements", () => {
  const [value] = [`it's "q"; -- $$ /* c */ \\'; DROP RESOURCE MONITOR "VICTIM"; --`];
  const integration = quoted(`int ${NAME_TEXT}`);
  const integrationText = `int ${NAME_TEXT}`;

  test("a storage integration's name, locations and comment (CREATE, SHOW, DESCRIBE, ALTER, DROP)", async () => {
    const location = `s3://bucket/${value.replace(/\s/g, "_")}/`;
    const first = { name: integration, storageProvider: "s3", storageAwsRoleArn: `arn:aws:iam::123456789012:role/${value}`, storageAllowedLocations: [location], comment: value };
    const changed = { ...first, storageBlockedLocations: [`${location}private/`], comment: `${value} v2` };
    const readBack = async () => {
      const described = Object.fromEntries((await sql(`DESCRIBE STORAGE INTEGRATION ${quoted(integrationText)}`)).map((row) => [row.property, row.property_value]));
      return { role: described.STORAGE_AWS_ROLE_ARN, allowed: described.STORAGE_ALLOWED_LOCATIONS, blocked: described.STORAGE_BLOCKED_LOCATIONS, comment: described.COMMENT };
    };
    const engine = engineAgainst(emulator, "StorageIntegration");
    const statements: string[] = [];
    const { outs } = await recording(statements, () => engine.create(first));
    expect(await readBack()).toEqual({ role: first.storageAwsRoleArn, allowed: location, blocked: "", comment: value });
    const { outs: after } = await recording(statements, () => engine.update("", outs, changed));
    expect(await readBack()).toEqual({ role: first.storageAwsRoleArn, allowed: location, blocked: `${location}private/`, comment: `${value} v2` });
    expect((await engine.diff("", (await engine.read("", after)).props!, changed)).changes).toBe(false);
    await recording(statements, () => engine.delete("", after));
    expect(statements.map((statement) => statement.split(" ")[0])).toEqual(["CREATE", "SHOW", "DESCRIBE", "ALTER", "SHOW", "DESCRIBE", "DROP"]);
    expect((await sql(`SHOW RESOURCE MONITORS LIKE 'VICTIM'`)).map((row) => row.name)).toEqual(["VICTIM"]);
  });

  test("an external access integration naming a quoted rule and secret", async () => {
    const rule = { database: '"My; DB"', schema: '"select -- s"', name: quoted(`rule ${NAME_TEXT}`) };
    await engineAgainst(emulator, "NetworkRule").create({ ...rule, type: "HOST_PORT", mode: "EGRESS", valueList: ["api.example.com"] });
    await engineAgainst(emulator, "Secret").create({ database: rule.database, schema: rule.schema, name: quoted(`secret ${NAME_TEXT}`), type: "password", username: "u", password: value });
    const ruleName = `"My; DB"."select -- s".${rule.name}`;
    const secretName = `"My; DB"."select -- s".${quoted(`secret ${NAME_TEXT}`)}`;
    const engine = engineAgainst(emulator, "ExternalAccessIntegration");
    const first = { name: integration, allowedNetworkRules: [ruleName], allowedAuthenticationSecrets: [secretName], comment: value };
    const { outs } = await engine.create(first);
    const described = Object.fromEntries((await sql(`DESCRIBE EXTERNAL ACCESS INTEGRATION ${quoted(integrationText)}`)).map((row) => [row.property, row.property_value]));
    expect(described).toMatchObject({ ALLOWED_NETWORK_RULES: ruleName, ALLOWED_AUTHENTICATION_SECRETS: secretName, COMMENT: value });
    expect((await engine.diff("", (await engine.read("", outs)).props!, first)).changes).toBe(false);
    await engine.delete("", outs);
  });

  test("a security integration's name in SYSTEM$SHOW_OAUTH_CLIENT_SECRETS, and its redirect URI", async () => {
    // One namespace for every integration: each test of this block drops its own before the next.
    const engine = engineAgainst(emulator, "SecurityIntegration");
    const first = { name: integration, type: "oauth", oauthClient: "custom", oauthClientType: "public", oauthRedirectUri: `https://app.example.com/cb?state=${value}`, comment: value };
    const statements: string[] = [];
    const { outs } = await recording(statements, () => engine.create(first));
    expect(statements).toContain(`SELECT SYSTEM$SHOW_OAUTH_CLIENT_SECRETS('int it''s "odd"; -- $$ /* x */')`);
    const [secrets] = await sql(`SELECT SYSTEM$SHOW_OAUTH_CLIENT_SECRETS('${integrationText.replace(/'/g, "''")}')`);
    expect(outs.oauthClientSecret).toBe(JSON.parse(String(Object.values(secrets)[0])).OAUTH_CLIENT_SECRET);
    expect((await engine.diff("", (await engine.read("", outs)).props!, first)).changes).toBe(false);
    await engine.delete("", outs);
  });

  test("an External OAuth integration's issuer, claims and audiences", async () => {
    const engine = engineAgainst(emulator, "SecurityIntegration");
    const first = {
      name: integration, type: "external_oauth", externalOauthType: "custom", externalOauthIssuer: `https://idp.example.com/${value}`, externalOauthTokenUserMappingClaim: ["sub"],
      externalOauthSnowflakeUserMappingAttribute: "login_name", externalOauthAudienceList: [value], externalOauthScopeMappingAttribute: value, comment: value,
    };
    const { outs } = await engine.create(first);
    const described = Object.fromEntries((await sql(`DESCRIBE SECURITY INTEGRATION ${quoted(integrationText)}`)).map((row) => [row.property, row.property_value]));
    expect(described).toMatchObject({ EXTERNAL_OAUTH_ISSUER: `https://idp.example.com/${value}`, EXTERNAL_OAUTH_AUDIENCE_LIST: value, EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE: value, COMMENT: value });
    expect((await engine.diff("", (await engine.read("", outs)).props!, first)).changes).toBe(false);
    await engine.delete("", outs);
  });

  test("a share's name and the quoted objects granted to it (GRANT ... TO SHARE, SHOW GRANTS TO SHARE, REVOKE)", async () => {
    const table = `"My; DB"."select -- s".${quoted(`table ${NAME_TEXT}`)}`;
    await engineAgainst(emulator, "Table").create({ database: '"My; DB"', schema: '"select -- s"', name: quoted(`table ${NAME_TEXT}`), columns: [{ name: "ID", datatype: "NUMBER" }] });
    const engine = engineAgainst(emulator, "Share");
    const grants = [{ privilege: "usage", on: "database", name: '"My; DB"' }, { privilege: "usage", on: "schema", name: '"My; DB"."select -- s"' }, { privilege: "select", on: "table", name: table }];
    const first = { name: quoted(`share ${NAME_TEXT}`), grants, comment: value };
    const statements: string[] = [];
    const { outs } = await recording(statements, () => engine.create(first));
    const shown = await sql(`SHOW GRANTS TO SHARE ${quoted(`share ${NAME_TEXT}`)}`);
    expect(shown.map((row) => row.name)).toEqual(["My; DB", "My; DB.select -- s", `My; DB.select -- s.table ${NAME_TEXT}`]);
    expect((await engine.diff("", (await engine.read("", outs)).props!, first)).changes).toBe(false);
    const { outs: after } = await recording(statements, () => engine.update("", outs, { ...first, grants: grants.slice(0, 2) }));
    expect((await sql(`SHOW GRANTS TO SHARE ${quoted(`share ${NAME_TEXT}`)}`)).length).toBe(2);
    await recording(statements, () => engine.delete("", after));
    expect(statements.map((statement) => statement.split(" ")[0])).toEqual(["CREATE", "GRANT", "GRANT", "GRANT", "SHOW", "SHOW", "REVOKE", "SHOW", "SHOW", "DROP"]);
  });
});
