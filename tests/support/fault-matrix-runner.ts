// Runs a fault-matrix row's life (create, read, update, delete) through the engine against the emulator: first
// without faults, recording for each operation the request a fault is aimed at and what the emulator shows after
// it; then once per fault, with that fault injected into that request of every operation. An operation either
// ends ok, or fails with a documented refusal and ends ok when run again (as the next `pulumi up` would).
import * as path from "node:path";
import { programmaticAccessTokenAuth } from "../../provider/client/auth";
import { RestClient, RetryPolicy } from "../../provider/client/rest-client";
import { driverLoginFor, registerDriverLogin } from "../../provider/connection/driver-statements";
import { environmentLayer, resolveConnection } from "../../provider/connection/settings";
import { Properties } from "../../provider/engine/definition";
import { ResourceEngine } from "../../provider/engine/engine";
import { resourceDefinitions } from "../../provider/resources";
import { Emulator, RequestLogEntry } from "../emulator";
import type { Knobs, RequestMatch } from "../emulator/knobs";
import { observeObject } from "./sql-rows";
import { callEmulator } from "./emulator-api";
import { FaultRow } from "./fault-matrix-rows";
import { connectionEnv, Declaration, FIXTURE_PROGRAM } from "./test-stack";

export interface Fault {
  name: string;
  plan(knobs: Knobs, when: RequestMatch): void;
  /** The client's policy in this fault's cells (a huge backoff shows that Retry-After, not backoff, set the wait). */
  policy?: Partial<RetryPolicy>;
}

export const FAULTS: Fault[] = [
  { name: "429 x3 with Retry-After: 0", plan: (knobs, when) => knobs.failNext(3, 429, { retryAfterSeconds: 0, when }), policy: { baseDelayMs: 60_000 } },
  { name: "503", plan: (knobs, when) => knobs.failNext(1, 503, { when }) },
  { name: "504 before executing", plan: (knobs, when) => knobs.failNext(1, 504, { when }) },
  { name: "504 after executing", plan: (knobs, when) => knobs.failNext(1, 504, { when, afterExecuting: true }) },
  { name: "dropped before executing", plan: (knobs, when) => knobs.failNext(1, "drop", { when }) },
  { name: "dropped after executing", plan: (knobs, when) => knobs.failNext(1, "drop", { when, afterExecuting: true }) },
  { name: "202, then polled", plan: (knobs, when) => knobs.acceptNext(1, 3, { when }) },
];

export type Operation = "create" | "read" | "update" | "delete";

/**
 * Errors an operation may end with when its outcome cannot be known (a request that is not resent after its answer
 * was lost); running it again must then succeed. A create's "not provably the one it made" is no such refusal
 * here: every life starts without the object, so what a create finds after a lost answer is its own.
 */
