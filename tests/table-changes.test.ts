// The quickstart's table steps in place, through the driver: a table created with TEMPERATURE int NOT NULL and
// LOCATION string, then ELEVATION int NOT NULL with a primary key added by one up (PUT create-or-alter). With rows
// in the table, a nullable column or one with a default is added keeping them, a NOT NULL column without a
// default is refused as Snowflake refuses it, widening types is applied, and what Snowflake cannot do in place
// (narrowing, another type, dropping a column) is refused at preview naming the column -- never a silent recreate.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const TABLE_PATH = "/api/v2/databases/PYTHON_API_DB/schemas/PYTHON_API_SCHEMA/tables/PYTHON_API_TABLE";

type Column = Record<string, unknown>;
const base: Column[] = [{ name: "TEMPERATURE", datatype: "int", nullable: false }, { name: "LOCATION", datatype: "string" }];
const elevation: Column = { name: "ELEVATION", datatype: "int", nullable: false, constraints: [{ type: "PRIMARY KEY" }] };

function program(columns: Column[], extra: Record<string, unknown> = {}): Declaration[] {
  return [
    { type: "Database", name: "db", args: { name: "PYTHON_API_DB" } },
    { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "PYTHON_API_SCHEMA" } },
    { type: "Table", name: "table", args: { database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, name: "PYTHON_API_TABLE", columns, ...extra } },
  ];
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const live = async () => (await stack.rest("GET", TABLE_PATH)).body;
const columnNames = async () => (await live()).columns.map((column: { name: string }) => column.name);

test("the walkthrough's table: created, then ELEVATION added with a primary key by one PUT, and a refresh shows no diff", async () => {
  expect(opOf(expectOk(await stack.run("up", program(base))), "table")).toBe("create");
  stack.emulator.clearRequestLog();
  const up = expectOk(await stack.run("up", program([...base, elevation])));
  expect(opOf(up, "table")).toBe("update");
  const writes = stack.emulator.requestLog.filter((entry) => entry.method !== "GET" && !entry.path.endsWith("/statements"));
  expect(writes).toEqual([expect.objectContaining({ method: "PUT", path: TABLE_PATH })]);
  const table = await live();
  expect(table.columns).toEqual([
    { name: "TEMPERATURE", datatype: "NUMBER(38,0)", nullable: false },
    { name: "LOCATION", datatype: "VARCHAR(16777216)", nullable: true },
    { name: "ELEVATION", datatype: "NUMBER(38,0)", nullable: false },
  ]);
  expect(table.constraints).toEqual([expect.objectContaining({ constraint_type: "PRIMARY KEY", column_names: ["ELEVATION"] })]);
  const refresh = expectOk(await stack.run("refresh", program([...base, elevation])));
  expect(opOf(refresh, "table")).toBe("same");
});

