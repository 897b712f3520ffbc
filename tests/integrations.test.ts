// Integrations, external volumes and secrets through the engine against the emulator: each type's variants are
// checked before anything is sent, credentials are sent but never read back (and stay out of state and messages),
// changes are made in place where Snowflake's ALTER allows it and are replacements where it does not, and the
// emulator holds these account objects to Snowflake's rules (one namespace for integrations, recipients that are
// users, secrets that exist).
import * as fs from "fs";
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { secretsFoundIn } from "./support/secret-scan";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "INT_DB" });
  await callEmulator(emulator, "POST", "/api/v2/users", { name: "OPS", email: "ops@example.com" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const get = async (path: string) => (await callEmulator(emulator, "GET", path)).body;
const sqlAnswer = (statement: string) => callEmulator(emulator, "POST", "/api/v2/statements", { statement });
const IN = { database: "INT_DB", schema: "PUBLIC" };

describe("check: each variant's inputs, before any request", () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ["an AWS hook without its role", "ApiIntegration", { name: "A", hookType: "aws", apiProvider: "aws_api_gateway", apiAllowedPrefixes: ["https://x/"] }, /apiAwsRoleArn: is required when hookType is AWS/],
    ["an Azure gateway on an AWS hook", "ApiIntegration", { name: "A", hookType: "AWS", apiProvider: "AZURE_API_MANAGEMENT", apiAwsRoleArn: "arn", apiAllowedPrefixes: ["https://x/"] }, /AZURE_API_MANAGEMENT is not a gateway of hookType AWS/],
    ["a Git hook with an API key", "ApiIntegration", { name: "A", hookType: "git", apiKey: "k", apiAllowedPrefixes: ["https://github.com/o"] }, /apiKey: does not apply when hookType is GIT/],
    ["a password secret with a secret string", "Secret", { ...IN, name: "S", type: "password", username: "u", password: "p", secretString: "s" }, /secretString: does not apply when type is PASSWORD/],
    ["a generic string secret without its string", "Secret", { ...IN, name: "S", type: "generic_string" }, /secretString: is required when type is GENERIC_STRING/],
    ["a webhook without its URL", "NotificationIntegration", { name: "N", notificationType: "webhook" }, /webhookUrl: is required when notificationType is WEBHOOK/],
    ["an email integration with an SNS topic", "NotificationIntegration", { name: "N", notificationType: "email", awsSnsTopicArn: "arn:aws:sns:x" }, /awsSnsTopicArn: does not apply when notificationType is EMAIL/],
    ["a recipient that is not an email address", "NotificationIntegration", { name: "N", notificationType: "email", allowedRecipients: ["ops"] }, /allowedRecipients: .*an email address/],
    ["an S3 location without its role", "ExternalVolume", { name: "V", storageLocations: [{ name: "l", storageProvider: "s3", storageBaseUrl: "s3://b/" }] }, /storageAwsRoleArn is required for storageProvider S3/],
    ["no storage location", "ExternalVolume", { name: "V", storageLocations: [] }, /storageLocations: \[\] is not allowed \(empty, so nothing is declared\); expected a list of storage locations/],
    ["a Glue catalog without its catalog id", "CatalogIntegration", { name: "C", catalogSource: "glue", glueAwsRoleArn: "arn", catalogNamespace: "ns" }, /glueCatalogId: is required when catalogSource is GLUE/],
  ];
  test.each(cases)("%s", async (_what, type, inputs, message) => {
    emulator.clearRequestLog();
    const { failures } = await engineAgainst(emulator, type).check({}, inputs);
    expect(failures.map((failure) => `${failure.property}: ${failure.reason}`).join("\n")).toMatch(message);
    expect(emulator.requestLog).toEqual([]);
  });

  test("a secret value in a failing check is never repeated", async () => {
    const { failures } = await engineAgainst(emulator, "Secret").check({}, { ...IN, name: "S", type: "generic_string", secretString: 42 });
    expect(JSON.stringify(failures)).toContain("[secret]");
    expect(JSON.stringify(failures)).not.toContain("42");
  });
});

