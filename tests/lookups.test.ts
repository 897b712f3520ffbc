// Lookups (getX / listXs and their Output forms) through the public SDK against the emulator: objects of different
// shapes (account-level, in a database, in a schema, read by list), the filters, a name that is not there, bad
// arguments refused before any request, and the connection from env vars, from stack config and from the call.
// A driver run shows a program using a lookup's result as a resource input, at preview and at up.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "../sdk";
import { closeAllPools } from "../provider/client/rest-client";
import { lookupAvailability } from "../provider/engine/lookup-shape";
import { listFunctionName } from "../provider/engine/lookups";
import { resourceDefinitions } from "../provider/resources";
import { runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { connectionEnv } from "./support/test-stack";

let emulator: Emulator;
const savedEnv = { ...process.env };

async function made(apiPath: string, body: unknown): Promise<void> {
  const answer = await callEmulator(emulator, "POST", apiPath, body);
  if (answer.status !== 200) throw new Error(`POST ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

beforeAll(async () => {
  emulator = await startEmulator();
  for (const [name, size] of [["PY_ONE", "XSMALL"], ["PY_TWO", "SMALL"], ["py_lower", "XSMALL"], ["OTHER_WH", "MEDIUM"]]) {
    await made("/api/v2/warehouses", { name: name === "py_lower" ? '"py_lower"' : name, warehouse_size: size, comment: `${name} comment`, auto_suspend: 300 });
  }
  for (const name of ["ANALYST", "ANALYST_RO", "LOADER"]) await made("/api/v2/roles", { name, comment: `role ${name}` });
  await made("/api/v2/databases", { name: "LK" });
  for (const name of ["RAW", "RAW_EU", "MART"]) await made("/api/v2/databases/LK/schemas", { name, comment: `schema ${name}`, data_retention_time_in_days: 3 });
  await made("/api/v2/databases/LK/schemas/RAW/tables", { name: "EVENTS", columns: [{ name: "ID", datatype: "NUMBER(38,0)", nullable: false }, { name: "PAYLOAD", datatype: "VARCHAR" }], comment: "events" });
  await made("/api/v2/databases/LK/schemas/RAW/tables", { name: "EVENTS_OLD", columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] });
  await made("/api/v2/databases/LK/schemas/RAW/stages", { name: "LANDING", comment: "files land here" });
  Object.assign(process.env, connectionEnv(emulator));
});
afterAll(async () => {
  process.env = savedEnv;
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => { emulator.requestLog.length = 0; });
const calls = () => emulator.requestLog.map((entry) => `${entry.method} ${entry.path}${Object.keys(entry.query ?? {}).length ? `?${new URLSearchParams(entry.query as Record<string, string>)}` : ""}`);

describe("get", () => {
  test("an account-level object by name: the properties a refreshed resource reports, tags included", async () => {
    const warehouse = await snowflake.getWarehouse("py_one");
    expect(warehouse).toMatchObject({ name: "PY_ONE", warehouseSize: "XSMALL", autoSuspend: 300, comment: "PY_ONE comment", fullyQualifiedName: "PY_ONE", account: emulator.account });
    expect(warehouse).toMatchObject({ state: "STARTED", suspended: false, tags: {}, autoResume: true });
    expect(calls()).toEqual(["GET /api/v2/warehouses/PY_ONE", "GET /api/v2/warehouses/PY_ONE:get-tags"]);
  });

  test("a result has the values a resource of the type has after refresh", async () => {
    const engine = engineAgainst(emulator, "Schema");
    const refreshed = await engine.read("LK.RAW", { database: "LK", name: "RAW", comment: "x", dataRetentionTimeInDays: 1, account: emulator.account });
    const looked = await snowflake.getSchema({ database: "lk", name: "raw" });
    expect(looked).toMatchObject({ database: "LK", name: "RAW", fullyQualifiedName: "LK.RAW", account: emulator.account });
    for (const key of ["comment", "dataRetentionTimeInDays", "fullyQualifiedName", "account", "createdOn"]) expect([key, looked[key as keyof typeof looked]]).toEqual([key, refreshed.props![key]]);
  });

  test("a schema-level table and stage, with columns and outputs mapped", async () => {
    const table = await snowflake.getTable({ database: "LK", schema: "RAW", name: "EVENTS" });
    expect(table.fullyQualifiedName).toBe("LK.RAW.EVENTS");
    expect(table.columns?.map((column) => column.name)).toEqual(["ID", "PAYLOAD"]);
    expect(table.comment).toBe("events");
    const stage = await snowflake.getStage({ database: "LK", schema: "RAW", name: "landing" });
    expect(stage).toMatchObject({ name: "LANDING", comment: "files land here", fullyQualifiedName: "LK.RAW.LANDING" });
  });

  test("a role, which Snowflake reads only as a row of its list", async () => {
    const role = await snowflake.getRole("analyst");
    expect(role).toMatchObject({ name: "ANALYST", comment: "role ANALYST", fullyQualifiedName: "ANALYST" });
    expect(calls()[0]).toBe("GET /api/v2/roles?like=ANALYST");
  });

  test("functions overload names: get takes a signature, and a list reads each overload", async () => {
    const functions = engineAgainst(emulator, "Function");
    for (const datatype of ["number", "varchar"]) await functions.create({ database: "LK", schema: "RAW", name: "add_one", arguments: [{ name: "x", datatype }], returns: datatype, language: "sql", body: "X" });
    emulator.requestLog.length = 0;
    const found = await snowflake.getFunction({ database: "LK", schema: "RAW", name: "add_one", signature: "(VARCHAR)" });
    expect(found).toMatchObject({ name: "ADD_ONE", fullyQualifiedName: "LK.RAW.ADD_ONE(VARCHAR)", returns: "VARCHAR(16777216)" });
    expect(calls()[0]).toBe("GET /api/v2/databases/LK/schemas/RAW/user-defined-functions/ADD_ONE(VARCHAR)");
    await expect(snowflake.getFunction({ database: "LK", schema: "RAW", name: "add_one", signature: "(DATE)" })).rejects.toThrow("getFunction: no function LK.RAW.ADD_ONE(DATE)");
    const overloads = await snowflake.listFunctions({ database: "LK", schema: "RAW", like: "add_one" });
    expect(overloads.map((overload) => overload.fullyQualifiedName)).toEqual(["LK.RAW.ADD_ONE(NUMBER)", "LK.RAW.ADD_ONE(VARCHAR)"]);
  });

  test("a quoted name is looked up exactly", async () => {
    await expect(snowflake.getWarehouse('"py_lower"')).resolves.toMatchObject({ fullyQualifiedName: '"py_lower"' });
  });

  test("a name that is not there rejects, naming the type and the fully qualified name", async () => {
    await expect(snowflake.getWarehouse("NO_SUCH_WH")).rejects.toThrow(snowflake.LookupNotFoundError);
    await expect(snowflake.getWarehouse("NO_SUCH_WH")).rejects.toThrow(`getWarehouse: no warehouse NO_SUCH_WH in account ${emulator.account}`);
    await expect(snowflake.getTable({ database: "LK", schema: "NOPE", name: "EVENTS" })).rejects.toThrow("getTable: no table LK.NOPE.EVENTS");
    // A stage file is read through its own access (a row of the stage's listing), and named as SQL names it.
    await expect(snowflake.getStageFile({ database: "LK", schema: "RAW", stage: "LANDING", path: "in/none.csv" })).rejects.toThrow("getStageFile: no stage file @LK.RAW.LANDING/in/none.csv");
    const error = await snowflake.getRole("NO_SUCH_ROLE").catch((caught) => caught);
    expect(error).toMatchObject({ typeName: "Role", fullyQualifiedName: "NO_SUCH_ROLE", account: emulator.account });
  });

  test("the Output form takes Inputs and resolves to the same snapshot", async () => {
    const name = pulumi.output(Promise.resolve("PY_TWO"));
    const size = await new Promise((resolve) => snowflake.getWarehouseOutput(name).apply((warehouse) => resolve(warehouse.warehouseSize)));
    expect(size).toBe("SMALL");
    const schema = await new Promise((resolve) => snowflake.getSchemaOutput({ database: pulumi.output("LK"), name: "MART" }).apply(resolve));
    expect(schema).toMatchObject({ name: "MART", comment: "schema MART" });
  });
});

describe("list", () => {
  test("like is case-insensitive; warehouses' list takes only like, so startsWith and limit are applied after it", async () => {
    const byLike = await snowflake.listWarehouses({ like: "py%" });
    expect(byLike.map((warehouse) => warehouse.name)).toEqual(["PY_ONE", "PY_TWO", '"py_lower"']);
    expect(byLike.find((warehouse) => warehouse.name === "PY_TWO")).toMatchObject({ warehouseSize: "SMALL", fullyQualifiedName: "PY_TWO", account: emulator.account });
    emulator.requestLog.length = 0;
    const byPrefix = await snowflake.listWarehouses({ startsWith: "PY_", limit: 1 });
    expect(byPrefix.map((warehouse) => warehouse.name)).toEqual(["PY_ONE"]);
    // startsWith narrows the request through like (case-insensitive), then the exact prefix is applied.
    expect(calls()).toEqual(["GET /api/v2/warehouses?like=PY%5C_%25"]);
  });

  test("schemas in a database: filters go to Snowflake where the list takes them, in one call", async () => {
    const schemas = await snowflake.listSchemas({ database: "LK", startsWith: "RAW", limit: 5 });
    expect(schemas.map((schema) => [schema.fullyQualifiedName, schema.comment, schema.dataRetentionTimeInDays])).toEqual([["LK.RAW", "schema RAW", 3], ["LK.RAW_EU", "schema RAW_EU", 3]]);
    expect(calls()).toEqual(["GET /api/v2/databases/LK/schemas?startsWith=RAW&showLimit=5"]);
    expect((await snowflake.listSchemas({ database: "LK", like: "%eu" })).map((schema) => schema.name)).toEqual(["RAW_EU"]);
  });

  test("tables, whose list rows are not whole tables, are each read as a refresh reads them", async () => {
    const tables = await snowflake.listTables({ database: "LK", schema: "RAW", like: "EVENTS%" });
    expect(tables.map((table) => [table.name, table.columns?.length])).toEqual([["EVENTS", 2], ["EVENTS_OLD", 1]]);
    expect(calls().sort()).toEqual([
      "GET /api/v2/databases/LK/schemas/RAW/tables/EVENTS",
      "GET /api/v2/databases/LK/schemas/RAW/tables/EVENTS_OLD",
      "GET /api/v2/databases/LK/schemas/RAW/tables?like=EVENTS%25&showLimit=10000",
    ]);
  });

  test("roles, and an empty list", async () => {
    expect((await snowflake.listRoles({ like: "ANALYST%" })).map((role) => role.name)).toEqual(["ANALYST", "ANALYST_RO"]);
    await expect(snowflake.listStages({ database: "LK", schema: "MART" })).resolves.toEqual([]);
  });

  test("a container that is not there rejects, naming it", async () => {
    await expect(snowflake.listSchemas({ database: "NO_DB" })).rejects.toThrow(`listSchemas: no database NO_DB in account ${emulator.account} to list schemas in`);
  });

  test("the Output form", async () => {
    const names = await new Promise((resolve) => snowflake.listSchemasOutput({ database: pulumi.output("LK"), like: "MART" }).apply((schemas) => resolve(schemas.map((schema) => schema.name))));
    expect(names).toEqual(["MART"]);
  });
});

describe("bad arguments are refused before any request, naming the argument", () => {
  test.each([
    ["getSchema without database", () => snowflake.getSchema({ name: "RAW" } as never), "getSchema: argument database is required: the database the schema is in"],
    ["getWarehouse with a number", () => snowflake.getWarehouse({ name: 42 } as never), "getWarehouse: argument name must be a string, not 42"],
    ["getWarehouse with an invalid identifier", () => snowflake.getWarehouse("my-warehouse"), 'getWarehouse: argument name "my-warehouse" is not allowed'],
    ["getTable with a misspelled argument", () => snowflake.getTable({ database: "LK", schma: "RAW", name: "T" } as never), "getTable: argument schma is not an argument of getTable; it takes database, schema, name, connection"],
    ["listWarehouses with limit 0", () => snowflake.listWarehouses({ limit: 0 }), "listWarehouses: argument limit must be an integer from 1 to 10000, not 0"],
    ["listWarehouses with a numeric like", () => snowflake.listWarehouses({ like: 5 } as never), "listWarehouses: argument like must be a non-empty string, not 5"],
    ["getWarehouse with an Output", () => snowflake.getWarehouse({ name: pulumi.output("X") } as never), "getWarehouse: argument name is an Output or a Promise; getWarehouse takes plain values, getWarehouseOutput takes Inputs"],
    ["getFunction without signature", () => snowflake.getFunction({ database: "LK", schema: "RAW", name: "F" } as never), "getFunction: argument signature is required"],
    ["a credential in connection", () => snowflake.getWarehouse({ name: "X", connection: { token: "t" } as never }), "getWarehouse: argument connection.token is not a connection setting"],
  ])("%s", async (_case, call, message) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(snowflake.LookupArgumentError);
    expect((error as Error).message).toContain(message);
    expect(emulator.requestLog).toEqual([]);
  });
});

describe("the connection is resolved as resources resolve it", () => {
  const withEnv = async <T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> => {
    const before = { ...process.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    try { return await run(); } finally { process.env = before; }
  };
  const noSnowflakeEnv = Object.fromEntries(Object.keys(connectionEnv({ account: "", host: "", port: 0, credentials: { user: "", programmaticAccessToken: "" } } as unknown as Emulator)).map((key) => [key, undefined]));

  test("from stack config (snowflake:*), read through pulumi.Config in the program", async () => {
    const config = Object.fromEntries(Object.entries(connectionEnv(emulator)).map(([key, value]) => [`snowflake:${key.slice("SNOWFLAKE_".length).toLowerCase()}`, value]));
    pulumi.runtime.setAllConfig(config, ["snowflake:token"]);
    try {
      const warehouse = await withEnv({ ...noSnowflakeEnv, SNOWFLAKE_HOME: "/nonexistent" }, () => snowflake.getWarehouse("PY_ONE"));
      expect(warehouse.account).toBe(emulator.account);
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });

  test("with nothing configured, the error says where settings were looked for", async () => {
    await expect(withEnv({ ...noSnowflakeEnv, SNOWFLAKE_HOME: "/nonexistent" }, () => snowflake.getWarehouse("PY_ONE"))).rejects.toThrow(/stack config|SNOWFLAKE_/);
  });

  test("from connections.toml: its default connection, or the one a `profile` names", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "sf-home-"));
    const section = (name: string) => `[${name}]\naccount = "${emulator.account}"\nuser = "${emulator.credentials.user}"\nhost = "${emulator.host}"\nport = ${emulator.port}\nprotocol = "http"\nauthenticator = "PROGRAMMATIC_ACCESS_TOKEN"\ntoken = "${emulator.credentials.programmaticAccessToken}"\n`;
    fs.writeFileSync(path.join(home, "connections.toml"), `${section("default")}\n${section("emu")}`, { mode: 0o600 });
    try {
      await expect(withEnv({ ...noSnowflakeEnv, SNOWFLAKE_HOME: home }, () => snowflake.getWarehouse("PY_ONE"))).resolves.toMatchObject({ account: emulator.account });
      // A profile is used on its own: the wrong host in the environment does not leak into it.
      await expect(withEnv({ SNOWFLAKE_HOME: home, SNOWFLAKE_HOST: "127.0.0.1", SNOWFLAKE_PORT: "1" }, () => snowflake.listWarehouses({ like: "PY_ONE", connection: { profile: "emu" } }))).resolves.toHaveLength(1);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  test("an explicit connection argument wins over the environment", async () => {
    const wrongHost = { SNOWFLAKE_HOST: "127.0.0.1", SNOWFLAKE_PORT: "1" };
    const right = { host: emulator.host, port: emulator.port, protocol: "http", account: emulator.account };
    await expect(withEnv(wrongHost, () => snowflake.getWarehouse({ name: "PY_ONE", connection: right }))).resolves.toMatchObject({ name: "PY_ONE" });
    await expect(withEnv(wrongHost, () => snowflake.listRoles({ like: "LOADER", connection: right }))).resolves.toHaveLength(1);
  });
});

test("every type with a name to look up by has generated lookups; the rest are listed with a reason", () => {
  const exported = snowflake as unknown as Record<string, unknown>;
  const generated = fs.readFileSync(path.join(__dirname, "..", "sdk", "generated", "lookups.ts"), "utf8") as string;
  for (const definition of Object.values(resourceDefinitions)) {
    const availability = lookupAvailability(definition);
    const type = definition.typeName;
    if ("skipped" in availability) {
      expect(generated).toContain(`//   ${type}: ${availability.skipped}`);
      expect(exported[`get${type}`]).toBeUndefined();
      continue;
    }
    expect([type, typeof exported[`get${type}`], typeof exported[`get${type}Output`]]).toEqual([type, "function", "function"]);
    expect([type, typeof exported[listFunctionName(type)], typeof exported[`${listFunctionName(type)}Output`]]).toEqual(availability.shape.list ? [type, "function", "function"] : [type, "undefined", "undefined"]);
  }
});

