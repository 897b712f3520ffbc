// Every ALTER the provider sends is built from code-written text plus values that went through identifier() or
// literal() -- names with quotes, spaces and keywords, and values with quotes, backslashes, semicolons, comments
// and $$ reach Snowflake exactly. The emulator tokenizes the statements the way Snowflake reads them.
import { closeAllPools } from "../provider/client/rest-client";
import { identifier, keyword, literal, qualifiedIdentifier, sql } from "../provider/sql/sql-text";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

describe("SQL text", () => {
  test("identifiers are always double-quoted, with quotes doubled", () => {
    expect(identifier('my "odd" name').text).toBe('"my ""odd"" name"');
    expect(qualifiedIdentifier(["DB", "select", "a.b"]).text).toBe('"DB"."select"."a.b"');
  });

  test("literals escape quotes and backslashes", () => {
    expect(literal("it's C:\\temp").text).toBe("'it''s C:\\\\temp'");
  });

  test("keywords are upper-case words only, and templates take only SqlText", () => {
    expect(() => keyword("COMMENT; DROP TABLE X")).toThrow(/not an SQL keyword/);
    expect(() => keyword("comment")).toThrow(/not an SQL keyword/);
    expect(() => sql`SET COMMENT = ${"raw" as never}`).toThrow(/not SqlText/);
  });
});

describe("names and values that need quoting, through ALTER statements to the emulator", () => {
  let emulator: Emulator;
  const tricky = [
    "it's", 'say "hi"', "back\\slash", "semi; colon", "-- not a comment", "$$dollar$$", "line\nbreak", "/* c */", "\\'; DROP TABLE T; --",
  ];
  beforeAll(async () => {
    emulator = await startEmulator();
    await callEmulator(emulator, "POST", "/api/v2/databases", { name: '"My DB"' });
    await callEmulator(emulator, "POST", "/api/v2/databases/%22My%20DB%22/schemas", { name: '"select"' });
  });
  afterAll(async () => {
    await closeAllPools();
    await emulator.close();
  });

  test.each(tricky.map((value) => [JSON.stringify(value), value]))("a comment %s arrives exactly, on an alert with a quoted name in quoted containers", async (_shown, value) => {
    const alert = engineAgainst(emulator, "Alert");
    const base = { database: '"My DB"', schema: '"select"', name: '"it\'s ""odd"""', schedule: { minutes: 5 }, condition: "SELECT 1", action: "SELECT 2" };
    const { outs } = await alert.create({ ...base, comment: "first", adoptExisting: true });
    await alert.update("", outs, { ...base, comment: value, adoptExisting: true });
    const path = `/api/v2/databases/${encodeURIComponent('"My DB"')}/schemas/${encodeURIComponent('"select"')}/alerts/${encodeURIComponent('"it\'s ""odd"""')}`;
    expect((await callEmulator(emulator, "GET", path)).body.comment).toBe(value);
  });

  test("a rename to a name with quotes and a keyword lands exactly there", async () => {
    const view = engineAgainst(emulator, "View");
    const base = { database: '"My DB"', schema: '"select"', query: "SELECT 1 AS ONE" };
    const { outs } = await view.create({ ...base, name: "PLAIN" });
    await view.update("", outs, { ...base, name: '"table ""t"""' });
    const path = `/api/v2/databases/${encodeURIComponent('"My DB"')}/schemas/${encodeURIComponent('"select"')}/views/${encodeURIComponent('"table ""t"""')}`;
    expect((await callEmulator(emulator, "GET", path)).status).toBe(200);
  });

  test("the emulator refuses an unquoted reserved word and any statement it does not run", async () => {
    const reserved = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "ALTER VIEW select.PUBLIC.V SET COMMENT = 'x'" });
    expect(reserved.status).toBe(422);
    expect(reserved.body.message).toMatch(/syntax error line 1 at position 11 unexpected 'select'/);
    const two = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "SHOW PARAMETERS IN DATABASE \"My DB\"; DROP DATABASE \"My DB\"" });
    expect(two.status).toBe(422);
    expect(two.body.message).toMatch(/Actual statement count 2 did not match the desired statement count 1/);
  });
});

describe("one statement per SQL API request", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
    await callEmulator(emulator, "POST", "/api/v2/databases", { name: "ONE_DB" });
  });
  afterAll(async () => {
    await closeAllPools();
    await emulator.close();
  });

  test("an alert condition carrying a second statement is refused even where the account allows any number", async () => {
    // MULTI_STATEMENT_COUNT = 0 at account level would let a request without its own count run both statements.
    emulator.defaultAccount.setAccountParameter("multi_statement_count", 0);
    const alert = engineAgainst(emulator, "Alert");
    const base = { database: "ONE_DB", schema: "PUBLIC", name: "ONE_ALERT", schedule: { minutes: 5 }, condition: "SELECT 1", action: "SELECT 2" };
    const { outs } = await alert.create(base);
    await expect(alert.update("", outs, { ...base, condition: "SELECT 1); DROP DATABASE ONE_DB; SELECT (1" })).rejects.toThrow(/did not match the desired statement count 1/);
    expect((await callEmulator(emulator, "GET", "/api/v2/databases/ONE_DB")).status).toBe(200);
  });
});