describe("API integrations", () => {
  const declared = { name: "INT_API", hookType: "aws", apiProvider: "aws_api_gateway", apiAwsRoleArn: "arn:aws:iam::123456789012:role/api", apiKey: "api-key-1", apiAllowedPrefixes: ["https://a.execute-api.us-west-2.amazonaws.com/prod/"] };

  test("the key is sent at create, never returned, and changed by ALTER (a create-or-alter PUT does not alter it)", async () => {
    const api = engineAgainst(emulator, "ApiIntegration");
    const { outs } = await api.create(declared);
    expect(JSON.stringify(await get("/api/v2/api-integrations/INT_API"))).not.toContain("api-key-1");
    const refreshed = (await api.read("INT_API", outs)).props!;
    expect(refreshed.apiKey).toBe("api-key-1");
    expect((await api.diff("", refreshed, declared)).changes).toBe(false);
    emulator.clearRequestLog();
    const changed = { ...declared, apiKey: "api-key-2", apiBlockedPrefixes: ["https://a.execute-api.us-west-2.amazonaws.com/prod/admin/"], comment: "c" };
    const updated = (await api.update("", refreshed, changed)).outs;
    // The comment goes by PUT, the key and the blocked prefixes (which that PUT does not alter) by ALTER.
    expect(emulator.requestLog.some((entry) => entry.method === "PUT" && entry.path === "/api/v2/api-integrations/INT_API")).toBe(true);
    expect(emulator.requestLog.some((entry) => entry.path.endsWith("/statements"))).toBe(true);
    expect((await get("/api/v2/api-integrations/INT_API")).comment).toBe("c");
    expect((await get("/api/v2/api-integrations/INT_API")).api_blocked_prefixes).toEqual(["https://a.execute-api.us-west-2.amazonaws.com/prod/admin/"]);
    // Removing the blocked prefixes goes through UNSET, since the PUT keeps them.
    const { apiBlockedPrefixes: _gone, ...unblocked } = changed;
    await api.update("", updated, unblocked);
    expect((await get("/api/v2/api-integrations/INT_API")).api_blocked_prefixes).toBeUndefined();
  });

  test("a new gateway is a replacement, shown at preview", async () => {
    const api = engineAgainst(emulator, "ApiIntegration");
    const olds = { ...declared, name: "INT_API" };
    expect((await api.diff("", olds, { ...olds, apiProvider: "aws_private_api_gateway" })).replaces).toEqual(["apiProvider"]);
  });

  // (That a PUT keeps the key is not observable here: neither REST nor SQL ever shows the key.)
  test("the emulator refuses a create-or-alter PUT that changes the API provider", async () => {
    const put = await callEmulator(emulator, "PUT", "/api/v2/api-integrations/INT_API", {
      name: "INT_API", enabled: true, api_allowed_prefixes: ["https://a/"], api_hook: { type: "AWS", api_provider: "AWS_PRIVATE_API_GATEWAY", api_aws_role_arn: "arn" },
    });
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toMatch(/Cannot change the API provider/);
  });
});

describe("integrations share one namespace in the account", () => {
  test("a notification integration cannot take an API integration's name", async () => {
    await callEmulator(emulator, "POST", "/api/v2/api-integrations", { name: "SHARED_NAME", enabled: true, api_allowed_prefixes: ["https://github.com/o"], api_hook: { type: "GIT" } });
    const clash = await callEmulator(emulator, "POST", "/api/v2/notification-integrations", { name: "SHARED_NAME", notification_hook: { type: "EMAIL" } });
    expect(clash.status).toBe(409);
  });
});

