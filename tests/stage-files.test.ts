// StageFile end to end through the driver (real dynamic-provider host) and the emulator: PUT through snowflake-sdk,
// the REST listing, REMOVE over the SQL API; content changes as replacements seen at preview; out-of-band removal
// and overwrite; check-time refusals that send nothing.
import { createHash, generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { clientFor } from "../provider/connection/client-factory";
import { closeDriverLogins, executeThroughDriver } from "../provider/connection/driver-statements";
import { environmentLayer, resolveConnection } from "../provider/connection/settings";
import { literal, sql } from "../provider/sql/sql-text";
import * as wire from "../provider/wire/stage";
import { runDriverProcess } from "./driver";
import { putByHand } from "./support/stage-file-put";
import { connectionEnv, Declaration, expectOk, FIXTURE_PROGRAM, opOf, startTestStack, TestStack } from "./support/test-stack";

const FILES = `/api/v2/databases/SF_DB/schemas/S/stages/LANDING/files`;
const HIDE_SNOWFLAKE_SDK = path.resolve(__dirname, "fixtures", "stage-files", "hide-snowflake-sdk.js");

let stack: TestStack;
let workDir: string;
beforeAll(async () => {
  stack = await startTestStack();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stage-files-test-"));
});
afterAll(async () => {
  await stack.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const inSchema = (args: Record<string, unknown>) => ({ database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, ...args });
const CONTEXT: Declaration[] = [
  { type: "Database", name: "db", args: { name: "SF_DB" } },
  { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "S" } },
  { type: "Stage", name: "landing", args: inSchema({ name: "LANDING" }) },
];
const handler = () => path.join(workDir, "trunc.py");
const stageFile = (args: Record<string, unknown> = {}): Declaration => ({ type: "StageFile", name: "trunc", args: inSchema({ stage: { $ref: "landing.name" }, source: handler(), path: "procs/trunc.py", ...args }) });

async function listing(): Promise<{ name: string; size: string; md5: string; last_modified: string }[]> {
  const answer = await stack.rest("GET", FILES);
  expect(answer.status).toBe(200);
  for (const row of answer.body) expect(wire.StageFileStrict.safeParse(row).success).toBe(true);
  return answer.body;
}

function stateOutputs(name: string): Record<string, unknown> {
  const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
  return state.checkpoint.latest.resources.find((resource: { urn: string }) => resource.urn.endsWith(`::${name}`)).outputs;
}

describe("a stage file's life", () => {
  test("up uploads it: listed with the content's size and md5, outputs usable as an import", async () => {
    fs.writeFileSync(handler(), "def run(session):\n    return 1\n");
    const up = expectOk(await stack.run("up", [...CONTEXT, stageFile()]));
    expect(opOf(up, "trunc")).toBe("create");
    const content = fs.readFileSync(handler(), "utf8");
    expect(await listing()).toEqual([{ name: "landing/procs/trunc.py", size: String(content.length), md5: md5(content), last_modified: expect.any(String) }]);
    expect(stateOutputs("trunc")).toMatchObject({ contentHash: sha256(content), size: content.length, md5: md5(content), stageLocation: "@SF_DB.S.LANDING/procs/trunc.py", fullyQualifiedName: "@SF_DB.S.LANDING/procs/trunc.py" });
    expect(up.outputs.fullyQualifiedNames).toMatchObject({ trunc: "@SF_DB.S.LANDING/procs/trunc.py" });
  });

  test("refresh and the next up show no diff, and the up sends nothing but reads", async () => {
    const refresh = expectOk(await stack.run("refresh", [...CONTEXT, stageFile()]));
    expect(opOf(refresh, "trunc")).toBe("same");
    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run("up", [...CONTEXT, stageFile()]));
    expect(up.changes.filter((change) => change.op !== "same")).toEqual([]);
    expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET")).toEqual([]);
  });

  test("a changed local file is a replacement at preview (nothing sent), and up uploads the new content in place of the old", async () => {
    fs.writeFileSync(handler(), "def run(session):\n    return 2  # new\n");
    stack.emulator.clearRequestLog();
    const preview = expectOk(await stack.run("preview", [...CONTEXT, stageFile()]));
    expect(changeOf(preview)).toEqual({ op: "replace", changed: expect.arrayContaining(["contentHash"]) });
    expect(stack.emulator.requestLog).toEqual([]);
    const result = expectOk(await stack.run("up", [...CONTEXT, stageFile()]));
    expect(opOf(result, "trunc")).toBe("replace");
    const content = fs.readFileSync(handler(), "utf8");
    // Same path: the old file was removed first, so exactly the new one is there.
    expect(await listing()).toEqual([expect.objectContaining({ name: "landing/procs/trunc.py", size: String(content.length), md5: md5(content) })]);
    expect(stateOutputs("trunc")).toMatchObject({ contentHash: sha256(content) });
  });

  test("a new path uploads there and removes the file at the old path", async () => {
    const result = expectOk(await stack.run("up", [...CONTEXT, stageFile({ path: "procs/v2/trunc.py" })]));
    expect(opOf(result, "trunc")).toBe("replace");
    expect((await listing()).map((row) => row.name)).toEqual(["landing/procs/v2/trunc.py"]);
  });

  test("a file removed outside Pulumi: refresh sees it gone, up puts it back", async () => {
    await stack.sql(`REMOVE '@"SF_DB"."S"."LANDING"/procs/v2/trunc.py'`);
    expect(await listing()).toEqual([]);
    const refresh = expectOk(await stack.run("refresh", [...CONTEXT, stageFile({ path: "procs/v2/trunc.py" })]));
    expect(opOf(refresh, "trunc")).toBe("refresh-delete");
    const result = expectOk(await stack.run("up", [...CONTEXT, stageFile({ path: "procs/v2/trunc.py" })]));
    expect(opOf(result, "trunc")).toBe("create");
    expect((await listing()).map((row) => row.name)).toEqual(["landing/procs/v2/trunc.py"]);
  });

  test("a file overwritten outside Pulumi: refresh records the drift, up uploads the declared content again", async () => {
    const declared = fs.readFileSync(handler(), "utf8");
    const other = path.join(workDir, "other", "trunc.py");
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, "print('not ours')\n");
    await putByHand(stack.emulator, other, '@"SF_DB"."S"."LANDING"/procs/v2');
    expect((await listing())[0].md5).toBe(md5("print('not ours')\n"));
    const refresh = expectOk(await stack.run("refresh", [...CONTEXT, stageFile({ path: "procs/v2/trunc.py" })]));
    expect(opOf(refresh, "trunc")).toBe("refresh-update");
    expect(refresh.changes.find((change) => change.name === "trunc")?.changedProperties).toEqual(expect.arrayContaining(["contentHash", "md5"]));
    const result = expectOk(await stack.run("up", [...CONTEXT, stageFile({ path: "procs/v2/trunc.py" })]));
    expect(opOf(result, "trunc")).toBe("replace");
    expect(await listing()).toEqual([expect.objectContaining({ name: "landing/procs/v2/trunc.py", md5: md5(declared) })]);
  });

  test("deleting the resource removes the file, and only that file", async () => {
    const neighbour = path.join(workDir, "neighbour", "trunc.py.bak");
    fs.mkdirSync(path.dirname(neighbour), { recursive: true });
    fs.writeFileSync(neighbour, "kept\n");
    await putByHand(stack.emulator, neighbour, '@"SF_DB"."S"."LANDING"/procs/v2');
    const result = expectOk(await stack.run("up", CONTEXT));
    expect(opOf(result, "trunc")).toBe("delete");
    // REMOVE takes a prefix (REMOVE docs): the PATTERN keeps trunc.py.bak from going with trunc.py.
    expect((await listing()).map((row) => row.name)).toEqual(["landing/procs/v2/trunc.py.bak"]);
    await stack.sql(`REMOVE '@"SF_DB"."S"."LANDING"/procs/'`);
  });
});

