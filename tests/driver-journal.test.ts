// The driver's checkpoint journal: each step is one appended line, and a run that dies before rewriting the
// checkpoint loses nothing -- the next load replays the journal onto the checkpoint it was written against.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exportState } from "./driver";
import { CrypterCache, DEFAULT_DRIVER_PASSPHRASE } from "./driver/passphrase-crypter";
import { makeSecret } from "./driver/secrets";
import { Snapshot } from "./driver/snapshot";
import { StateFile, StateResource } from "./driver/state-file";

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "driver-journal-")); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const stateFile = () => new StateFile({ file: path.join(dir, "state.json"), project: "p", stack: "dev", pulumiVersion: "3", crypters: new CrypterCache(DEFAULT_DRIVER_PASSPHRASE) });
const resource = (name: string, inputs: Record<string, unknown> = {}): StateResource =>
  ({ urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic:Resource::${name}`, custom: true, id: name.toUpperCase(), type: "pulumi-nodejs:dynamic:Resource", inputs, outputs: inputs } as StateResource);

test("a crashed run's steps come back on the next load, pending operations included; secrets are never written in plaintext", async () => {
  const first = stateFile();
  first.load();
  const base = new Snapshot([], first);
  base.add(resource("kept"));
  base.persist();

  // A run that crashes: two steps done, one create in flight, the checkpoint never rewritten.
  const file = stateFile();
  const old = file.load();
  const snapshot = new Snapshot(old, file);
  snapshot.add(resource("made", { password: makeSecret("s3cr3t-value") }));
  snapshot.retire(old[0]);
  void snapshot.journaled("creating", resource("inflight"), () => new Promise(() => undefined));
  await Promise.resolve();

  const journalText = fs.readFileSync(path.join(dir, "state.json.journal"), "utf8");
  expect(journalText.split("\n").filter(Boolean)).toHaveLength(4); // header, add, retire, begin
  expect(journalText).not.toContain("s3cr3t-value");
  expect(exportState(path.join(dir, "state.json")).resources.map((r) => r.urn.split("::").pop())).toEqual(["made"]);

  const next = stateFile();
  const loaded = next.load();
  expect(loaded.map((r) => r.urn.split("::").pop())).toEqual(["made"]);
  expect(loaded[0].inputs.password).toEqual(makeSecret("s3cr3t-value"));
  expect(next.pendingAtLoad.map((op) => [op.type, op.resource.urn.split("::").pop()])).toEqual([["creating", "inflight"]]);
  // Loading compacted it: the checkpoint holds it all, and the journal is gone.
  expect(fs.existsSync(path.join(dir, "state.json.journal"))).toBe(false);
  expect(fs.readFileSync(path.join(dir, "state.json"), "utf8")).not.toContain("s3cr3t-value");
  expect(exportState(path.join(dir, "state.json")).pendingOperations.map((op) => op.type)).toEqual(["creating"]);
});

test("a journal line cut short by the crash, and a journal of an older checkpoint, are not applied", () => {
  const file = stateFile();
  file.load();
  const snapshot = new Snapshot([], file);
  snapshot.add(resource("whole"));
  snapshot.add(resource("cut"));
  const journal = path.join(dir, "state.json.journal");
  const text = fs.readFileSync(journal, "utf8");
  fs.writeFileSync(journal, text.slice(0, text.length - 20));
  expect(stateFile().load().map((r) => r.urn.split("::").pop())).toEqual(["whole"]);

  // The checkpoint was rewritten after this journal began: its entries are already in it or superseded.
  fs.writeFileSync(journal, JSON.stringify({ op: "header", base: "another checkpoint" }) + "\n" + JSON.stringify({ op: "add", resource: resource("stale") }) + "\n");
  expect(stateFile().load().map((r) => r.urn.split("::").pop())).toEqual(["whole"]);
});
