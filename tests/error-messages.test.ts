// Every error names what failed, each part once: the operation and the resource (type and fully qualified name),
// the request (HTTP method and path), Snowflake's code and request id when there is one, and for network failures
// the cause; never a bare socket message. Each kind of failure is provoked through the methods the dynamic
// provider calls (provider/named-failures.ts), with a client whose retries end in a fraction of a second, and the
// most common two through the driver as a user would see them.
import { programmaticAccessTokenAuth } from "../provider/client/auth";
import { closeAllPools, RestClient } from "../provider/client/rest-client";
import { clientFor } from "../provider/connection/client-factory";
import { environmentLayer, resolveConnection } from "../provider/connection/settings";
import { ResourceEngine } from "../provider/engine/engine";
import { namedMethods } from "../provider/named-failures";
import { resourceDefinitions } from "../provider/resources";
import { startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.rest("POST", "/api/v2/databases", { name: "TAKEN", comment: "someone else's" });
  await stack.rest("POST", "/api/v2/databases", { name: "KEPT" });
  await stack.rest("POST", "/api/v2/warehouses", { name: "KEPT_WH" });
  await stack.rest("POST", "/api/v2/databases/KEPT/schemas", { name: "BY_HAND" });
});
afterAll(async () => {
  stack.emulator.knobs.failNext(0, 503);
  await closeAllPools();
  await stack.close();
});
afterEach(() => stack.emulator.knobs.failNext(0, 503));

const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 300, pollIntervalMs: 5 };

/** The provider's methods for a type, over a client of `origin` (default: the emulator) with fast retries. */
function methods(type: string, origin = stack.emulator.url) {
  const client = new RestClient(origin, programmaticAccessTokenAuth(stack.emulator.credentials.programmaticAccessToken), FAST);
  return namedMethods(type, new ResourceEngine(resourceDefinitions[type], { accountOf: () => stack.emulator.account, clientFor: () => client }));
}

const REQUEST_ID = /request id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const occurrences = (text: string, part: string | RegExp) =>
  typeof part === "string" ? text.split(part).length - 1 : [...text.matchAll(new RegExp(part.source, "g"))].length;

interface Case {
  /** Starts the failing provider call. */
  provoke: () => Promise<unknown>;
  /** How the message begins: the operation and the resource. */
  begins: string;
  /** Parts that must each appear exactly once. */
  once: (string | RegExp)[];
  /** Words that must not appear (a bare socket message, a secret). */
  never?: string[];
}

