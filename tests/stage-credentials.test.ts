// Write-only secrets: an external stage's credentials are kept from the declaration (Snowflake never returns
// them), stored only encrypted in state, never logged; a change is applied with ALTER STAGE ... SET CREDENTIALS.
import * as fs from "fs";
import { secretsFoundIn } from "./support/secret-scan";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const STAGE = "/api/v2/databases/CRED_DB/schemas/PUBLIC/stages/LANDING";
const FIRST = "aws-secret-7c1e9f";
const SECOND = "aws-secret-8d2fa0";

function program(secret: string, keyId = "AKIA-TEST"): Declaration[] {
  return [
    { type: "Database", name: "db", args: { name: "CRED_DB" } },
    { type: "Stage", name: "stage", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "LANDING", url: "s3://landing-bucket/in/", credentials: { awsKeyId: keyId, awsSecretKey: secret } } },
  ];
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  stack.addSecret(FIRST);
  stack.addSecret(SECOND);
});
afterAll(async () => { await stack.close(); });

test("credentials given as plain values are still stored encrypted, and Snowflake reports only that they exist", async () => {
  expectOk(await stack.run("up", program(FIRST)));
  const stage = (await stack.rest("GET", STAGE)).body;
  expect(stage).toMatchObject({ has_credentials: true, url: "s3://landing-bucket/in/" });
  expect(stage).not.toHaveProperty("credentials");
  const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
  const resource = state.checkpoint.latest.resources.find((r: { type: string }) => r.type.endsWith(":Stage"));
  expect(resource.outputs.credentials).toMatchObject({ ciphertext: expect.any(String) });
  expect(resource.inputs.credentials).toMatchObject({ ciphertext: expect.any(String) });
  expect(opOf(expectOk(await stack.run("refresh", program(FIRST))), "stage")).toBe("same");
});

test("a new secret is applied with ALTER STAGE ... SET CREDENTIALS and never appears in plain text", async () => {
  stack.emulator.clearRequestLog();
  expect(opOf(expectOk(await stack.run("up", program(SECOND))), "stage")).toBe("update");
  expect(stack.emulator.requestLog.filter((entry) => entry.path === "/api/v2/statements")).toHaveLength(1);
  expect(secretsFoundIn(stack.stateFile, [FIRST, SECOND])).toEqual([]);
});
