// The stack's state as a local-backend checkpoint (`~/.pulumi/stacks/<project>/<stack>.json`):
// { version: 3, checkpoint: { stack, latest: { manifest, secrets_providers, resources } } }. Secrets are kept as
// plaintext wrappers in memory and written as `{<sig>: <secret sig>, ciphertext}` with the passphrase crypter,
// like the CLI's passphrase secrets manager does.
import * as fs from "fs";
import * as path from "path";
import { CheckpointJournal, digestOf, JournalEntry, replay } from "./checkpoint-journal";
import { CrypterCache, PassphraseCrypter } from "./passphrase-crypter";
import { isObject, mapValues, PropertyMap, PropertyValue, SECRET_SIG, SIG_KEY } from "./property-values";
import { isSecret } from "./secrets";

export interface StateResource {
  urn: string;
  custom: boolean;
  /** A create-before-delete replacement's old half, still to be deleted (engine: `delete: true`). */
  delete?: boolean;
  id?: string;
  type: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  parent?: string;
  protect?: boolean;
  retainOnDelete?: boolean;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  additionalSecretOutputs?: string[];
  created?: string;
  modified?: string;
}

/** An operation the engine began and has not seen end (apitype.OperationV2): after a crash, it is still here. */
export interface PendingOperation {
  resource: StateResource;
  type: "creating" | "updating" | "deleting" | "reading" | "importing";
}

interface Checkpoint {
  version: 3;
  checkpoint: {
    stack: string;
    latest?: {
      manifest: { time: string; magic: string; version: string };
      secrets_providers?: { type: "passphrase"; state: { salt: string } };
      resources?: StateResource[];
      pending_operations?: PendingOperation[];
    };
  };
}

export interface StateFileOptions {
  file: string;
  project: string;
  stack: string;
  /** Version recorded in the manifest (the @pulumi/pulumi in use). */
  pulumiVersion: string;
  crypters: CrypterCache;
  /** Salt to use when the checkpoint has none yet: the stack file's `encryptionsalt`, as the CLI shares it. */
  defaultSaltState?: string;
}

export class StateFile {
  private saltState?: string;
  private lastWritten?: string;
  /**
   * Pending operations of earlier runs that every write carries on. The engine propagates a base snapshot's pending
   * creates into each new snapshot (snapshot.go: "these must require user intervention to be cleared or resolved");
   * a refresh resolves or drops them (see refresh.ts).
   */
  carriedPending: PendingOperation[] = [];
  /** Every pending operation the checkpoint held when loaded (the CLI warns about them). */
  pendingAtLoad: PendingOperation[] = [];

  private readonly journal: CheckpointJournal;

  constructor(private readonly options: StateFileOptions) {
    this.journal = new CheckpointJournal(`${options.file}.journal`, digestOf(undefined));
  }

  get path(): string {
    return this.options.file;
  }

  /** The checkpoint, with the journal of a run that crashed before rewriting it replayed onto it (and compacted). */
  load(): StateResource[] {
    const text = fs.existsSync(this.options.file) ? fs.readFileSync(this.options.file, "utf8") : undefined;
    const latest = text === undefined ? undefined : (JSON.parse(text) as Checkpoint).checkpoint?.latest;
    this.saltState = latest?.secrets_providers?.state?.salt;
    const resources = (latest?.resources ?? []).map((resource) => this.decryptResource(resource));
    this.pendingAtLoad = (latest?.pending_operations ?? []).map((op) => ({ type: op.type, resource: this.decryptResource(op.resource) }));
    this.carriedPending = this.pendingAtLoad.filter((op) => op.type === "creating");
    this.lastWritten = JSON.stringify([resources, this.carriedPending]);
    this.journal.rebase(digestOf(text));
    const entries = CheckpointJournal.read(this.journal.file, digestOf(text));
    if (!entries) {
      this.journal.compacted(digestOf(text));
      return resources;
    }
    const crashed = replay(resources, entries.map((entry) => this.decryptEntry(entry)));
    this.pendingAtLoad = [...crashed.inFlight, ...this.pendingAtLoad];
    this.carriedPending = this.pendingAtLoad.filter((op) => op.type === "creating");
    this.save(crashed.resources);
    return crashed.resources.map(normalize);
  }

  /**
   * The checkpoint as last written, decrypted, leaving the file and its journal alone: another stack's state, read
   * for a StackReference (its own runs replay and compact its journal).
   */
  peek(): StateResource[] {
    if (!fs.existsSync(this.options.file)) return [];
    const latest = (JSON.parse(fs.readFileSync(this.options.file, "utf8")) as Checkpoint).checkpoint?.latest;
    this.saltState = latest?.secrets_providers?.state?.salt;
    return (latest?.resources ?? []).map((resource) => this.decryptResource(resource));
  }

  /** Records one change of the running deployment (see CheckpointJournal); the checkpoint is rewritten by save(). */
  appendJournal(entry: JournalEntry): void {
    if (!("resource" in entry)) return this.journal.append(entry);
    const resource = normalize(entry.resource);
    const crypter = this.crypterForWriting([resource]);
    const encrypted = { ...resource, inputs: encryptMap(resource.inputs, crypter), outputs: encryptMap(resource.outputs, crypter) };
    // A salt made for this entry is not in any checkpoint yet: the entry carries it.
    this.journal.append({ ...entry, resource: encrypted, ...(crypter ? { salt: crypter.saltState } : {}) });
  }