const cases: [string, Case][] = [
  ["REST 4xx: a create refused with 409, Snowflake's code and request id", {
    provoke: () => methods("Database").create({ name: "TAKEN", comment: "mine" }),
    begins: "create: database TAKEN already exists; set adoptExisting: true to manage it",
    once: ["create:", "database TAKEN", "POST /api/v2/databases", "HTTP 409", "code 002002", REQUEST_ID],
  }],
  ["REST 4xx: an update of a schema whose database is gone", {
    provoke: () => methods("Schema").update("GONE.S", { database: "GONE", name: "S", account: stack.emulator.account }, { database: "GONE", name: "S", comment: "x" }),
    begins: "update Schema GONE.S: ",
    once: ["Schema GONE.S", "PUT /api/v2/databases/GONE/schemas/S", "HTTP 404", "code 002003", REQUEST_ID],
  }],
  ["5xx after retries: the request, the deadline, then the last answer with its code and request id", {
    provoke: () => { stack.emulator.knobs.failNext(1000, 503); return methods("Warehouse").create({ name: "BUSY_WH" }); },
    begins: "create Warehouse BUSY_WH: POST /api/v2/warehouses",
    once: ["Warehouse BUSY_WH", "POST /api/v2/warehouses", "did not succeed within 300 ms", "HTTP 503", "code 390503", REQUEST_ID],
  }],
  ["network drop: retried until the deadline, then the cause", {
    provoke: () => { stack.emulator.knobs.failNext(1000, "drop"); return methods("Warehouse").delete("KEPT_WH", { name: "KEPT_WH", account: stack.emulator.account }); },
    begins: "delete Warehouse KEPT_WH: DELETE /api/v2/warehouses/KEPT_WH",
    once: ["Warehouse KEPT_WH", "DELETE /api/v2/warehouses/KEPT_WH", "no answer from Snowflake (UND_ERR_SOCKET: the connection was closed before the answer arrived [other side closed])", "did not succeed within 300 ms"],
  }],
  ["a TLS failure (the emulator's self-signed certificate): the request, the cause with its code and what to check, never the bare socket text", {
    provoke: () => methods("Database", stack.emulator.url.replace(/^http:/, "https:")).read("KEPT", { name: "KEPT", account: stack.emulator.account }),
    begins: "read Database KEPT: GET /api/v2/databases/KEPT: no answer from Snowflake (DEPTH_ZERO_SELF_SIGNED_CERT: the certificate of https://",
    once: ["Database KEPT", "GET /api/v2/databases/KEPT", "no answer from Snowflake (", "self-signed certificate", "NODE_EXTRA_CA_CERTS"],
  }],
  ["SQL API error: the statement's failure with its code and request id, after the create was undone", {
    provoke: () => methods("User").create({ name: "POLICY_USER", passwordPolicy: "KEPT.PUBLIC.NO_SUCH_POLICY" }),
    begins: "create: user POLICY_USER was created, then removed again because setting it up failed: POST /api/v2/statements",
    once: ["user POLICY_USER", "POST /api/v2/statements", "code 002003", REQUEST_ID],
  }],
  ["the engine's refusal, which names the operation and the resource itself, is left as it is", {
    provoke: () => methods("Database").delete("KEPT", { name: "KEPT", account: stack.emulator.account }),
    begins: "database KEPT cannot be deleted: it still holds 1 object this stack did not delete first",
    once: ["database KEPT", "deleted", "BY_HAND"],
  }],
  ["connection settings: the resource and where each setting came from, no secret", {
    provoke: () => namedMethods("Database", new ResourceEngine(resourceDefinitions.Database, {
      accountOf: () => stack.emulator.account,
      clientFor: () => clientFor(resolveConnection([environmentLayer({ SNOWFLAKE_ACCOUNT: "MYORG-DEV", SNOWFLAKE_PASSWORD_TYPO: "x" })])),
    })).create({ name: "NO_LOGIN" }),
    begins: "create Database NO_LOGIN: Cannot connect to Snowflake: no credential is set",
    once: ["Database NO_LOGIN", 'account = "MYORG-DEV" from environment variable SNOWFLAKE_ACCOUNT'],
  }],
];

test.each(cases)("%s", async (_case, { provoke, begins, once, never }) => {
  const failure = await provoke().then(() => undefined, (error: Error) => error);
  expect(failure).toBeInstanceOf(Error);
  const message = (failure as Error).message;
  expect(message.startsWith(begins)).toBe(true);
  for (const part of once) expect([part, occurrences(message, part)]).toEqual([part, 1]);
  for (const word of [...(never ?? []), stack.emulator.credentials.programmaticAccessToken]) expect(message).not.toContain(word);
});

test("a check failure names the property, the value and what is allowed; nothing is thrown", async () => {
  const { failures } = await methods("Warehouse").check({}, { name: "WH", warehouseSize: "HUGE" });
  expect(failures).toEqual([{ property: "warehouseSize", reason: expect.stringMatching(/^"HUGE" is not allowed/) }]);
});

describe("through the driver, as `pulumi up` shows them", () => {
  test("a create refused by Snowflake names the operation, the resource, the request, the code and the request id once", async () => {
    const result = await stack.run("up", [{ type: "Database", name: "theirs", args: { name: "TAKEN" } }]);
    expect(result.ok).toBe(false);
    const error = String(result.error);
    expect(error).toContain("create: database TAKEN already exists; set adoptExisting: true to manage it (POST /api/v2/databases failed with HTTP 409");
    for (const part of ["create:", "database TAKEN", "POST /api/v2/databases", "code 002002", REQUEST_ID]) expect([part, occurrences(error, part)]).toEqual([part, 1]);
  });

  test("a check failure is named by Pulumi's resource and the property, once each", async () => {
    const result = await stack.run("preview", [{ type: "Warehouse", name: "wh", args: { warehouseSize: "HUGE" } }]);
    expect(result.ok).toBe(false);
    const error = String(result.error);
    expect(error).toMatch(/resource 'wh' has a problem: warehouseSize: "HUGE" is not allowed/);
    for (const part of ["'wh'", "warehouseSize"]) expect([part, occurrences(error, part)]).toEqual([part, 1]);
  });
});
