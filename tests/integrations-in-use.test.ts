// An integration in use is not replaced by surprise: a change that needs a new notification or API integration is
// refused at preview while tasks, pipes or artifact repositories name it, and the refusal names them; allowReplace
// lets it through, and an integration nothing uses is replaced without asking. The users are found with SHOW ...
// IN ACCOUNT, which the emulator answers with names as stored (unquoted), like Snowflake.
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { createdThrough, engineAgainst } from "./support/engine-harness";
import { statementRows } from "./support/sql-rows";

let emulator: Emulator;
const IN = { database: "USE_DB", schema: "PUBLIC" };
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "USE_DB" });
  await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "USE_WH" });
  await callEmulator(emulator, "POST", "/api/v2/databases/USE_DB/schemas/PUBLIC/stages", { name: "LANDING" });
  await callEmulator(emulator, "POST", "/api/v2/databases/USE_DB/schemas/PUBLIC/tables", { name: "EVENTS", columns: [{ name: "ID", datatype: "INT" }] });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const rowsOf = (statement: string) => statementRows(emulator, statement);
const created = createdThrough;

describe("notification integrations", () => {
  const declared = { name: "USE_ALERTS", notificationType: "QUEUE_GCP_PUBSUB_OUTBOUND", gcpPubsubTopicName: "projects/p/topics/alerts" };
  const moved = { ...declared, gcpPubsubTopicName: "projects/p/topics/other" };

  test("a replacement is refused while a task and a pipe name it, naming both; allowReplace lets it through", async () => {
    const integration = engineAgainst(emulator, "NotificationIntegration");
    const { outs } = await created(integration, declared);
    await created(engineAgainst(emulator, "Task"), { ...IN, name: "\"nightly load\"", definition: "SELECT 1", warehouse: "USE_WH", schedule: { minutes: 60 }, errorIntegration: "use_alerts" });
    await created(engineAgainst(emulator, "Pipe"), { ...IN, name: "INGEST", copyStatement: "COPY INTO USE_DB.PUBLIC.EVENTS FROM @USE_DB.PUBLIC.LANDING", errorIntegration: "USE_ALERTS" });

    await expect(integration.diff("", outs, moved)).rejects.toThrow(/refused: changing gcpPubsubTopicName replaces notification integration USE_ALERTS, which task USE_DB\.PUBLIC\."nightly load", pipe USE_DB\.PUBLIC\.INGEST use.*allowReplace: true/s);
    expect((await integration.diff("", outs, { ...moved, allowReplace: true })).replaces).toEqual(["gcpPubsubTopicName"]);
  });

  test("a change made in place asks Snowflake nothing at preview; an unused integration is replaced without asking", async () => {
    const integration = engineAgainst(emulator, "NotificationIntegration");
    const { outs } = await created(integration, { ...declared, name: "USE_UNUSED" });
    emulator.clearRequestLog();
    const inPlace = await integration.diff("", outs, { ...declared, name: "USE_UNUSED", comment: "paged" });
    expect([inPlace.changes, inPlace.replaces]).toEqual([true, []]);
    expect(emulator.requestLog).toEqual([]);
    expect((await integration.diff("", outs, { ...moved, name: "USE_UNUSED" })).replaces).toEqual(["gcpPubsubTopicName"]);
  });
});

describe("API integrations", () => {
  test("a replacement is refused while an artifact repository names it", async () => {
    const integration = engineAgainst(emulator, "ApiIntegration");
    const declared = { name: "USE_PYPI", hookType: "GIT", apiAllowedPrefixes: ["https://pypi.org/"] };
    const { outs } = await created(integration, declared);
    await created(engineAgainst(emulator, "ArtifactRepository"), { ...IN, name: "PACKAGES", apiIntegration: "USE_PYPI" });
    const renamed = { ...declared, hookType: "AWS", apiProvider: "AWS_API_GATEWAY", apiAwsRoleArn: "arn:aws:iam::123456789012:role/api" };
    await expect(integration.diff("", outs, renamed)).rejects.toThrow(/API integration USE_PYPI, which artifact repository USE_DB\.PUBLIC\.PACKAGES uses.*allowReplace/s);
    expect((await integration.diff("", outs, { ...renamed, allowReplace: true })).replaces).toContain("hookType");
  });
});

describe("the emulator's SHOW ... IN ACCOUNT", () => {
  test("rows name what each object uses, as stored and unquoted, sorted by database, schema and name", async () => {
    const tasks = await rowsOf("SHOW TASKS IN ACCOUNT");
    expect(tasks.map((row) => [row.database_name, row.schema_name, row.name, row.error_integration, row.success_integration])).toEqual([["USE_DB", "PUBLIC", "nightly load", "USE_ALERTS", null]]);
    expect((await rowsOf("SHOW PIPES LIKE 'ing%' IN ACCOUNT")).map((row) => [row.name, row.error_integration, row.integration])).toEqual([["INGEST", "USE_ALERTS", null]]);
    expect((await rowsOf("SHOW ARTIFACT REPOSITORIES IN ACCOUNT")).map((row) => [row.name, row.api_integration])).toEqual([["PACKAGES", "USE_PYPI"]]);
    expect(await rowsOf("SHOW PIPES LIKE 'none%' IN ACCOUNT")).toEqual([]);
  });

  test("a scope it does not emulate is refused, not answered wrongly", async () => {
    const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "SHOW TASKS IN SCHEMA USE_DB.PUBLIC" });
    expect([answer.status, JSON.stringify(answer.body)]).toEqual([422, expect.stringMatching(/only IN ACCOUNT/)]);
  });
});