  private decryptEntry(entry: JournalEntry & { salt?: string }): JournalEntry {
    if (!("resource" in entry)) return entry;
    this.saltState ??= entry.salt;
    const { salt: _salt, ...rest } = entry;
    return { ...rest, resource: this.decryptResource(entry.resource) } as JournalEntry;
  }

  private decryptResource(resource: StateResource): StateResource {
    return normalize({ ...resource, inputs: this.decryptMap(resource.inputs ?? {}), outputs: this.decryptMap(resource.outputs ?? {}) });
  }

  /**
   * Writes the checkpoint atomically (temp file + rename), unless nothing changed since the last write. `inFlight`:
   * operations begun in this run and not ended yet, written before the provider is called so a crash leaves them.
   */
  save(unordered: StateResource[], inFlight: readonly PendingOperation[] = []): void {
    const resources = unordered.map(normalize);
    const pending = [...inFlight, ...this.carriedPending].map((op) => ({ resource: normalize(op.resource), type: op.type }));
    const plaintext = JSON.stringify([resources, pending]);
    if (plaintext === this.lastWritten) return this.journal.compacted(this.journal.base);
    const crypter = this.crypterForWriting([...resources, ...pending.map((op) => op.resource)]);
    const encrypt = (resource: StateResource) => ({ ...resource, inputs: encryptMap(resource.inputs, crypter), outputs: encryptMap(resource.outputs, crypter) });
    const checkpoint: Checkpoint = {
      version: 3,
      checkpoint: {
        stack: `organization/${this.options.project}/${this.options.stack}`,
        latest: {
          manifest: { time: new Date().toISOString(), magic: "", version: this.options.pulumiVersion },
          ...(crypter ? { secrets_providers: { type: "passphrase", state: { salt: crypter.saltState } } } : {}),
          resources: resources.map(encrypt),
          ...(pending.length ? { pending_operations: pending.map((op) => ({ resource: encrypt(op.resource), type: op.type })) } : {}),
        },
      },
    };
    fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
    const temp = `${this.options.file}.${process.pid}.tmp`;
    const text = JSON.stringify(checkpoint, null, 4) + "\n";
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, this.options.file);
    this.lastWritten = plaintext;
    // Only now may the journal go: a crash before this line replays it onto the checkpoint it was written against.
    this.journal.compacted(digestOf(text));
  }

  private crypterForWriting(resources: StateResource[]): PassphraseCrypter | undefined {
    if (!this.saltState) {
      if (this.options.defaultSaltState) this.saltState = this.options.defaultSaltState;
      else if (resources.some((r) => hasSecrets(r.inputs) || hasSecrets(r.outputs))) {
        this.saltState = PassphraseCrypter.withNewSalt(this.options.crypters.passphrase).saltState;
      }
    }
    return this.saltState ? this.options.crypters.forSaltState(this.saltState) : undefined;
  }

  private decryptMap(map: PropertyMap): PropertyMap {
    return mapValues(map, (value) => this.decryptValue(value));
  }

  private decryptValue(value: PropertyValue): PropertyValue {
    if (Array.isArray(value)) return value.map((v) => this.decryptValue(v));
    if (!isObject(value)) return value;
    if (value[SIG_KEY] === SECRET_SIG && typeof value.ciphertext === "string") {
      if (!this.saltState) throw new Error(`${this.options.file}: encrypted value but no secrets provider salt`);
      const plaintext = this.options.crypters.forSaltState(this.saltState).decrypt(value.ciphertext);
      return { [SIG_KEY]: SECRET_SIG, value: this.decryptValue(JSON.parse(plaintext)) };
    }
    return mapValues(value, (v) => this.decryptValue(v));
  }
}

/** The checkpoint's field order, without unset fields: stable files, and change detection by text. */
function normalize(resource: StateResource): StateResource {
  const { urn, custom, id, type, inputs, outputs, parent, protect, retainOnDelete, provider } = resource;
  const { dependencies, propertyDependencies, additionalSecretOutputs, created, modified } = resource;
  const ordered: StateResource = {
    urn, custom, delete: resource.delete, id, type, inputs, outputs, parent, protect, retainOnDelete, provider,
    dependencies, propertyDependencies, additionalSecretOutputs, created, modified,
  };
  return JSON.parse(JSON.stringify(ordered)) as StateResource;
}

function encryptMap(map: PropertyMap, crypter: PassphraseCrypter | undefined): PropertyMap {
  return mapValues(map, (value) => encryptValue(value, crypter));
}

function encryptValue(value: PropertyValue, crypter: PassphraseCrypter | undefined): PropertyValue {
  if (isSecret(value)) {
    if (!crypter) throw new Error("internal error: secret without a crypter");
    return { [SIG_KEY]: SECRET_SIG, ciphertext: crypter.encrypt(JSON.stringify(value.value)) };
  }
  if (Array.isArray(value)) return value.map((v) => encryptValue(v, crypter));
  if (isObject(value)) return mapValues(value, (v) => encryptValue(v, crypter));
  return value;
}

function hasSecrets(map: PropertyMap): boolean {
  return JSON.stringify(map).includes(SECRET_SIG);
}
