// No credential ever lands in Pulumi state or in a serialized provider in plain text, whatever the login method,
// and secret inputs stay secret in outputs. Every run here is followed by a scan of the state file (which also
// holds each resource's `__provider`) for every secret value used.
import * as crypto from "crypto";
import { runDriverProcess } from "./driver";
import { expectNoSecrets, secretsFoundIn } from "./support/secret-scan";
import { expectOk, FIXTURE_PROGRAM, startTestStack, TestStack } from "./support/test-stack";
import * as fs from "fs";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

test("the scan finds a planted secret (so a clean scan means something)", () => {
  const file = `${stack.stateFile}.planted`;
  fs.writeFileSync(file, JSON.stringify({ outputs: { __provider: "exports.handler = () => 'pat-123456'", note: "line1\nline2" } }));
  expect(secretsFoundIn(file, ["pat-123456", "line1\nline2", "absent-secret"])).toEqual(["pat-123456", "line1\nline2"]);
  fs.rmSync(file);
});

test("a secret input stays secret in the outputs and never appears in plain text", async () => {
  stack.addSecret("classified-comment-7f3a");
  const declarations = [{ type: "Database" as const, name: "db", args: { name: "SECRET_DB", comment: { $secret: "classified-comment-7f3a" } } }];
  expectOk(await stack.run("up", declarations));
  const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
  const db = state.checkpoint.latest.resources.find((r: { type: string }) => r.type.endsWith(":Database"));
  expect(db.outputs.comment).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
  expect((await stack.rest("GET", "/api/v2/databases/SECRET_DB")).body.comment).toBe("classified-comment-7f3a");
  expectOk(await stack.run("refresh", declarations));
  expectOk(await stack.run("destroy", declarations));
});

test("key-pair credentials from stack config secrets (PEM and passphrase) stay out of state", async () => {
  const { emulator } = stack;
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const passphrase = "correct horse battery staple";
  const pem = pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase }).toString();
  emulator.registerUser("KEY_USER", pair.publicKey.export({ type: "spki", format: "pem" }).toString());
  const pemBody = pem.split("\n").filter((line) => line && !line.startsWith("-----"));

  const declarations = JSON.stringify([{ type: "Warehouse", name: "wh", args: { name: "KEYPAIR_WH", comment: "made with a key pair" } }]);
  const run = (mode: "up" | "refresh" | "destroy") => runDriverProcess({
    mode, programDir: FIXTURE_PROGRAM, stateFile: `${stack.stateFile}.keypair`,
    config: {
      "test:resources": declarations,
      "snowflake:account": emulator.account, "snowflake:user": "key_user",
      "snowflake:host": emulator.host, "snowflake:port": String(emulator.port), "snowflake:protocol": "http",
      "snowflake:privateKey": pem, "snowflake:privateKeyPassphrase": passphrase,
    },
    secretConfigKeys: ["snowflake:privateKey", "snowflake:privateKeyPassphrase"],
    env: { SNOWFLAKE_TOKEN: "", SNOWFLAKE_AUTHENTICATOR: "" },
  });
  for (const mode of ["up", "refresh", "destroy"] as const) {
    const result = expectOk(await run(mode));
    if (mode === "up") expect(result.changes.find((c) => c.name === "wh")!.op).toBe("create");
    // The scan runs while the state still holds the default provider's (encrypted) config and the warehouse.
    expectNoSecrets(`${stack.stateFile}.keypair`, [passphrase, pem, ...pemBody]);
  }
});
