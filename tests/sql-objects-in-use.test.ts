// A file format or external access integration in use is not replaced by surprise: a change that needs a new one
// is refused at preview while pipes (whose COPY names the format, qualified, unqualified or quoted), services or
// functions (which list the integration) use it, and the refusal names them; allowReplace lets it through, an
// unused one is replaced without asking, and a change made in place asks Snowflake nothing.
import { closeAllPools } from "../provider/client/rest-client";
import { formatNamesWritten } from "../provider/resources/copy-format-names";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { createdThrough, engineAgainst } from "./support/engine-harness";
import { statementRows } from "./support/sql-rows";

let emulator: Emulator;
const IN = { database: "FMT_DB", schema: "PUBLIC" };
const COPY = "COPY INTO FMT_DB.PUBLIC.EVENTS FROM @FMT_DB.PUBLIC.LANDING";
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "FMT_DB" });
  await callEmulator(emulator, "POST", "/api/v2/databases/FMT_DB/schemas", { name: "OTHER" });
  await callEmulator(emulator, "POST", "/api/v2/databases/FMT_DB/schemas/PUBLIC/stages", { name: "LANDING" });
  await callEmulator(emulator, "POST", "/api/v2/databases/FMT_DB/schemas/PUBLIC/tables", { name: "EVENTS", columns: [{ name: "ID", datatype: "INT" }] });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const rowsOf = (statement: string) => statementRows(emulator, statement);
const created = createdThrough;
const pipe = (name: string, fileFormat: string, where = IN) => created(engineAgainst(emulator, "Pipe"), { ...where, name, copyStatement: `${COPY} FILE_FORMAT = (${fileFormat})` });

describe("the FORMAT_NAME values of a COPY statement", () => {
  test("as a literal or an identifier, qualified or quoted; not inside other literals or quoted names", () => {
    expect(formatNamesWritten(`${COPY} PATTERN = '.*FORMAT_NAME = x.*' FILE_FORMAT = (format_name = 'db.s."My ""Fmt"""')`)).toEqual(['db.s."My ""Fmt"""']);
    expect(formatNamesWritten(`${COPY} FILE_FORMAT = (FORMAT_NAME=FMT_DB."a.b".csv TYPE = CSV)`)).toEqual(['FMT_DB."a.b".csv']);
    expect(formatNamesWritten(`COPY INTO "FORMAT_NAME = t" FROM @s FILE_FORMAT = (TYPE = CSV)`)).toEqual([]);
    expect(formatNamesWritten(`${COPY} FILE_FORMAT = (FORMAT_NAME = 'it''s')`)).toEqual(["it's"]);
  });
});

