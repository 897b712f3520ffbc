// Users and password policies against the emulator: the password is a write-only secret (never in state in plain
// text, never returned, changed by ALTER USER ... SET PASSWORD, and the new one logs in), RSA keys rotate one at a
// time, SERVICE users with a password and out-of-range policies stop at check, a password policy is attached and
// detached by ALTER USER, a policy still attached cannot be deleted, and secret literals never reach error messages.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { keyPairAuth, programmaticAccessTokenAuth } from "../provider/client/auth";
import { RestClient, RestRequest } from "../provider/client/rest-client";
import { executeSql } from "../provider/client/sql-api";
import { ResourceEngine } from "../provider/engine/engine";
import { resourceDefinitions } from "../provider/resources";
import { secretLiteral, sql } from "../provider/sql/sql-text";
import { secretsFoundIn } from "./support/secret-scan";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const FIRST = "Correct-Horse-7-Battery";
const SECOND = "Staple-Orbit-9-Lantern";
const USERS = "/api/v2/users";
const IN = { database: "USERS_DB", schema: "PUBLIC" };

let stack: TestStack;
let client: RestClient;
const statements: string[] = [];
beforeAll(async () => {
  stack = await startTestStack();
  [FIRST, SECOND].forEach((secret) => stack.addSecret(secret));
  await stack.rest("POST", "/api/v2/databases", { name: "USERS_DB" });
  // The engine's own client, recording every SQL API statement it sends (the emulator's log has no bodies).
  client = new (class extends RestClient {
    override request<T>(request: RestRequest) {
      if (request.path === "/api/v2/statements") statements.push((request.body as { statement: string }).statement);
      return super.request<T>(request);
    }
  })(stack.emulator.url, programmaticAccessTokenAuth(stack.emulator.credentials.programmaticAccessToken), { baseDelayMs: 10, pollIntervalMs: 10 });
});
afterAll(async () => { await stack.close(); });
beforeEach(() => { statements.splice(0); });

const engine = (type: string) => new ResourceEngine(resourceDefinitions[type], { accountOf: () => stack.emulator.account, clientFor: () => client });
const get = async (path: string) => (await stack.rest("GET", path)).body;

/** A connector password login (snowflake-sdk's login-request) as the user. */
async function logsIn(loginName: string, password: string): Promise<boolean> {
  const response = await fetch(`${stack.emulator.url}/session/v1/login-request`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ data: { ACCOUNT_NAME: stack.emulator.account, LOGIN_NAME: loginName, PASSWORD: password } }),
  });
  return ((await response.json()) as { success: boolean }).success;
}

