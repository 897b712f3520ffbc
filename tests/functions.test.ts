// Functions, service functions and procedures through the generic engine (engine harness) and the emulator:
// overloads of one name are separate objects with ids that carry the signature, data type synonyms never diff,
// other argument types replace while other changes recreate in place (with copyGrants where the spec has it),
// bad input fails at check naming property, value and what is allowed, and the emulator keys objects by signature.
import { closeAllPools } from "../provider/client/rest-client";
import { UNKNOWN } from "../provider/engine/unknowns";
import * as wire from "../provider/wire";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

let emulator: Emulator;
const IN = "/api/v2/databases/FN_DB/schemas/FN";
const call = (method: string, path: string, body?: unknown) => callEmulator(emulator, method, path, body);

beforeAll(async () => {
  emulator = await startEmulator();
  await call("POST", "/api/v2/databases", { name: "FN_DB" });
  await call("POST", "/api/v2/databases/FN_DB/schemas", { name: "FN" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const inSchema = (args: Record<string, unknown>) => ({ database: "FN_DB", schema: "FN", ...args });
const addOne = (datatype: string, extra: Record<string, unknown> = {}) =>
  inSchema({ name: "add_one", arguments: [{ name: "x", datatype }], returns: datatype, language: "sql", body: "X + 1", ...extra });
const writes = () => emulator.requestLog.filter((entry) => entry.method !== "GET");

describe("overloads", () => {
  test("one name with other argument types: two resources, created and deleted independently", async () => {
    const engine = engineAgainst(emulator, "Function");
    const number = await engine.create(addOne("int"));
    const text = await engine.create(addOne("varchar", { body: "X || '1'" }));
    expect([number.id, text.id]).toEqual(["FN_DB.FN.ADD_ONE(NUMBER)", "FN_DB.FN.ADD_ONE(VARCHAR)"]);
    expect(number.outs.fullyQualifiedName).toBe(number.id);
    await engine.delete(text.id, text.outs);
    expect((await call("GET", `${IN}/user-defined-functions/ADD_ONE(VARCHAR)`)).status).toBe(404);
    expect((await call("GET", `${IN}/user-defined-functions/ADD_ONE(NUMBER)`)).status).toBe(200);
    expect((await engine.read(number.id, number.outs)).id).toBe(number.id);
    await engine.delete(number.id, number.outs);
    expect((await engine.read(number.id, number.outs)).id).toBe("");
  });

  test("a procedure and a function may share a name and signature; two functions of one signature may not", async () => {
    const created = await engineAgainst(emulator, "Function").create(addOne("int", { name: "shared" }));
    await engineAgainst(emulator, "Procedure").create(addOne("int", { name: "shared", body: "BEGIN RETURN X + 1; END" }));
    const clash = engineAgainst(emulator, "ServiceFunction").create(inSchema({ name: "shared", arguments: [{ name: "y", datatype: "number" }], service: "S", endpoint: "e", path: "/p" }));
    await expect(clash).rejects.toThrow(/SHARED\(NUMBER\).*already exists/);
    await engineAgainst(emulator, "Function").delete(created.id, created.outs);
  });
});

describe("data types in signatures and return types", () => {
  test("int and NUMBER(38,0) (and other synonyms) never diff, and a refresh keeps the declared spelling", async () => {
    const engine = engineAgainst(emulator, "Function");
    const created = await engine.create(addOne("int", { name: "typed" }));
    for (const datatype of ["NUMBER(38,0)", "integer", "NUMBER", "number(38, 0)"]) {
      const diff = await engine.diff(created.id, created.outs, addOne(datatype, { name: "typed" }));
      expect([datatype, diff.changes]).toEqual([datatype, false]);
    }
    const read = await engine.read(created.id, created.outs);
    expect(read.inputs).toMatchObject({ arguments: [{ name: "x", datatype: "int" }], returns: "int" });
    await engine.delete(created.id, created.outs);
  });

  test("a return table's columns compare by type too", async () => {
    const engine = engineAgainst(emulator, "Function");
    const inputs = inSchema({ name: "rows_of", arguments: [], returnsTable: [{ name: "id", datatype: "int" }, { name: "label", datatype: "string" }], language: "sql", body: "SELECT 1, 'a'" });
    const created = await engine.create(inputs);
    expect(created.id).toBe("FN_DB.FN.ROWS_OF()");
    const live = (await call("GET", `${IN}/user-defined-functions/ROWS_OF()`)).body;
    expect(live).toMatchObject({ is_table_function: true, return_type: { type: "TABLE", column_list: [{ name: "ID", datatype: "NUMBER(38,0)" }, { name: "LABEL", datatype: "VARCHAR(16777216)" }] } });
    const respelled = { ...inputs, returnsTable: [{ name: "ID", datatype: "NUMBER(38,0)" }, { name: "LABEL", datatype: "VARCHAR(16777216)" }] };
    expect((await engine.diff(created.id, created.outs, respelled)).changes).toBe(false);
    await engine.delete(created.id, created.outs);
  });
});

describe("changes", () => {
  test("other argument types replace the function; a new argument name or body is CREATE OR REPLACE with copyGrants", async () => {
    const engine = engineAgainst(emulator, "Function");
    const created = await engine.create(addOne("int", { name: "changing" }));
    // Another signature is another object: created beside the old one, which is deleted after.
    expect(await engine.diff(created.id, created.outs, addOne("float", { name: "changing" }))).toMatchObject({ replaces: ["arguments"], deleteBeforeReplace: false });
    const renamedArgument = { ...addOne("int", { name: "changing" }), arguments: [{ name: "y", datatype: "int" }], body: "Y + 1" };
    expect(await engine.diff(created.id, created.outs, renamedArgument)).toMatchObject({ changes: true, replaces: [] });
    emulator.clearRequestLog();
    const updated = await engine.update(created.id, created.outs, { ...addOne("int", { name: "changing" }), body: "X + 2" });
    expect(writes()).toEqual([expect.objectContaining({ method: "POST", path: `${IN}/user-defined-functions`, query: { createMode: "orReplace", copyGrants: "true" } })]);
    expect(updated.outs.body).toBe("X + 2");
    expect((await call("GET", `${IN}/user-defined-functions/CHANGING(NUMBER)`)).body.body).toBe("X + 2");
    await engine.delete(created.id, updated.outs);
  });

  test("a bare TIMESTAMP and the type the account maps it to are one signature; at preview only unknown types may replace", async () => {
    const engine = engineAgainst(emulator, "Function");
    const stamped = { ...addOne("timestamp", { name: "stamped" }), body: "X" };
    const created = await engine.create(stamped);
    expect(created.id).toBe("FN_DB.FN.STAMPED(TIMESTAMP)");
    expect((await engine.diff(created.id, created.outs, { ...stamped, arguments: [{ name: "x", datatype: "TIMESTAMP_NTZ" }] })).replaces).toEqual([]);
    expect((await engine.diff(created.id, created.outs, { ...stamped, arguments: [{ name: "x", datatype: "timestamp", defaultValue: UNKNOWN }] })).replaces).toEqual([]);
    expect((await engine.diff(created.id, created.outs, { ...stamped, arguments: [{ name: "x", datatype: UNKNOWN }] })).replaces).toEqual(["arguments"]);
    await engine.delete(created.id, created.outs);
  });

  test("quoted names keep their case and spaces in the path and the id", async () => {
    const engine = engineAgainst(emulator, "Function");
    const created = await engine.create(addOne("int", { name: '"Add One"' }));
    expect(created.id).toBe('FN_DB.FN."Add One"(NUMBER)');
    expect((await call("GET", `${IN}/user-defined-functions/${encodeURIComponent('"Add One"(NUMBER)')}`)).body.name).toBe('"Add One"');
    await engine.delete(created.id, created.outs);
    expect((await engine.read(created.id, created.outs)).id).toBe("");
  });

  test("a body is compared as written except trailing whitespace", async () => {
    const engine = engineAgainst(emulator, "Function");
    const python = inSchema({ name: "py", arguments: [{ name: "x", datatype: "int" }], returns: "int", language: "python", runtimeVersion: "3.11", handler: "run", body: "def run(x):\n    return x + 1\n" });
    const created = await engine.create(python);
    expect((await engine.diff(created.id, created.outs, { ...python, body: "def run(x):\n    return x + 1   \n\n" })).changes).toBe(false);
    expect((await engine.diff(created.id, created.outs, { ...python, body: "def run(x):\n  return x + 1\n" })).changes).toBe(true);
    await engine.delete(created.id, created.outs);
  });

  test("procedures recreate with copyGrants; service functions without it (createFunction has none)", async () => {
    const procedure = engineAgainst(emulator, "Procedure");
    const inputs = inSchema({ name: "double_it", arguments: [{ name: "n", datatype: "number", defaultValue: "1" }], returns: "number", language: "sql", body: "BEGIN RETURN N * 2; END" });
    const created = await procedure.create(inputs);
    emulator.clearRequestLog();
    await procedure.update(created.id, created.outs, { ...inputs, executeAs: "caller" });
    expect(writes()).toEqual([expect.objectContaining({ path: `${IN}/procedures`, query: { createMode: "orReplace", copyGrants: "true" } })]);
    expect((await call("GET", `${IN}/procedures/DOUBLE_IT(NUMBER)`)).body).toMatchObject({ execute_as: "CALLER", min_num_arguments: 0, max_num_arguments: 1 });

    const service = engineAgainst(emulator, "ServiceFunction");
    const echo = inSchema({ name: "echo", arguments: [{ name: "text", datatype: "string" }], service: "echo_service", endpoint: "echoendpoint", path: "/echo" });
    const made = await service.create(echo);
    expect(made.id).toBe("FN_DB.FN.ECHO(VARCHAR)");
    emulator.clearRequestLog();
    await service.update(made.id, made.outs, { ...echo, path: "/echo/v2" });
    expect(writes()).toEqual([expect.objectContaining({ path: `${IN}/functions`, query: { createMode: "orReplace" } })]);
    expect((await call("GET", `${IN}/functions/ECHO(VARCHAR)`)).body).toMatchObject({ function_type: "service-function", returns: "VARCHAR(16777216)", signature: "(TEXT VARCHAR)", path: "/echo/v2" });
  });
});

describe("bad input fails at check, naming the property, the value and what is allowed, and sends nothing", () => {
  const python = inSchema({ name: "py", arguments: [], returns: "int", language: "python", runtimeVersion: "3.11", body: "def run(): return 1" });
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ["an unknown language", "Function", addOne("int", { language: "cobol" }), /^language: "cobol" is not allowed .*expected one of SQL, JAVASCRIPT, PYTHON, JAVA, SCALA/],
    ["a Python function without a handler", "Function", python, /^handler: required for a PYTHON function \(given none\); the function or method to call/],
    ["a Java procedure without runtimeVersion", "Procedure", { ...python, language: "java", handler: "A.run", runtimeVersion: undefined }, /^runtimeVersion: required for a JAVA procedure/],
    ["a default before an argument without one", "Function", { ...addOne("int"), arguments: [{ name: "a", datatype: "int", defaultValue: "1" }, { name: "b", datatype: "int" }] },
      /^arguments: .*argument 2 \("b"\) has no defaultValue but comes after argument 1 \("a"\), which has one; arguments with defaults must come last/],
    ["an invalid data type", "Function", addOne("NUMBR", { returns: "int" }), /^arguments: .*datatype: "NUMBR" is not allowed \(NUMBR is not a Snowflake data type\); expected a Snowflake data type/],
    ["a handler on a SQL function", "Function", addOne("int", { handler: "run" }), /^handler: "run" is not allowed for a SQL function; handler applies to PYTHON, JAVA, SCALA/],
    ["a SQL function without a body", "Function", addOne("int", { body: undefined }), /^body: required for a SQL function/],
    ["both returns and returnsTable", "Function", addOne("int", { returnsTable: [] }), /^returns: give returns \(a data type\) or returnsTable \(columns\), not both/],
    ["a procedure executing as RESTRICTED CALLER", "Procedure", addOne("int", { executeAs: "restricted caller" }), /^executeAs: "restricted caller" is not allowed .*expected one of OWNER, CALLER/],
    ["a service function argument with a default", "ServiceFunction", inSchema({ name: "e", arguments: [{ name: "a", datatype: "int", defaultValue: "1" }], service: "S", endpoint: "e", path: "/p" }),
      /^arguments: .*defaultValue is not a property of ServiceFunctionArgument/],
  ];
  test.each(cases)("%s", async (_what, type, inputs, message) => {
    emulator.clearRequestLog();
    const { failures } = await engineAgainst(emulator, type).check({}, inputs);
    expect(failures.map((failure) => `${failure.property}: ${failure.reason}`)).toEqual([expect.stringMatching(message)]);
    expect(emulator.requestLog).toEqual([]);
  });
});

describe("the emulator", () => {
  beforeAll(async () => {
    await engineAgainst(emulator, "Function").create(inSchema({ name: "pair", arguments: [{ name: "a", datatype: "int" }, { name: "b", datatype: "string", defaultValue: "'x'" }], returns: "string", language: "sql", body: "B", comment: "c" }));
  });

  test("finds an object by its signature in any spelling Snowflake accepts: synonyms, spaces, argument names, case", async () => {
    for (const segment of ["PAIR(NUMBER,VARCHAR)", "PAIR(NUMBER, VARCHAR)", "pair(int, text)", "PAIR(a integer, b varchar(10))", "Pair( NUMBER(38,0) , STRING )"]) {
      const answer = await call("GET", `${IN}/user-defined-functions/${encodeURIComponent(segment)}`);
      expect([segment, answer.status]).toEqual([segment, 200]);
    }
    expect((await call("GET", `${IN}/user-defined-functions/PAIR(NUMBER)`)).status).toBe(404);
    expect((await call("GET", `${IN}/user-defined-functions/PAIR`)).status).toBe(400);
    expect((await call("GET", `${IN}/user-defined-functions/PAIR(NUMBR)`)).status).toBe(400);
  });

  test("GET and list answers match the spec's strict models, with canonical argument types", async () => {
    const got = (await call("GET", `${IN}/user-defined-functions/PAIR(NUMBER,VARCHAR)`)).body;
    expect(wire.userDefinedFunction.UserDefinedFunctionStrict.safeParse(got).success).toBe(true);
    expect(got).toMatchObject({ arguments: [{ name: "A", datatype: "NUMBER" }, { name: "B", datatype: "VARCHAR", default_value: "'x'" }], min_num_arguments: 1, max_num_arguments: 2, language_config: { language: "SQL", called_on_null_input: true, is_volatile: true } });
    for (const [collection, model] of [["user-defined-functions", wire.userDefinedFunction.UserDefinedFunctionStrict], ["procedures", wire.procedure.ProcedureStrict], ["functions", wire.function_.FunctionStrict]] as const) {
      for (const item of (await call("GET", `${IN}/${collection}`)).body) expect([collection, model.safeParse(item).success]).toEqual([collection, true]);
    }
  });

  test(":execute picks the overload by the given types and answers a simple SQL body; :call answers a procedure's RETURN", async () => {
    const executed = await call("POST", `${IN}/user-defined-functions/PAIR:execute`, [{ name: "A", datatype: "NUMBER", value: 1 }]);
    expect(executed).toMatchObject({ status: 200, body: { PAIR: "x" } });
    const called = await call("POST", `${IN}/procedures/DOUBLE_IT(NUMBER):call`, { call_arguments: [{ name: "N", datatype: "NUMBER", value: 21 }] });
    expect(called).toMatchObject({ status: 200, body: [{ DOUBLE_IT: 42 }] });
    expect((await call("POST", `${IN}/user-defined-functions/PAIR:execute`, [{ name: "A", datatype: "VARCHAR", value: "no" }])).status).toBe(404);
  });

  test("refuses what Snowflake refuses: a handler language without handler, an unknown language, defaults before required arguments", async () => {
    const base = { name: "BAD", arguments: [], return_type: { type: "DATATYPE", datatype: "INT" }, body: "1" };
    const refused = [
      { ...base, language_config: { language: "PYTHON", runtime_version: "3.11", packages: [] } },
      { ...base, language_config: { language: "COBOL" } },
      { ...base, language_config: { language: "SQL" }, arguments: [{ name: "A", datatype: "INT", default_value: "1" }, { name: "B", datatype: "INT" }] },
      { ...base, language_config: { language: "SQL" }, body: undefined },
    ];
    for (const body of refused) expect((await call("POST", `${IN}/user-defined-functions`, body)).status).toBe(400);
  });

  test("createMode: errorIfExists refuses the same signature, ifNotExists skips it, orReplace replaces it; DELETE ifExists", async () => {
    const body = { name: "PAIR", arguments: [{ name: "P", datatype: "INTEGER" }, { name: "Q", datatype: "TEXT" }], return_type: { type: "DATATYPE", datatype: "INT" }, language_config: { language: "SQL" }, body: "P" };
    expect((await call("POST", `${IN}/user-defined-functions`, body)).status).toBe(409);
    expect((await call("POST", `${IN}/user-defined-functions?createMode=ifNotExists`, body)).body.status).toMatch(/already exists/);
    expect((await call("POST", `${IN}/user-defined-functions?createMode=orReplace&copyGrants=true`, body)).status).toBe(200);
    expect((await call("GET", `${IN}/user-defined-functions/PAIR(NUMBER,VARCHAR)`)).body.arguments.map((a: { name: string }) => a.name)).toEqual(["P", "Q"]);
    expect((await call("DELETE", `${IN}/user-defined-functions/PAIR(NUMBER,VARCHAR)`)).status).toBe(200);
    expect((await call("DELETE", `${IN}/user-defined-functions/PAIR(NUMBER,VARCHAR)?ifExists=true`)).status).toBe(200);
    expect((await call("DELETE", `${IN}/user-defined-functions/PAIR(NUMBER,VARCHAR)`)).status).toBe(404);
  });
});