describe("file formats", () => {
  const declared = { ...IN, name: "ORDERS_CSV", type: "CSV" };
  const retyped = { ...declared, type: "JSON" };
  const refusalNaming = (...pipes: string[]) => new RegExp(`refused: changing type replaces file format FMT_DB\\.PUBLIC\\.ORDERS_CSV, which ${pipes.map((name) => `pipe ${name.replace(/[.$"]/g, "\\$&")}`).join(", ")} uses?.*allowReplace: true`, "s");

  test("a replacement is refused while a pipe names it qualified, naming the pipe; allowReplace lets it through", async () => {
    const format = engineAgainst(emulator, "FileFormat");
    const { outs } = await created(format, declared);
    await pipe("QUALIFIED", "FORMAT_NAME = 'fmt_db.public.orders_csv'");
    await expect(format.diff("", outs, retyped)).rejects.toThrow(refusalNaming("FMT_DB.PUBLIC.QUALIFIED"));
    expect((await format.diff("", outs, { ...retyped, allowReplace: true })).replaces).toEqual(["type"]);
  });

  test("unqualified names resolve in the pipe's own schema; a quoted name only matches exactly", async () => {
    const format = engineAgainst(emulator, "FileFormat");
    const outs = (await format.read("FMT_DB.PUBLIC.ORDERS_CSV", declared)).props!;
    await pipe("UNQUALIFIED", "FORMAT_NAME = orders_csv");
    await pipe("ELSEWHERE", "FORMAT_NAME = orders_csv", { database: "FMT_DB", schema: "OTHER" });
    await pipe("LOWER_CASE", `FORMAT_NAME = '"orders_csv"'`);
    await expect(format.diff("", outs, retyped)).rejects.toThrow(refusalNaming("FMT_DB.PUBLIC.QUALIFIED", "FMT_DB.PUBLIC.UNQUALIFIED"));

    const quoted = { ...IN, name: '"Mixed Fmt"', type: "CSV" };
    const mixed = (await created(format, quoted)).outs;
    await pipe('"quoted pipe"', `FORMAT_NAME = PUBLIC."Mixed Fmt"`);
    await expect(format.diff("", mixed, { ...quoted, type: "PARQUET" })).rejects.toThrow(/file format FMT_DB\.PUBLIC\."Mixed Fmt", which pipe FMT_DB\.PUBLIC\."quoted pipe" uses/);
  });

  test("a change made in place asks Snowflake nothing at preview; an unused format is replaced without asking", async () => {
    const format = engineAgainst(emulator, "FileFormat");
    const unused = { ...declared, name: "UNUSED_CSV" };
    const { outs } = await created(format, unused);
    emulator.clearRequestLog();
    const inPlace = await format.diff("", outs, { ...unused, comment: "orders", skipHeader: 1 });
    expect([inPlace.changes, inPlace.replaces]).toEqual([true, []]);
    expect(emulator.requestLog).toEqual([]);
    expect((await format.diff("", outs, { ...unused, type: "JSON" })).replaces).toEqual(["type"]);
  });

  test("the emulator's SHOW PIPES IN ACCOUNT carries each COPY statement as written, in `definition`", async () => {
    const rows = await rowsOf("SHOW PIPES LIKE 'unqualified' IN ACCOUNT");
    expect(rows.map((row) => [row.database_name, row.schema_name, row.name, row.definition])).toEqual([["FMT_DB", "PUBLIC", "UNQUALIFIED", `${COPY} FILE_FORMAT = (FORMAT_NAME = orders_csv)`]]);
  });
});

describe("external access integrations", () => {
  const declared = { name: "USE_EGRESS", allowedNetworkRules: ["FMT_DB.PUBLIC.WEB"] };
  const renamed = { ...declared, name: "NEW_EGRESS" };

  beforeAll(async () => {
    await created(engineAgainst(emulator, "NetworkRule"), { ...IN, name: "WEB", type: "HOST_PORT", mode: "EGRESS", valueList: ["api.example.com"] });
  });

  test("a replacement is refused while a service and a function name it, naming each once; allowReplace lets it through", async () => {
    const integration = engineAgainst(emulator, "ExternalAccessIntegration");
    const { outs } = await created(integration, declared);
    await callEmulator(emulator, "POST", "/api/v2/compute-pools", { name: "EGRESS_POOL", instance_family: "CPU_X64_XS", min_nodes: 1, max_nodes: 1 });
    const spec = "spec:\n  containers:\n  - name: app\n    image: /fmt_db/public/repo/app:latest\n";
    const service = await callEmulator(emulator, "POST", "/api/v2/databases/FMT_DB/schemas/PUBLIC/services", { name: "CALLER", compute_pool: "EGRESS_POOL", spec: { spec_type: "from_inline", spec_text: spec }, external_access_integrations: ["USE_EGRESS"] });
    expect(service.status).toBeLessThan(300);
    const fetch = { ...IN, name: "fetch", arguments: [], returns: "VARCHAR", language: "python", runtimeVersion: "3.11", handler: "main", body: "def main():\n  return 'x'", externalAccessIntegrations: ["use_egress"] };
    await created(engineAgainst(emulator, "Function"), fetch);
    // An overload of the same name is the same user in the refusal, named once.
    await created(engineAgainst(emulator, "Function"), { ...fetch, arguments: [{ name: "x", datatype: "varchar" }], body: "def main(x):\n  return x" });

    await expect(integration.diff("", outs, renamed)).rejects.toThrow(/refused: changing name replaces external access integration USE_EGRESS, which service FMT_DB\.PUBLIC\.CALLER, function FMT_DB\.PUBLIC\.FETCH use.*allowReplace: true/s);
    expect((await integration.diff("", outs, { ...renamed, allowReplace: true })).replaces).toEqual(["name"]);
  });

  test("an unused integration is replaced without asking; the emulator lists a function's integrations like a service's", async () => {
    const integration = engineAgainst(emulator, "ExternalAccessIntegration");
    const { outs } = await created(integration, { ...declared, name: "IDLE_EGRESS" });
    expect((await integration.diff("", outs, renamed)).replaces).toEqual(["name"]);
    expect((await rowsOf("SHOW USER FUNCTIONS LIKE 'fetch' IN ACCOUNT")).map((row) => [row.catalog_name, row.name, row.external_access_integrations])).toEqual([["FMT_DB", "FETCH", "[USE_EGRESS]"], ["FMT_DB", "FETCH", "[USE_EGRESS]"]]);
    expect((await rowsOf("SHOW SERVICES LIKE 'caller' IN ACCOUNT")).map((row) => row.external_access_integrations)).toEqual(["[USE_EGRESS]"]);
  });
});