test("importing the SDK loads no resource definition; the first lookup does", () => {
  const { execFileSync } = require("child_process") as typeof import("child_process");
  const sdk = path.join(__dirname, "..", "bin", "sdk", "index.js");
  const script = `const sdk = require(${JSON.stringify(sdk)});
    const loaded = () => Object.keys(require.cache).filter((file) => file.includes("/provider/resources/")).length > 0;
    const before = loaded();
    sdk.getWarehouse({}).catch(() => console.log(before, loaded()));`;
  expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("false true");
});

test("a program uses a lookup's result as a resource input, at preview and at up (connection from stack config)", async () => {
  const programDir = path.join(__dirname, "fixtures", "lookup-program");
  const config = Object.fromEntries(Object.entries(connectionEnv(emulator)).map(([key, value]) => [`snowflake:${key.slice("SNOWFLAKE_".length).toLowerCase()}`, value]));
  const stateFile = path.join(os.tmpdir(), `lookup-program-${process.pid}.json`);
  // This file's tests set SNOWFLAKE_* for themselves; blank here (a blank setting counts as unset), so the program
  // and the provider host find the emulator through the stack config alone.
  const blankSnowflakeEnv = Object.fromEntries(Object.keys(connectionEnv(emulator)).map((key) => [key, ""]));
  const run = (mode: "preview" | "up") => runDriverProcess({ mode, programDir, stateFile, config: { ...config, "test:warehouse": "py_two" }, secretConfigKeys: ["snowflake:token"], env: { ...blankSnowflakeEnv, SNOWFLAKE_HOME: "/nonexistent" } });
  const preview = await run("preview");
  expect(preview.error).toBeUndefined();
  expect(preview.outputs).toMatchObject({ warehouseSize: "SMALL", comment: "sized like PY_TWO: SMALL", siblingComment: "SMALL", schemas: "[unknown]" });
  expect(preview.changes.map((change) => [change.name, change.op])).toEqual(expect.arrayContaining([["looked-up", "create"], ["sibling", "create"]]));
  // At preview the lookups read (GETs only); the list waiting for the schema made no call.
  expect(calls().filter((call) => !call.startsWith("GET /api/v2/warehouses/PY_TWO"))).toEqual([]);
  const up = await run("up");
  expect(up.error).toBeUndefined();
  expect(up.outputs).toMatchObject({ warehouseSize: "SMALL", siblingComment: "SMALL", schemas: expect.arrayContaining(["SIBLING"]) });
  const database = await callEmulator(emulator, "GET", "/api/v2/databases/LOOKED_UP");
  expect(database.body).toMatchObject({ comment: "sized like PY_TWO: SMALL" });
});