function changeOf(result: { changes: { name: string; op: string; changedProperties: string[] }[] }) {
  const change = result.changes.find((entry) => entry.name === "trunc");
  return { op: change?.op, changed: change?.changedProperties };
}

describe("the emulator's stage files", () => {
  const put = async (stage: string) => {
    const file = path.join(workDir, "direct", "a.txt");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "a\n");
    await putByHand(stack.emulator, file, stage);
  };
  beforeAll(async () => {
    await stack.rest("POST", "/api/v2/databases", { name: "EM_DB" });
    await stack.rest("POST", "/api/v2/databases/EM_DB/schemas", { name: "S" });
    stack.emulator.defaultAccount.addIntegration("EM_INT");
  });

  test("dropping a stage drops its files; a stage made again under its name starts empty", async () => {
    await stack.rest("POST", "/api/v2/databases/EM_DB/schemas/S/stages", { name: "DROPPED" });
    await put("@EM_DB.S.DROPPED/dir");
    expect((await stack.rest("GET", "/api/v2/databases/EM_DB/schemas/S/stages/DROPPED/files")).body).toEqual([expect.objectContaining({ name: "dropped/dir/a.txt" })]);
    await stack.rest("DELETE", "/api/v2/databases/EM_DB/schemas/S/stages/DROPPED");
    await stack.rest("POST", "/api/v2/databases/EM_DB/schemas/S/stages", { name: "DROPPED" });
    expect((await stack.rest("GET", "/api/v2/databases/EM_DB/schemas/S/stages/DROPPED/files")).body).toEqual([]);
  });

  test("the provider's PUT logs in with the REST login's own credential (here a key pair)", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    stack.emulator.registerUser("JWT_UPLOADER", publicKey.export({ type: "spki", format: "pem" }).toString());
    const { SNOWFLAKE_AUTHENTICATOR: _pat, SNOWFLAKE_TOKEN: _token, ...endpoint } = connectionEnv(stack.emulator);
    const client = clientFor(resolveConnection([environmentLayer({ ...endpoint, SNOWFLAKE_USER: "jwt_uploader", SNOWFLAKE_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString() })]));
    const file = path.join(workDir, "jwt", "b.txt");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "b\n");
    try {
      const rows = await executeThroughDriver(client, sql`PUT ${literal(`file://${file}`)} ${literal('@"EM_DB"."S"."DROPPED"/jwt')} AUTO_COMPRESS = FALSE`, "a test upload");
      expect(rows[0]).toMatchObject({ status: "UPLOADED" });
    } finally {
      await closeDriverLogins();
    }
    expect((await stack.rest("GET", "/api/v2/databases/EM_DB/schemas/S/stages/DROPPED/files")).body).toEqual([expect.objectContaining({ name: "dropped/jwt/b.txt", md5: md5("b\n") })]);
  });

  test("PUT to an external stage fails as Snowflake fails it (091003); PUT over the SQL API is refused", async () => {
    await stack.rest("POST", "/api/v2/databases/EM_DB/schemas/S/stages", { name: "OUTSIDE", url: "s3://bucket/x/", storage_integration: "EM_INT" });
    await expect(put("@EM_DB.S.OUTSIDE")).rejects.toMatchObject({ code: "091003", message: expect.stringContaining("GET and PUT commands are not supported with external stage") });
    const overSqlApi = await stack.rest("POST", "/api/v2/statements", { statement: "PUT file:///tmp/a.txt @EM_DB.S.DROPPED" });
    expect(overSqlApi.status).toBe(422);
  });
});