/** Private keys (PKCS#8 PEM) by their public key's PEM. */
const privateKeys = new Map<string, string>();
function rsaPublicKey(): string {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  privateKeys.set(pem, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  return pem;
}
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

describe("the password", () => {
  const program = (password: string): Declaration[] => [{ type: "User", name: "alice", args: { name: "alice_user", password, comment: "person" } }];

  test("is stored only encrypted, never returned, and logs in", async () => {
    expect(opOf(expectOk(await stack.run("up", program(FIRST))), "alice")).toBe("create");
    const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
    const resource = state.checkpoint.latest.resources.find((r: { type: string }) => r.type.endsWith(":User"));
    expect(resource.outputs.password).toMatchObject({ ciphertext: expect.any(String) });
    expect(resource.inputs.password).toMatchObject({ ciphertext: expect.any(String) });
    expect(resource.outputs.hasPassword).toBe(true);
    expect(secretsFoundIn(stack.stateFile, [FIRST])).toEqual([]);
    const user = await get(`${USERS}/ALICE_USER`);
    expect(user).toMatchObject({ has_password: true, login_name: "ALICE_USER" });
    expect(user).not.toHaveProperty("password");
    expect(await logsIn("alice_user", FIRST)).toBe(true);
    expect(opOf(expectOk(await stack.run("refresh", program(FIRST))), "alice")).toBe("same");
  });

  test("a new password is one ALTER over the SQL API (no PUT), and only it logs in afterwards", async () => {
    stack.emulator.clearRequestLog();
    expect(opOf(expectOk(await stack.run("up", program(SECOND))), "alice")).toBe("update");
    const changes = stack.emulator.requestLog.filter((entry) => entry.method !== "GET");
    expect(changes.map((entry) => `${entry.method} ${entry.path}`)).toEqual(["POST /api/v2/statements"]);
    expect(secretsFoundIn(stack.stateFile, [FIRST, SECOND])).toEqual([]);
    expect(await logsIn("ALICE_USER", SECOND)).toBe(true);
    expect(await logsIn("ALICE_USER", FIRST)).toBe(false);
    expectOk(await stack.run("destroy", program(SECOND)));
    expect(await logsIn("ALICE_USER", SECOND)).toBe(false);
  });

  test("changes are ALTER USER ... SET PASSWORD and UNSET PASSWORD, and has_password follows", async () => {
    const users = engine("User");
    const { outs } = await users.create({ name: "bob_user", password: FIRST });
    expect(outs.hasPassword).toBe(true);
    statements.splice(0);
    const changed = (await users.update("", outs, { name: "bob_user", password: SECOND })).outs;
    expect(statements).toEqual([`ALTER USER "BOB_USER" SET PASSWORD = '${SECOND}'`]);
    // Declared value only: an unchanged declaration sends nothing, whatever Snowflake holds.
    expect((await users.diff("", changed, { name: "bob_user", password: SECOND })).changes).toBe(false);
    statements.splice(0);
    const removed = (await users.update("", changed, { name: "bob_user" })).outs;
    expect(statements).toEqual(['ALTER USER "BOB_USER" UNSET PASSWORD']);
    expect(removed.hasPassword).toBe(false);
    expect(await logsIn("BOB_USER", SECOND)).toBe(false);
    await users.delete("", removed);
  });

  test("a SERVICE user with a password is refused at check, before any request", async () => {
    stack.emulator.clearRequestLog();
    const { failures } = await engine("User").check({}, { name: "etl_service", type: "service", password: FIRST, rsaPublicKey: rsaPublicKey() });
    expect(failures).toEqual([{ property: "password", reason: expect.stringMatching(/SERVICE user cannot have a password/) }]);
    expect(JSON.stringify(failures)).not.toContain(FIRST);
    expect(stack.emulator.requestLog).toEqual([]);
  });
});

test("RSA keys rotate one at a time: adding key 2 keeps key 1, removing key 1 keeps key 2", async () => {
  const users = engine("User");
  const [key1, key2] = [rsaPublicKey(), rsaPublicKey()];
  const { outs } = await users.create({ name: "rotating_user", type: "SERVICE", rsaPublicKey: key1 });
  const fingerprint1 = outs.rsaPublicKeyFp;
  expect(fingerprint1).toMatch(/^SHA256:/);
  const both = (await users.update("", outs, { name: "rotating_user", type: "SERVICE", rsaPublicKey: key1, rsaPublicKey2: key2 })).outs;
  expect(await get(`${USERS}/ROTATING_USER`)).toMatchObject({ rsa_public_key: body(key1), rsa_public_key_2: body(key2), has_rsa_public_key: true });
  expect(both.rsaPublicKeyFp).toBe(fingerprint1);
  const second = (await users.update("", both, { name: "rotating_user", type: "SERVICE", rsaPublicKey2: key2 })).outs;
  const live = await get(`${USERS}/ROTATING_USER`);
  expect(live).not.toHaveProperty("rsa_public_key");
  expect(live).toMatchObject({ rsa_public_key_2: body(key2), rsa_public_key_2_fp: both.rsaPublicKey2Fp, has_rsa_public_key: true });
  // The user logs in to the REST API with the key it kept (the emulator's login record holds one key).
  const asUser = new RestClient(stack.emulator.url, keyPairAuth({ account: stack.emulator.account, user: "rotating_user", privateKeyPem: privateKeys.get(key2)! }));
  expect((await asUser.request({ method: "GET", path: "/api/v2/databases" })).status).toBe(200);
  // A PEM and its body are the same key: no diff.
  expect((await users.diff("", second, { name: "rotating_user", type: "SERVICE", rsaPublicKey2: body(key2) })).changes).toBe(false);
  await users.delete("", second);
});

describe("password policies", () => {
  const policies = engine("PasswordPolicy");

  test("a value out of range is refused at check, naming the property, the value and the range", async () => {
    const { failures } = await policies.check({}, { ...IN, name: "too_short", minLength: 5 });
    expect(failures).toEqual([{ property: "minLength", reason: expect.stringContaining("5 is not allowed") }]);
    expect(failures[0].reason).toContain("from 8 to 256");
    const crossed = await policies.check({}, { ...IN, name: "crossed", minLength: 20, maxLength: 12 });
    expect(crossed.failures).toEqual([{ property: "maxLength", reason: expect.stringContaining("12 is less than minLength (20)") }]);
  });

  test("a user's policy is attached and detached by ALTER USER, enforced on new passwords, and blocks the policy's deletion", async () => {
    const strict = await policies.create({ ...IN, name: "strict_policy", minLength: 20, comment: "v1" });
    const relaxed = await policies.create({ ...IN, name: "relaxed_policy", minLength: 10 });
    expect(await get("/api/v2/databases/USERS_DB/schemas/PUBLIC/password-policies/STRICT_POLICY")).toMatchObject({ password_min_length: 20, password_max_length: 256, password_max_retries: 5 });
    statements.splice(0);
    const users = engine("User");
    const declared = { name: "carol_user", passwordPolicy: strict.id };
    const { outs } = await users.create(declared);
    // UNSET first: a user being adopted may hold a policy no snapshot reports, and SET is refused over another one.
    expect(statements).toEqual(['ALTER USER "CAROL_USER" UNSET PASSWORD POLICY', 'ALTER USER "CAROL_USER" SET PASSWORD POLICY "USERS_DB"."PUBLIC"."STRICT_POLICY"']);
    expect(outs.passwordPolicy).toBe("USERS_DB.PUBLIC.STRICT_POLICY");
    // The policy applies to new passwords: this one is shorter than 20 characters (and never appears in the error).
    const short = "Short-Pass-1xyz";
    const refused = users.update("", outs, { ...declared, password: short });
    await expect(refused).rejects.toThrow(/at least 20 characters/);
    await expect(refused).rejects.not.toThrow(short);
    await expect(policies.delete("", strict.outs)).rejects.toThrow(/password policy USERS_DB.PUBLIC.STRICT_POLICY cannot be deleted: .*attached to user CAROL_USER.*UNSET PASSWORD POLICY/s);
    statements.splice(0);
    const switched = (await users.update("", outs, { ...declared, passwordPolicy: relaxed.id })).outs;
    expect(statements).toEqual(['ALTER USER "CAROL_USER" UNSET PASSWORD POLICY', 'ALTER USER "CAROL_USER" SET PASSWORD POLICY "USERS_DB"."PUBLIC"."RELAXED_POLICY"']);
    await policies.delete("", strict.outs);
    statements.splice(0);
    const detached = (await users.update("", switched, { name: "carol_user" })).outs;
    expect(statements).toEqual(['ALTER USER "CAROL_USER" UNSET PASSWORD POLICY']);
    await policies.delete("", relaxed.outs);
    await users.delete("", detached);
  });
});

test("a user adopted with a policy attached by hand takes the declared one", async () => {
  const policies = engine("PasswordPolicy");
  const byHand = await policies.create({ ...IN, name: "by_hand_policy" });
  const declared = await policies.create({ ...IN, name: "declared_policy" });
  await stack.rest("POST", USERS, { name: "ERIN_USER" });
  await stack.sql(`ALTER USER ERIN_USER SET PASSWORD POLICY USERS_DB.PUBLIC.BY_HAND_POLICY`);
  const users = engine("User");
  const { outs } = await users.create({ name: "erin_user", passwordPolicy: declared.id, adoptExisting: true });
  expect(outs.passwordPolicy).toBe(declared.id);
  // The policy attached by hand is gone from the user: it can be deleted now.
  await policies.delete("", byHand.outs);
  await users.delete("", outs);
  await policies.delete("", declared.outs);
});

test("a network policy set on a user cannot be deleted while the user has it", async () => {
  const policy = engine("NetworkPolicy");
  const { outs } = await policy.create({ name: "users_office_only", allowedIpList: ["10.0.0.0/8"] });
  const users = engine("User");
  const created = await users.create({ name: "dave_user", networkPolicy: "users_office_only" });
  expect((await get(`${USERS}/DAVE_USER`)).network_policy).toBe("USERS_OFFICE_ONLY");
  await expect(policy.delete("", outs)).rejects.toThrow(/network policy USERS_OFFICE_ONLY cannot be deleted: .*attached to user DAVE_USER/s);
  await expect(users.create({ name: "erin_user", networkPolicy: "no_such_policy" })).rejects.toThrow(/NO_SUCH_POLICY/);
  await users.delete("", created.outs);
  await policy.delete("", outs);
});

test("a failing statement's secret literals are replaced in its error", async () => {
  const secret = "Hunter2-Very-Secret-9";
  // The emulator quotes statements it does not run, as Snowflake's syntax errors quote the text they stop at.
  const failure = executeSql(client, sql`CALL NOTHING(${secretLiteral(secret)})`);
  await expect(failure).rejects.toThrow(/CALL NOTHING\('\*\*\*'\)/);
  const error = (await failure.catch((caught: unknown) => caught)) as Error & { serverMessage?: string };
  expect(`${error.message} ${error.serverMessage} ${error.stack}`).not.toContain(secret);
});