const DOCUMENTED_REFUSAL = /: no answer from Snowflake \(|failed with HTTP 504: /;
const isDocumentedRefusal = (message: string) => DOCUMENTED_REFUSAL.test(message) && !/not provably the one it made/.test(message);

export interface StepRecord {
  op: Operation;
  /** The request a fault is aimed at; undefined when the operation sends nothing. */
  target?: RequestMatch;
  /** What the observed GETs answered and what a read of the object reports, after the operation. */
  observed: unknown;
  /** The refusal the faulted operation ended with before it was run again. */
  refusal?: string;
  requests: RequestLogEntry[];
}

const FAST: Partial<RetryPolicy> = { baseDelayMs: 5, pollIntervalMs: 5 };

export class FaultMatrixRunner {
  private readonly outs = new Map<string, Properties>();
  private readonly clients = new Map<string, RestClient>();
  /** One snowflake-sdk login for the PUTs of stage files, shared by every client (closeDriverLogins ends it). */
  private readonly driverLogin;

  constructor(private readonly emulator: Emulator) {
    this.driverLogin = driverLoginFor(resolveConnection([environmentLayer(connectionEnv(emulator))]), "PROGRAMMATIC_ACCESS_TOKEN");
  }

  engine(type: string, policy: Partial<RetryPolicy> = {}): ResourceEngine {
    const settings = { ...FAST, ...policy };
    const key = JSON.stringify(settings);
    let client = this.clients.get(key);
    if (!client) {
      client = new RestClient(this.emulator.url, programmaticAccessTokenAuth(this.emulator.credentials.programmaticAccessToken), settings);
      registerDriverLogin(client, this.driverLogin);
      this.clients.set(key, client);
    }
    const definition = resourceDefinitions[type];
    if (!definition) throw new Error(`no resource type ${type}`);
    return new ResourceEngine(definition, { accountOf: () => this.emulator.account, clientFor: () => client! });
  }

  /** Creates declarations in order, keeping their outputs for later `$ref`s. */
  async declare(declarations: Declaration[]): Promise<void> {
    for (const { type, name, args } of declarations) {
      const engine = this.engine(type);
      const { outs } = await engine.create(await this.checked(engine, {}, args));
      this.outs.set(name, outs);
    }
  }

  /**
   * The row's life without a fault (fault undefined), or with the fault aimed at each operation's target request.
   * The other rows' objects it names (`subject_<Type>`: a network policy's rule) are made first and removed after;
   * whatever a failed life leaves is removed too, so each life starts from the same account.
   */
  async lifecycle(row: FaultRow, rows: FaultRow[], fault?: Fault, targets?: StepRecord[]): Promise<StepRecord[]> {
    const subjects = [...new Set([...JSON.stringify(row.args).matchAll(/"subject_(\w+)\./g)].map((match) => match[1]))].map((type) => rows.find((other) => other.type === type)!);
    await this.declare(subjects.map((subject) => ({ type: subject.type, name: `subject_${subject.type}`, args: subject.args })));
    const engine = this.engine(row.type, fault?.policy);
    const knobs = this.emulator.knobs as Knobs;
    const steps: StepRecord[] = [];
    const inputs = await this.checked(engine, {}, row.args);
    let id = "";
    let state: Properties = {};
    const step = async (op: Operation, run: () => Promise<void>): Promise<void> => {
      const target = targets ? targets.find((record) => record.op === op)?.target : undefined;
      const from = this.emulator.requestLog.length;
      let refusal: string | undefined;
      if (fault && target) fault.plan(knobs, target);
      try {
        await run();
      } catch (error) {
        const message = (error as Error).message;
        if (!fault || !isDocumentedRefusal(message)) throw new Error(`${op} failed: ${message}`);
        refusal = message;
        await run();
      }
      if (knobs.pending() > 0) throw new Error(`${op}: the planned fault never reached ${target?.method} ${target?.path}`);
      const requests = this.emulator.requestLog.slice(from);
      steps.push({ op, target: targets ? target : targetOf(op, requests), observed: await this.observe(row, engine, id, state), refusal, requests });
    };
    try {
      await step("create", async () => void ({ id, outs: state } = await engine.create(inputs)));
      await step("read", async () => void (await engine.read(id, state)));
      if (row.changed) {
        const news = await this.checked(engine, state, { ...row.args, ...row.changed });
        const olds = state;
        await step("update", async () => void ({ outs: state } = await engine.update(id, olds, news)));
      }
      await step("delete", () => engine.delete(id, state));
    } catch (error) {
      knobs.failNext(0, 503);
      knobs.acceptNext(0, 1);
      await this.engine(row.type).delete(id, id ? state : inputs).catch(() => undefined);
      throw error;
    } finally {
      for (const subject of [...subjects].reverse()) await this.engine(subject.type).delete("", this.outs.get(`subject_${subject.type}`)!);
    }
    return steps;
  }

  private async checked(engine: ResourceEngine, olds: Properties, args: Record<string, unknown>): Promise<Properties> {
    const { inputs, failures } = await engine.check(olds, this.resolve(absoluteSource(args)) as Properties);
    if (failures.length) throw new Error(`check failed: ${JSON.stringify(failures)}`);
    return inputs;
  }

  private async observe(row: FaultRow, engine: ResourceEngine, id: string, state: Properties): Promise<unknown> {
    const answers = [];
    for (const observed of row.observe) answers.push((await observeObject(this.emulator, observed)).body);
    const read = await engine.read(id, state);
    return normalized({ answers, read: read.id === "" ? "gone" : read.props });
  }

  /** `$ref`, `$concat`, `$tagged` and `$secret` as the fixture program resolves them, from outputs kept here. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (!value || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    if ("$ref" in record) {
      const [name, output] = String(record.$ref).split(".");
      const outs = this.outs.get(name);
      if (!outs) throw new Error(`nothing declared as ${name}`);
      return outs[output];
    }
    if ("$secret" in record) return this.resolve(record.$secret);
    if ("$concat" in record) return (record.$concat as unknown[]).map((part) => this.resolve(part)).join("");
    if ("$tagged" in record) {
      const [name, tagValue] = record.$tagged as [string, string];
      return { [String(this.outs.get(name)!.fullyQualifiedName)]: tagValue };
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, this.resolve(inner)]));
  }
}

/** The request of an operation a fault is aimed at: the one that changes something (the DELETE of a delete), or a read's first GET. */
function targetOf(op: Operation, all: RequestLogEntry[]): RequestMatch | undefined {
  const pick = (entry?: RequestLogEntry) => (entry ? { method: entry.method, path: entry.path } : undefined);
  // The REST client's requests: a stage file's PUT goes through snowflake-sdk, whose retries are its own.
  const requests = all.filter((entry) => entry.path.startsWith("/api/v2/"));
  if (op === "read") return pick(requests.find((entry) => entry.method === "GET"));
  const changing = requests.filter((entry) => entry.method !== "GET" && !entry.path.startsWith("/api/v2/statements/"));
  if (op === "delete") return pick(changing.find((entry) => entry.method === "DELETE") ?? changing[0]);
  if (op === "create") return pick(changing.find((entry) => entry.path !== "/api/v2/statements") ?? changing[0] ?? requests[0]);
  return pick(changing[0]);
}

/** A stage file's `source` is relative to the fixture program, where the driver runs it; the engine needs it absolute. */
function absoluteSource(args: Record<string, unknown>): Record<string, unknown> {
  return typeof args.source === "string" && !path.isAbsolute(args.source) ? { ...args, source: path.resolve(FIXTURE_PROGRAM, args.source) } : args;
}

// ISO times, and HTTP dates (a stage file's last_modified); names Snowflake generates (a constraint's); ids and secrets it
// generates for each new object (an OAuth integration's client id and secret).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$|^SYS_CONSTRAINT_/;
const VOLATILE_KEY = /(^|_)(id|on|time|url|handle)$|[a-z](Id|On|Time|Url|Secret)$|^(request_id|query_id|run_id|runId)$/;

/** Answers with what differs between two fault-free runs (times, ids, URLs) taken out. */
export function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === "string") return TIMESTAMP.test(value) ? "<time>" : value;
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !VOLATILE_KEY.test(key)).map(([key, inner]) => [key, normalized(inner)]));
}