describe("a file already staged at the path", () => {
  test("is refused by default, and with adoptExisting is replaced by the declared content", async () => {
    expectOk(await stack.run("up", CONTEXT));
    const foreign = path.join(workDir, "foreign", "trunc.py");
    fs.mkdirSync(path.dirname(foreign), { recursive: true });
    fs.writeFileSync(foreign, "print('someone else')\n");
    await putByHand(stack.emulator, foreign, '@"SF_DB"."S"."LANDING"/procs');
    const refused = await stack.run("up", [...CONTEXT, stageFile()]);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain("stage file @SF_DB.S.LANDING/procs/trunc.py already exists; set adoptExisting: true to manage it");
    expect((await listing())[0].md5).toBe(md5("print('someone else')\n"));
    expectOk(await stack.run("up", [...CONTEXT, stageFile({ adoptExisting: true })]));
    expect(await listing()).toEqual([expect.objectContaining({ name: "landing/procs/trunc.py", md5: md5(fs.readFileSync(handler(), "utf8")) })]);
    expectOk(await stack.run("up", CONTEXT));
    expect(await listing()).toEqual([]);
  });
});

describe("refusals before anything is sent", () => {
  beforeAll(async () => {
    expectOk(await stack.run("up", CONTEXT));
    stack.emulator.defaultAccount.addIntegration("S3_INT");
  });

  test("a missing local file fails at check, naming source and the path", async () => {
    stack.emulator.clearRequestLog();
    const missing = path.join(workDir, "nope.py");
    const result = await stack.run("up", [...CONTEXT, stageFile({ source: missing })]);
    expect(result.ok).toBe(false);
    expect(result.error).toContain(`source: ${JSON.stringify(missing)} (${missing}) does not exist`);
    expect(stack.emulator.requestLog).toEqual([]);
  });

  test("a path the stage cannot take fails at check", async () => {
    const result = await stack.run("up", [...CONTEXT, stageFile({ path: "/procs//x.py" })]);
    expect(result.ok).toBe(false);
    expect(result.error).toContain("path:");
  });

  test("an external stage is refused with a clear message, and nothing is uploaded", async () => {
    const external: Declaration = { type: "Stage", name: "external", args: inSchema({ name: "EXTERNAL", url: "s3://bucket/path/", storageIntegration: "S3_INT" }) };
    const result = await stack.run("up", [...CONTEXT, external, stageFile({ stage: { $ref: "external.name" } })]);
    expect(result.ok).toBe(false);
    expect(result.error).toContain("stage SF_DB.S.EXTERNAL is external (url s3://bucket/path/), and PUT uploads only to internal stages");
    expect(stack.emulator.requestLog.filter((entry) => entry.path.startsWith("/queries/"))).toEqual([]);
  });

  test("the default path is the file's name; a relative source is read from the program's directory", async () => {
    const declarations = [...CONTEXT, stageFile({ source: path.relative(FIXTURE_PROGRAM, path.resolve(__dirname, "fixtures", "stage-files", "handler.py")), path: undefined })];
    expectOk(await stack.run("up", declarations));
    expect((await listing()).map((row) => row.name)).toEqual(["landing/handler.py"]);
    expectOk(await stack.run("destroy", declarations));
  });

  test("without snowflake-sdk installed, a new file fails at check with what to install, sending nothing", async () => {
    expectOk(await stack.run("up", CONTEXT));
    stack.emulator.clearRequestLog();
    const result = await runDriverProcess({
      mode: "up", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: { "test:resources": JSON.stringify([...CONTEXT, stageFile()]) },
      env: { ...connectionEnv(stack.emulator), NODE_OPTIONS: `--require ${HIDE_SNOWFLAKE_SDK}` },
    });
    expect(result.ok).toBe(false);
    expect(result.error).toContain(`uploading a stage file (PUT) ${handler()} needs the snowflake-sdk package, which is not installed`);
    expect(result.error).toContain("npm install snowflake-sdk");
    expect(stack.emulator.requestLog).toEqual([]);
  });
});