describe("with rows in the table", () => {
  const withRows: Column[] = [...base, elevation, { name: "CODE", datatype: "varchar(10)" }, { name: "AMOUNT", datatype: "number(10,2)" }];

  beforeAll(async () => {
    expectOk(await stack.run("up", program(withRows)));
    stack.emulator.defaultAccount.setRowCount(TABLE_PATH, 3);
  });

  test("a nullable column and a NOT NULL column with a default are added, keeping the rows", async () => {
    withRows.push({ name: "NOTE", datatype: "text" }, { name: "SCORE", datatype: "int", nullable: false, default: "0" });
    expect(opOf(expectOk(await stack.run("up", program(withRows))), "table")).toBe("update");
    expect(await columnNames()).toEqual(["TEMPERATURE", "LOCATION", "ELEVATION", "CODE", "AMOUNT", "NOTE", "SCORE"]);
    expect((await live()).rows).toBe(3);
  });

  test("a NOT NULL column without a default is refused as Snowflake refuses it, and nothing changes", async () => {
    const result = await stack.run("up", program([...withRows, { name: "RANK", datatype: "int", nullable: false }]));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Non-nullable column 'RANK' cannot be added to non-empty table 'PYTHON_API_TABLE' unless it has a non-null default value/);
    expect(await columnNames()).not.toContain("RANK");
    expect((await live()).rows).toBe(3);
  });

  test("types Snowflake can widen in place are widened: VARCHAR(10) -> VARCHAR(20), NUMBER(10,2) -> NUMBER(12,2)", async () => {
    const widened = withRows.map((column) => (column.name === "CODE" ? { ...column, datatype: "VARCHAR(20)" } : column.name === "AMOUNT" ? { ...column, datatype: "NUMBER(12,2)" } : column));
    withRows.splice(0, withRows.length, ...widened);
    expect(opOf(expectOk(await stack.run("up", program(withRows))), "table")).toBe("update");
    const columns = (await live()).columns;
    expect(columns.find((c: Column) => c.name === "CODE").datatype).toBe("VARCHAR(20)");
    expect(columns.find((c: Column) => c.name === "AMOUNT").datatype).toBe("NUMBER(12,2)");
    expect((await live()).rows).toBe(3);
    expect(opOf(expectOk(await stack.run("refresh", program(withRows))), "table")).toBe("same");
  });

  test.each([
    ["narrowing a VARCHAR", "CODE", "VARCHAR(5)", /column CODE of PYTHON_API_DB.PYTHON_API_SCHEMA.PYTHON_API_TABLE cannot change type from VARCHAR\(20\) to VARCHAR\(5\): reducing the length of a VARCHAR is not supported/],
    ["another type", "AMOUNT", "VARCHAR(100)", /column AMOUNT .* cannot change type from NUMBER\(12,2\) to VARCHAR\(100\): Snowflake cannot change a column to a different data type/],
    ["another scale", "AMOUNT", "NUMBER(12,4)", /cannot change type from NUMBER\(12,2\) to NUMBER\(12,4\): changing the scale of a NUMBER is not supported/],
  ])("%s is refused at preview, naming the column and both types, and nothing is sent", async (_case, name, datatype, message) => {
    stack.emulator.clearRequestLog();
    const result = await stack.run("preview", program(withRows.map((column) => (column.name === name ? { ...column, datatype } : column))));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(message);
    expect(result.error).toMatch(/Set allowReplace: true on this resource/);
    expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET")).toEqual([]);
  });

  test("a dropped column is refused at preview unless allowDropColumns is set; then it is dropped and the rows stay", async () => {
    const fewer = withRows.filter((column) => column.name !== "NOTE");
    const refused = await stack.run("preview", program(fewer));
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/column NOTE of PYTHON_API_DB.PYTHON_API_SCHEMA.PYTHON_API_TABLE would be dropped with its data.*Set allowDropColumns: true/);
    expect(opOf(expectOk(await stack.run("up", program(fewer, { allowDropColumns: true }))), "table")).toBe("update");
    expect(await columnNames()).not.toContain("NOTE");
    expect((await live()).rows).toBe(3);
  });

  test("a column added in the middle is refused at preview: Snowflake adds columns only at the end", async () => {
    const middle = [...withRows.slice(0, 1), { name: "EARLY", datatype: "int" }, ...withRows.slice(1)].filter((column) => column.name !== "NOTE");
    const result = await stack.run("preview", program(middle, { allowDropColumns: true }));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/column EARLY would be added before existing columns .* Snowflake adds new columns only at the end/);
  });

  test("with allowReplace an impossible type change replaces the table, which starts empty", async () => {
    const changed = withRows.filter((column) => column.name !== "NOTE").map((column) => (column.name === "CODE" ? { ...column, datatype: "NUMBER" } : column));
    const result = expectOk(await stack.run("up", program(changed, { allowDropColumns: true, allowReplace: true })));
    expect(opOf(result, "table")).toBe("replace");
    const table = await live();
    expect(table.columns.find((c: Column) => c.name === "CODE").datatype).toBe("NUMBER(38,0)");
    expect(table.rows).toBe(0);
  });
});