describe("notification integrations", () => {
  test("email may go only to users of the account", async () => {
    const notification = engineAgainst(emulator, "NotificationIntegration");
    await expect(notification.create({ name: "INT_MAIL_STRANGER", notificationType: "email", allowedRecipients: ["stranger@example.com"] })).rejects.toThrow(/not allowed|do not belong/);
    const { outs } = await notification.create({ name: "INT_MAIL", notificationType: "email", allowedRecipients: ["OPS@example.com"], defaultSubject: "alerts" });
    expect((await get("/api/v2/notification-integrations/INT_MAIL")).notification_hook).toMatchObject({ type: "EMAIL", allowed_recipients: ["OPS@example.com"], default_subject: "alerts" });
    // A subject changed by hand is drift, and up puts the declared one back by ALTER.
    await sqlAnswer("ALTER NOTIFICATION INTEGRATION INT_MAIL SET DEFAULT_SUBJECT = 'by hand'");
    const refreshed = (await notification.read("INT_MAIL", outs)).props!;
    expect(refreshed.defaultSubject).toBe("by hand");
    await notification.update("", refreshed, { name: "INT_MAIL", notificationType: "email", allowedRecipients: ["OPS@example.com"] });
    expect((await get("/api/v2/notification-integrations/INT_MAIL")).notification_hook.default_subject).toBeUndefined();
  });

  test("a webhook names an existing secret; headers compare case-insensitively; Snowflake's SNS identities are outputs", async () => {
    const secret = engineAgainst(emulator, "Secret");
    await secret.create({ ...IN, name: "HOOK_TOKEN", type: "generic_string", secretString: "slack-token-1" });
    const notification = engineAgainst(emulator, "NotificationIntegration");
    await expect(notification.create({ name: "INT_HOOK_MISSING", notificationType: "webhook", webhookUrl: "https://hooks.slack.com/services/SNOWFLAKE_WEBHOOK_SECRET", webhookSecret: "INT_DB.PUBLIC.NO_SUCH" })).rejects.toThrow(/NO_SUCH/);
    const declared = { name: "INT_HOOK", notificationType: "webhook", webhookUrl: "https://hooks.slack.com/services/SNOWFLAKE_WEBHOOK_SECRET", webhookSecret: "int_db.public.hook_token", webhookHeaders: { "Content-Type": "application/json" }, webhookBodyTemplate: '{"text": "SNOWFLAKE_WEBHOOK_MESSAGE"}' };
    const { outs } = await notification.create(declared);
    expect((await get("/api/v2/notification-integrations/INT_HOOK")).notification_hook.webhook_secret).toEqual({ database_name: "INT_DB", schema_name: "PUBLIC", name: "HOOK_TOKEN" });
    const refreshed = (await notification.read("INT_HOOK", outs)).props!;
    expect((await notification.diff("", refreshed, { ...declared, webhookHeaders: { "content-type": "application/json" } })).changes).toBe(false);

    const sns = (await notification.create({ name: "INT_SNS", notificationType: "queue_aws_sns_outbound", awsSnsTopicArn: "arn:aws:sns:us-west-2:123456789012:alerts", awsSnsRoleArn: "arn:aws:iam::123456789012:role/sns" })).outs;
    expect(sns.sfAwsIamUserArn).toMatch(/^arn:aws:iam::\d{12}:user\//);
    expect(sns.sfAwsExternalId).toEqual(expect.any(String));
  });
});

describe("secrets", () => {
  test("a new password is one ALTER SECRET; a new type is a new secret; the emulator refuses a property of another type", async () => {
    const secret = engineAgainst(emulator, "Secret");
    const declared = { ...IN, name: "DB_LOGIN", type: "password", username: "loader", password: "pw-1" };
    const { outs } = await secret.create(declared);
    expect(await get("/api/v2/databases/INT_DB/schemas/PUBLIC/secrets/DB_LOGIN")).toMatchObject({ type: "PASSWORD", username: "loader" });
    expect(JSON.stringify(await get("/api/v2/databases/INT_DB/schemas/PUBLIC/secrets/DB_LOGIN"))).not.toContain("pw-1");
    emulator.clearRequestLog();
    await secret.update("", outs, { ...declared, password: "pw-2" });
    expect(emulator.requestLog.filter((entry) => entry.method !== "GET").map((entry) => entry.path)).toEqual(["/api/v2/statements"]);
    expect((await secret.diff("", outs, { ...declared, type: "generic_string", username: undefined, password: undefined, secretString: "s" })).replaces).toContain("type");
    const wrong = await sqlAnswer("ALTER SECRET INT_DB.PUBLIC.DB_LOGIN SET SECRET_STRING = 'x'");
    // The SQL API answers a failed statement with 422 and Snowflake's message.
    expect([wrong.status, JSON.stringify(wrong.body)]).toEqual([422, expect.stringMatching(/SECRET_STRING|secret_string/)]);
  });
});

describe("external volumes", () => {
  const s3 = { name: "primary", storageProvider: "S3", storageBaseUrl: "s3://lake/iceberg/", storageAwsRoleArn: "arn:aws:iam::123456789012:role/lake" };
  const gcs = { name: "secondary", storageProvider: "GCS", storageBaseUrl: "gcs://lake/iceberg/" };

  test("locations are added and removed in place; a location changed under its name replaces the volume", async () => {
    const volume = engineAgainst(emulator, "ExternalVolume");
    const { outs } = await volume.create({ name: "INT_VOLUME", storageLocations: [s3] });
    // Snowflake fills in the S3 location's external id: not drift.
    expect((await get("/api/v2/external-volumes/INT_VOLUME")).storage_locations[0].storage_aws_external_id).toEqual(expect.any(String));
    const refreshed = (await volume.read("INT_VOLUME", outs)).props!;
    expect((await volume.diff("", refreshed, { name: "INT_VOLUME", storageLocations: [s3] })).changes).toBe(false);

    emulator.clearRequestLog();
    const both = (await volume.update("", refreshed, { name: "INT_VOLUME", storageLocations: [s3, gcs] })).outs;
    expect(emulator.requestLog.filter((entry) => entry.method !== "GET").every((entry) => entry.path === "/api/v2/statements")).toBe(true);
    const onlyGcs = (await volume.update("", both, { name: "INT_VOLUME", storageLocations: [gcs] })).outs;
    expect((await get("/api/v2/external-volumes/INT_VOLUME")).storage_locations.map((location: { name: string }) => location.name)).toEqual(["secondary"]);
    expect((await volume.diff("", onlyGcs, { name: "INT_VOLUME", storageLocations: [{ ...gcs, storageBaseUrl: "gcs://lake/other/" }] })).replaces).toEqual(["storageLocations"]);
  });

  test("the emulator refuses a base URL of another provider and removing the last location", async () => {
    const wrongScheme = await callEmulator(emulator, "POST", "/api/v2/external-volumes", { name: "INT_BAD", storage_locations: [{ name: "l", storage_provider: "GCS", storage_base_url: "s3://lake/" }] });
    expect(wrongScheme.status).toBe(400);
    const last = await sqlAnswer("ALTER EXTERNAL VOLUME INT_VOLUME REMOVE STORAGE_LOCATION 'secondary'");
    expect([last.status, JSON.stringify(last.body)]).toEqual([422, expect.stringMatching(/at least one storage location/)]);
  });
});

describe("Iceberg tables on an external volume", () => {
  test("a table needs a volume that allows writes; a volume in use is not dropped; columns are appended in place", async () => {
    const volume = engineAgainst(emulator, "ExternalVolume");
    const readOnlyVolume = await volume.create({ name: "INT_RO_VOLUME", allowWrites: false, storageLocations: [{ name: "l", storageProvider: "GCS", storageBaseUrl: "gcs://ro/" }] });
    const lake = await volume.create({ name: "INT_LAKE", storageLocations: [{ name: "l", storageProvider: "GCS", storageBaseUrl: "gcs://lake/" }] });
    const iceberg = engineAgainst(emulator, "IcebergTable");
    const declared = { ...IN, name: "EVENTS", externalVolume: "int_lake", columns: [{ name: "ID", datatype: "int" }] };
    await expect(iceberg.create({ ...declared, externalVolume: "INT_RO_VOLUME" })).rejects.toThrow(/does not allow writes/);
    await expect(iceberg.create({ ...declared, name: "BLOBS", columns: [{ name: "DOC", datatype: "VARIANT" }] })).rejects.toThrow(/not supported for Iceberg tables/);
    const { outs } = await iceberg.create(declared);
    const appended = { ...declared, columns: [{ name: "ID", datatype: "int" }, { name: "AT", datatype: "timestamp_ntz(6)" }] };
    expect((await iceberg.diff("", outs, appended)).replaces).toEqual([]);
    await iceberg.update("", outs, appended);
    expect((await get("/api/v2/databases/INT_DB/schemas/PUBLIC/iceberg-tables/EVENTS")).columns.map((column: { name: string }) => column.name)).toEqual(["ID", "AT"]);
    await expect(iceberg.diff("", outs, { ...declared, columns: [{ name: "ID", datatype: "varchar" }] })).rejects.toThrow(/allowReplace/);
    await expect(volume.delete("INT_LAKE", lake.outs)).rejects.toThrow(/cannot be deleted.*EVENTS.*Drop or move the Iceberg tables/s);
    // A change that replaces the volume is refused at preview, naming the table, unless allowReplace.
    const moved = { name: "INT_LAKE", storageLocations: [{ name: "l", storageProvider: "GCS", storageBaseUrl: "gcs://lake/moved/" }] };
    await expect(volume.diff("", lake.outs, moved)).rejects.toThrow(/Iceberg table INT_DB\.PUBLIC\.EVENTS use.*allowReplace/s);
    expect((await volume.diff("", lake.outs, { ...moved, allowReplace: true })).replaces).toEqual(["storageLocations"]);
    // A volume no table uses is replaced without asking.
    expect((await volume.diff("", readOnlyVolume.outs, { name: "INT_RO_VOLUME", allowWrites: false, storageLocations: [{ name: "l", storageProvider: "GCS", storageBaseUrl: "gcs://ro/2/" }] })).replaces).toEqual(["storageLocations"]);
    await volume.delete("INT_RO_VOLUME", readOnlyVolume.outs);
  });
});

describe("catalog integrations", () => {
  test("an Open Catalog client secret is write-only and changed by ALTER; anything else replaces", async () => {
    const catalog = engineAgainst(emulator, "CatalogIntegration");
    const declared = { name: "INT_CATALOG", catalogSource: "polaris", catalogNamespace: "ns", restCatalogUri: "https://o.snowflakecomputing.com/polaris/api/catalog", restWarehouse: "open", oauthClientId: "client", oauthClientSecret: "client-secret-1", oauthAllowedScopes: ["PRINCIPAL_ROLE:ALL"] };
    const { inputs } = await catalog.check({}, declared);
    expect(inputs.restAuthenticationType).toBe("OAUTH");
    const { outs } = await catalog.create(inputs);
    expect(outs).toMatchObject({ type: "CATALOG", category: "CATALOG" });
    expect(JSON.stringify(await get("/api/v2/catalog-integrations/INT_CATALOG"))).not.toContain("client-secret-1");
    expect((await catalog.diff("", outs, { ...inputs, oauthClientSecret: "client-secret-2" })).replaces).toEqual([]);
    await catalog.update("", outs, { ...inputs, oauthClientSecret: "client-secret-2" });
    expect((await catalog.diff("", outs, { ...inputs, catalogNamespace: "other" })).replaces).toEqual(["catalogNamespace"]);
  });
});

describe("through the driver: no credential lands in state or in the run's output", () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => { await stack.close(); });
  const values = (n: number) => ({ apiKey: `api-key-${n}-9f2c`, password: `secret-password-${n}-9f2c`, token: `secret-string-${n}-9f2c`, client: `client-secret-${n}-9f2c`, refresh: `refresh-token-${n}-9f2c`, reader: `Reader-Passw0rd-${n}-9f2c` });
  const program = (n: number): Declaration[] => {
    const v = values(n);
    return [
      { type: "Database", name: "db", args: { name: "SCAN_DB" } },
      { type: "Secret", name: "login", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "LOGIN", type: "password", username: "loader", password: v.password } },
      { type: "Secret", name: "token", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "TOKEN", type: "generic_string", secretString: v.token } },
      { type: "ApiIntegration", name: "api", args: { name: "SCAN_API", hookType: "aws", apiProvider: "aws_api_gateway", apiAwsRoleArn: "arn:aws:iam::123456789012:role/a", apiKey: v.apiKey, apiAllowedPrefixes: ["https://a/"] } },
      { type: "CatalogIntegration", name: "catalog", args: { name: "SCAN_CATALOG", catalogSource: "polaris", catalogNamespace: "ns", restCatalogUri: "https://c/", restWarehouse: "w", oauthClientId: "id", oauthClientSecret: v.client, oauthAllowedScopes: ["PRINCIPAL_ROLE:ALL"] } },
      { type: "Secret", name: "oauth", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "OAUTH", type: "oauth2", apiAuthentication: "MY_OAUTH_INTEGRATION", oauthRefreshToken: v.refresh, oauthRefreshTokenExpiryTime: "2030-01-01" } },
      // Admin passwords act only at creation: the second run's is never sent, and neither is ever stored in plain text.
      { type: "ManagedAccount", name: "reader", args: { name: "SCAN_READER", adminName: "reader_admin", adminPassword: v.reader } },
      { type: "NotificationIntegration", name: "hook", args: { name: "SCAN_HOOK", notificationType: "webhook", webhookUrl: "https://hooks.slack.com/services/SNOWFLAKE_WEBHOOK_SECRET", webhookSecret: { $ref: "token.fullyQualifiedName" } } },
    ];
  };
  const all = [...Object.values(values(1)), ...Object.values(values(2))];

  test("up, refresh, a change of every credential and destroy", async () => {
    all.forEach((secret) => stack.addSecret(secret));
    const seen: string[] = [];
    const run = async (mode: "up" | "refresh" | "destroy", n: number) => {
      const result = expectOk(await stack.run(mode, program(n)));
      seen.push(result.summary, ...result.diagnostics, JSON.stringify(result.outputs));
      return result;
    };
    await run("up", 1);
    const state = fs.readFileSync(stack.stateFile, "utf8");
    const resources = JSON.parse(state).checkpoint.latest.resources as { type: string; outputs: Record<string, unknown> }[];
    expect(resources.find((r) => r.type.endsWith(":ApiIntegration"))!.outputs.apiKey).toMatchObject({ ciphertext: expect.any(String) });
    expect(resources.find((r) => r.type.endsWith(":CatalogIntegration"))!.outputs.oauthClientSecret).toMatchObject({ ciphertext: expect.any(String) });
    expect(opOf(await run("refresh", 1), "api")).toBe("same");
    const changed = await run("up", 2);
    for (const name of ["login", "token", "api", "catalog", "oauth"]) expect([name, opOf(changed, name)]).toEqual([name, "update"]);
    await run("destroy", 2);
    expect(secretsFoundIn(stack.stateFile, all)).toEqual([]);
    expect(all.filter((secret) => seen.some((text) => text.includes(secret)))).toEqual([]);
  });
});
