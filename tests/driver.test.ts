// The test driver plays the Pulumi engine against the real dynamic-provider host. These tests run it (as a child
// process, through the built CLI: `npx tsc -p .` first) over small fixture programs whose providers keep their
// "remote objects" and a log of every call in a JSON file. The lifecycle tests share one stack and run in order.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverOptions, DriverResult, ResourceChange, runDriverProcess } from "./driver";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const BASIC = path.join(__dirname, "fixtures", "driver-basic");
const TYPESCRIPT = path.join(__dirname, "fixtures", "driver-ts");
const ITEM = "pulumi-nodejs:dynamic/fixture:Item";

interface LogEntry {
  op: string;
  id?: string;
  name?: string;
  news?: Record<string, unknown>;
}

interface Store {
  objects: Record<string, Record<string, unknown>>;
  log: LogEntry[];
  configured?: Record<string, unknown>;
}

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  provider?: string;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "driver-test-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe("driver lifecycle (fixture driver-basic)", () => {
  const storeFile = path.join(workDir, "basic-store.json");
  const stateFile = path.join(workDir, "basic-state.json");
  const readStore = (): Store => JSON.parse(fs.readFileSync(storeFile, "utf8"));
  const readStateText = () => fs.readFileSync(stateFile, "utf8");
  const readState = (): StateResource[] => JSON.parse(readStateText()).checkpoint.latest.resources;
  const byName = (changes: ResourceChange[], name: string) => changes.find((c) => c.name === name);
  const idOf = (name: string) => readState().find((r) => r.urn.endsWith(`::${name}`))?.id;

  /** Runs the driver; returns its result and the provider calls (other than check/diff) it caused. */
  async function drive(mode: DriverOptions["mode"], config: Record<string, string> = {}) {
    const logLength = fs.existsSync(storeFile) ? readStore().log.length : 0;
    const result: DriverResult = await runDriverProcess({
      mode,
      programDir: BASIC,
      stateFile,
      config: { "driver-basic:password": "hunter2", ...config },
      secretConfigKeys: ["driver-basic:password"],
      env: { DRIVER_FIXTURE_STORE: storeFile },
    });
    const calls = fs.existsSync(storeFile) ? readStore().log.slice(logLength) : [];
    const mutations = calls.filter((c) => ["create", "update", "delete"].includes(c.op)).map((c) => `${c.op} ${c.id}`);
    return { result, calls, mutations };
  }

  test("preview of an empty stack: Check only, no Create; an unknown output reaches the dependent's Check intact", async () => {
    const { result, calls, mutations } = await drive("preview");

    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(mutations).toEqual([]);
    expect(fs.existsSync(stateFile)).toBe(false); // a preview never writes state
    expect(result.changes.every((c) => c.op === "create")).toBe(true);
    expect(result.changes.map((c) => c.name).sort()).toEqual(["a", "b", "c", "d", "driver-basic-dev", "group", "n", "s"]);
    // b.ref = a.remoteId, unknown until a is created.
    const betaCheck = calls.find((c) => c.op === "check" && c.name === "beta");
    expect(betaCheck?.news?.ref).toBe(UNKNOWN);
    expect(result.outputs.aRemoteId).toBe("[unknown]");
    expect(result.summary).toContain("Resources: 8 to create");
  });

  test("Configure receives the stack config from Pulumi.dev.yaml (namespaced, secure values decrypted) and overrides", () => {
    expect(readStore().configured).toEqual({
      region: "eu-west-1", // fixture:region
      color: "blue", // project-less key, namespaced as driver-basic:color
      apiToken: "token-from-stack-file", // secure: value
      password: "hunter2", // config override
    });
  });

  test("up creates everything and real outputs flow into dependents", async () => {
    const { result, mutations } = await drive("up");

    expect(result.ok).toBe(true);
    expect(result.changes.filter((c) => c.op !== "create")).toEqual([]);
    expect(mutations.filter((m) => m.startsWith("create"))).toHaveLength(6);
    const alphaId = idOf("a");
    expect(alphaId).toMatch(/^alpha-\d+$/);
    expect(result.outputs).toMatchObject({ aRemoteId: alphaId, bRef: alphaId });
    expect(readStore().objects[idOf("b")!]).toMatchObject({ name: "beta", ref: alphaId });
    expect(result.summary).toContain("Resources: 8 created");
  });

  test("the state file is a checkpoint with the stack, the default provider and serialized providers", () => {
    const checkpoint = JSON.parse(readStateText());
    expect(checkpoint.version).toBe(3);
    expect(checkpoint.checkpoint.stack).toBe("organization/driver-basic/dev");
    const resources = readState();
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
    const provider = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs")!;
    expect(provider.urn).toBe("urn:pulumi:dev::driver-basic::pulumi:providers:pulumi-nodejs::default");
    expect(provider.inputs["fixture:region"]).toBe("eu-west-1");

    const c = resources.find((r) => r.urn.endsWith("::c"))!;
    expect(c.urn).toBe(`urn:pulumi:dev::driver-basic::fixture:index:Group$${ITEM}::c`);
    expect(c.parent).toBe("urn:pulumi:dev::driver-basic::fixture:index:Group::group");
    expect(c.provider).toBe(`${provider.urn}::${provider.id}`);
    const a = resources.find((r) => r.urn.endsWith("::a"))!;
    expect(a.parent).toBe(stack.urn);
    expect(typeof a.inputs.__provider).toBe("string");
    expect(a.inputs.__provider).toMatch(/^exports\.handler = /);
    expect(a.outputs.__provider).toBe(a.inputs.__provider);
  });

  test("secrets are encrypted in the state file and hidden in outputs", () => {
    const text = readStateText();
    expect(text).not.toContain("hunter2"); // secret input, same-named output, additionalSecretOutputs output
    expect(text).not.toContain("token-from-stack-file"); // secret config in the default provider's inputs
    const s = readState().find((r) => r.urn.endsWith("::s"))!;
    for (const value of [s.inputs.password, s.outputs.password, s.outputs.secretDerived]) {
      expect(value).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.stringMatching(/^v1:/) });
    }
    expect(readStore().objects[idOf("s")!].password).toBe("hunter2"); // the provider saw plaintext
  });

  test("a second up without input changes: all same, no Update; a new __provider is not written to outputs", async () => {
    const before = readState().find((r) => r.urn.endsWith("::a"))!;
    // providerVersion only changes the serialized provider text, which the fixture's diff ignores.
    const { result, mutations } = await drive("up", { providerVersion: "2" });

    expect(result.ok).toBe(true);
    expect(mutations).toEqual([]);
    expect(result.changes.every((c) => c.op === "same")).toBe(true);
    expect(result.summary).toContain("(no changes)");
    expect(result.summary).toContain("Resources: 8 unchanged");
    const after = readState().find((r) => r.urn.endsWith("::a"))!;
    expect(after.inputs.__provider).toContain("fixture provider v");
    expect(after.inputs.__provider).not.toBe(before.inputs.__provider);
    expect(after.outputs.__provider).toBe(before.outputs.__provider); // pitfall #5: the engine keeps old outputs
  });

  test("an input change is an update listing the changed property", async () => {
    const alphaId = idOf("a");
    const { result, mutations } = await drive("up", { commentA: "second" });

    expect(result.ok).toBe(true);
    expect(byName(result.changes, "a")).toMatchObject({ op: "update", changedProperties: ["comment"] });
    expect(byName(result.changes, "b")?.op).toBe("same");
    expect(mutations).toEqual([`update ${alphaId}`]);
    expect(result.summary).toContain("update [diff: ~comment]");
  });

  test("a provider without diff (DIFF_UNKNOWN) is updated when its inputs differ", async () => {
    const { result, mutations } = await drive("up", { commentA: "second", noteText: "bye" });

    expect(byName(result.changes, "n")).toMatchObject({ op: "update", changedProperties: ["text"] });
    expect(mutations).toEqual(["update note-hello"]);
  });

  test("a change the provider marks as replacing: create the new one before deleting the old one", async () => {
    const oldAlpha = idOf("a");
    const { result, mutations } = await drive("up", { commentA: "second", noteText: "bye", kindA: "premium" });

    expect(result.ok).toBe(true);
    expect(byName(result.changes, "a")).toMatchObject({ op: "replace", changedProperties: ["kind"] });
    const newAlpha = idOf("a");
    expect(newAlpha).not.toBe(oldAlpha);
    expect(byName(result.changes, "b")).toMatchObject({ op: "update", changedProperties: ["ref"] });
    expect(mutations).toEqual([`create ${newAlpha}`, `update ${idOf("b")}`, `delete ${oldAlpha}`]);
    expect(readStore().objects[oldAlpha!]).toBeUndefined();
  });

  test("deleteBeforeReplace: the old resource is deleted first", async () => {
    const oldAlpha = idOf("a");
    const config = { commentA: "second", noteText: "bye", kindA: "basic", deleteBeforeReplaceA: "true" };
    const { result, mutations } = await drive("up", config);

    expect(byName(result.changes, "a")?.op).toBe("replace");
    const newAlpha = idOf("a");
    expect(mutations.slice(0, 2)).toEqual([`delete ${oldAlpha}`, `create ${newAlpha}`]);
  });

  test("resources removed from the program are deleted; retainOnDelete only leaves the state", async () => {
    const [gammaId, deltaId] = [idOf("c"), idOf("d")];
    const config = { commentA: "second", noteText: "bye", kindA: "basic", withGroup: "false" };
    const { result, mutations } = await drive("up", config);

    expect(result.ok).toBe(true);
    expect(result.changes.filter((c) => c.op === "delete").map((c) => c.name).sort()).toEqual(["c", "d", "group"]);
    expect(mutations).toEqual([`delete ${gammaId}`]); // d has retainOnDelete
    expect(readStore().objects[deltaId!]).toBeDefined();
    expect(readState().map((r) => r.urn).filter((urn) => /::(c|d|group)$/.test(urn))).toEqual([]);
  });

  test("a Check failure fails the run with the property and reason, and leaves the state as it was", async () => {
    const before = readState();
    const config = { commentA: "second", noteText: "bye", kindA: "basic", withGroup: "false", nameA: "bad name" };
    const { result, mutations } = await drive("up", config);

    expect(result.ok).toBe(false);
    expect(result.error).toContain(`urn:pulumi:dev::driver-basic::${ITEM}::a`);
    expect(result.error).toContain("name: must not contain spaces");
    expect(mutations).toEqual([]);
    // Resources as they were. (The default provider does take the changed stack config, as with the engine: its
    // step precedes the failing resource's Check.)
    const resources = (state: StateResource[]) =>
      stripCiphertexts(state.filter((r) => r.type !== "pulumi:providers:pulumi-nodejs").sort((x, y) => x.urn.localeCompare(y.urn)));
    expect(resources(readState())).toEqual(resources(before));
  });

  test("refresh reads every resource: out-of-band changes and deletions come back, the program does not run", async () => {
    const [alphaId, betaId] = [idOf("a"), idOf("b")];
    const store = readStore();
    store.objects[alphaId!].comment = "changed out of band";
    delete store.objects[betaId!];
    fs.writeFileSync(storeFile, JSON.stringify(store));

    const { result, calls } = await drive("refresh");

    expect(result.ok).toBe(true);
    expect(calls.some((c) => c.op === "check")).toBe(false);
    expect(byName(result.changes, "a")).toMatchObject({ op: "refresh-update", changedProperties: ["comment"] });
    expect(byName(result.changes, "b")?.op).toBe("refresh-delete");
    expect(byName(result.changes, "s")?.op).toBe("same");
    expect(readState().find((r) => r.urn.endsWith("::a"))?.outputs.comment).toBe("changed out of band");
    expect(idOf("b")).toBeUndefined();
    expect(result.summary).toContain("refresh (gone)");
  });

  test("a refresh with nothing to find says so", async () => {
    const { result } = await drive("refresh");
    expect(result.changes.every((c) => c.op === "same")).toBe(true);
    expect(result.summary).toContain("(no changes)");
    expect(result.summary).toMatch(/Resources: \d+ unchanged/);
  });

  test("destroy deletes in reverse state order and empties the state", async () => {
    const dynamicIds = readState().filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).map((r) => r.id);
    const { result, mutations } = await drive("destroy");

    expect(result.ok).toBe(true);
    expect(mutations).toEqual(dynamicIds.reverse().map((id) => `delete ${id}`));
    expect(readState()).toEqual([]);
    const remaining = Object.keys(readStore().objects);
    expect(remaining).toHaveLength(1); // only the retained "delta"
    expect(remaining[0]).toMatch(/^delta-/);
  });
});

describe("driver with a TypeScript program and an explicit provider (fixture driver-ts)", () => {
  test("the program is transpiled; each provider gets its own host, configured with its own config", async () => {
    const logFile = path.join(workDir, "ts-log.jsonl");
    const result = await runDriverProcess({
      mode: "up",
      programDir: TYPESCRIPT,
      stateFile: path.join(workDir, "ts-state.json"),
      env: { DRIVER_FIXTURE_LOG: logFile },
    });

    expect(result.error).toBeUndefined();
    expect(result.outputs.accounts).toEqual({ onDefault: "default-account", onOther: "other-account" });
    const calls = fs.readFileSync(logFile, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(calls.filter((c) => c.op === "configure").map((c) => c.account).sort()).toEqual(["default-account", "other-account"]);
    expect(result.changes.find((c) => c.name === "other")?.type).toBe("pulumi:providers:pulumi-nodejs");
  });
});

/** Ciphertexts change with every write (random nonces); compare the rest. */
function stripCiphertexts(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "ciphertext" || key === "modified" ? undefined : v)));
}
