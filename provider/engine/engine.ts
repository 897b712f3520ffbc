// The generic CRUD engine: one implementation of check/diff/create/read/update/delete for every resource type,
// driven by its ResourceDefinition, talking to Snowflake only through ObjectApi (REST client + SQL API) and the
// mapper.
import { ConflictError } from "../client/errors";
import { RestClient } from "../client/rest-client";
import { applyPlan, applyRunState, applySql, applyTags } from "./apply";
import { checkInputs, CheckFailure } from "./check";
import { Properties, ResourceDefinition } from "./definition";
import { isSet } from "./field-kind";
import { forgetGranteeLists } from "./access/grantees";
import { GraphChange, isRoot, withGraphRootsSuspended } from "./graph-roots";
import { createQueryOf, declaredLiveValues, fullyQualifiedName, inputsFromState, LiveObject, stateFrom, toWireBody } from "./mapper";
import { ObjectApi } from "./object-api";
import { planChanges, refuseDataLoss, refuseReplacingInUse } from "./plan";
import { waitUntilReady, withAttachedReads } from "./readiness";
import { isUnknown } from "./unknowns";
import { outcomeUnknown, settingsDifferingFromCreate, whyNotMadeByRequest } from "./lost-answers";

export interface DiffResult { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; }

/** How the engine reaches Snowflake for a resource, from its properties (its `connection` input, if any). */
export interface Connector {
  /** The account the resource's connection points at; resolves settings only, no login. */
  accountOf(properties: Properties): string;
  clientFor(properties: Properties): RestClient;
}

export class ResourceEngine {
  constructor(readonly definition: ResourceDefinition, private readonly connector: Connector) {}

  async check(olds: Properties, news: Properties): Promise<{ inputs: Properties; failures: CheckFailure[] }> {
    const failures = checkInputs(this.definition, news);
    if (failures.length > 0 || !this.definition.derive) return { inputs: news, failures };
    // Values computed from the inputs (a file's content hash) join them, so the diff sees their changes at preview.
    const derived = this.definition.derive(news, olds ?? {});
    return { inputs: { ...news, ...derived.values }, failures: derived.failures };
  }

  async diff(_id: string, olds: Properties, news: Properties): Promise<DiffResult> {
    const plan = planChanges(this.definition, olds, news);
    const replaces = [...plan.replaces];
    // The account is part of the object's identity: moving it to another account creates it there.
    if (olds.account !== undefined && (isUnknown(news.connection) || this.connector.accountOf(news) !== olds.account)) replaces.push("account");
    refuseDataLoss(this.definition, olds, news, replaces);
    await refuseReplacingInUse(this.definition, () => this.api(olds), olds, news, replaces);
    // Inputs that change no Snowflake setting still need recording (a new role, an opt-in): an update that only stores them.
    const changes = plan.changed.length > 0 || replaces.length > 0 || this.commonInputsChanged(olds, news);
    // A replacement with the same name (and signature) cannot exist beside the old object: delete first.
    const signature = this.definition.signature;
    const identityChanges = replaces.some((key) => key === "account" || this.definition.fields[key]?.identity) || (signature !== undefined && signature(olds) !== signature(news));
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && !identityChanges };
  }

  private commonInputsChanged(olds: Properties, news: Properties): boolean {
    const flags = ["adoptExisting", ...this.definition.optIns];
    const settings = Object.keys(this.definition.settings ?? {});
    return flags.some((key) => (news[key] ?? false) !== (olds[key] ?? false))
      || settings.some((key) => JSON.stringify(news[key] ?? null) !== JSON.stringify(olds[key] ?? null))
      || JSON.stringify(news.connection ?? null) !== JSON.stringify(olds.connection ?? null);
  }

  async create(inputs: Properties): Promise<{ id: string; outs: Properties }> {
    if (this.definition.invokes) return this.invoke(this.api(inputs), inputs);
    const api = this.api(inputs);
    return this.inGraphs(api, inputs, { next: inputs, tolerateResumeFailure: true }, () => this.createObject(api, inputs));
  }

  private async createObject(api: ObjectApi, inputs: Properties): Promise<{ id: string; outs: Properties }> {
    const body = toWireBody(this.definition, inputs, { includeCreateOnly: true });
    const query = createQueryOf(this.definition, inputs);
    const runState = this.definition.runState;
    let startsSuspended = runState?.createdSuspended ?? false;
    const suspendWith = runState?.createSuspendedWith;
    if (suspendWith && inputs.suspended === true) {
      // A body property (warehouse initially_suspended) or a query parameter (compute pool initiallySuspended).
      const [target, key] = "query" in suspendWith ? [query, suspendWith.query] : [body, suspendWith.wire];
      if (target[key] === undefined) {
        target[key] = suspendWith.value as string | boolean;
        startsSuspended = true;
      }
    }
    const sentAt = Date.now();
    try {
      await api.create(inputs, body, "errorIfExists", query);
    } catch (error) {
      if (outcomeUnknown(error)) {
        const adopted = await this.afterLostAnswer(api, inputs, sentAt, error as Error, () => api.create(inputs, body, "errorIfExists", query));
        if (adopted) return adopted;
      } else {
        if (!(error instanceof ConflictError)) throw error;
        if (inputs.adoptExisting !== true) {
          throw new Error(`${api.describe(inputs)} already exists; set adoptExisting: true to manage it (${error.message}). If an interrupted \`pulumi up\` was creating it (a pending create), run \`pulumi refresh --import-pending-creates <urn> ${fullyQualifiedName(this.definition, inputs)}\` instead.`);
        }
        return this.adopt(api, inputs);
      }
    }
    try {
      // Settings no REST body carries (a user's password policy) are set right after the object exists.
      const sqlOnly = Object.keys(this.definition.fields).filter((key) => this.definition.fields[key].body === "never" && isSet(inputs[key]));
      if (sqlOnly.length) await applySql(api, sqlOnly, inputs);
      for (const step of this.definition.afterCreate ?? []) await api.action(inputs, step.action, { query: step.query });
      if (isSet(inputs.tags)) await applyTags(api, inputs, {});
      if (runState && isSet(inputs.suspended) && inputs.suspended !== startsSuspended) await applyRunState(api, inputs, inputs.suspended === true);
      await waitUntilReady(api, inputs);
      return { id: fullyQualifiedName(this.definition, inputs), outs: await this.readBack(api, inputs, "was created") };
    } catch (error) {
      // A failed create leaves no resource in Pulumi's state: take the new object away again rather than orphan it.
      const cause = (error as Error).message;
      try {
        await api.delete(inputs);
      } catch (deleteError) {
        throw new Error(`${api.describe(inputs)} was created, but setting it up failed (${cause}) and it could not be removed again: ${(deleteError as Error).message}. It is in Snowflake but not in the stack; remove it, or declare it with adoptExisting: true.`);
      }
      throw new Error(`${api.describe(inputs)} was created, then removed again because setting it up failed: ${cause}`);
    }
  }

  /**
   * The create's answer was lost. Nothing there: it had no effect, so send it once more. The object this request
   * made: go on as created (returns undefined). Any other object: refuse, unless adopting was asked for.
   */
  private async afterLostAnswer(api: ObjectApi, inputs: Properties, sentAt: number, lost: Error, resend: () => Promise<void>) {
    const live = await this.fetch(api, inputs);
    if (!live) return void (await resend());
    const reason = whyNotMadeByRequest(this.definition, live, inputs, sentAt);
    if (reason === undefined) return undefined;
    if (inputs.adoptExisting === true) return this.adopt(api, inputs);
    throw new Error(`${api.describe(inputs)}: the answer to its create was lost (${lost.message}), and the ${this.definition.noun} found is not provably the one it made: ${reason}. It was not taken into the stack; if it is yours, declare it with adoptExisting: true.`);
  }

  /** Takes over an existing object: its live settings are the starting point the declaration is applied to. */
  private async adopt(api: ObjectApi, inputs: Properties): Promise<{ id: string; outs: Properties }> {
    const live = await this.fetch(api, inputs);
    if (!live) throw new Error(`${api.describe(inputs)} exists but cannot be read`);
    // The live values of what the program declares: settings it leaves out stay as they are.
    const current: Properties = { ...this.parents(inputs), name: inputs.name, ...declaredLiveValues(this.definition, live, inputs) };
    const plan = planChanges(this.definition, current, inputs);
    if (plan.replaces.length) {
      throw new Error(`${api.describe(inputs)} exists but cannot be adopted: its ${plan.replaces.join(", ")} differs from the declaration and cannot be changed in place`);
    }
    await applyPlan(api, plan, current, inputs);
    await waitUntilReady(api, inputs);
    return { id: fullyQualifiedName(this.definition, inputs), outs: await this.readBack(api, inputs, "was adopted") };
  }

  async read(id: string, state: Properties): Promise<{ id: string; props?: Properties; inputs?: Properties }> {
    const api = this.api(state, "read");
    const live = await this.fetch(api, state);
    if (!live) return { id: "" };
    // An invocation happened; what it ran on still existing is all there is to read.
    if (this.definition.invokes) return { id, props: state, inputs: inputsFromState(this.definition, state) };
    // No outputs were ever recorded: `pulumi refresh --import-pending-creates` is taking in the object an
    // interrupted create asked for, and `state` holds only the inputs that create sent.
    if (state.account === undefined) return this.importInterruptedCreate(api, live, state);
    const declared = inputsFromState(this.definition, state);
    const props = { ...stateFrom(this.definition, declared, live, state), account: this.connector.accountOf(state) };
    return { id, props, inputs: inputsFromState(this.definition, props) };
  }

  /**
   * The object found for an interrupted create is taken in only if every declared setting its POST carried matches
   * what Snowflake reports (the `up` that follows applies later steps such as tags and run state). A pending create
   * holds no request time, so created_on cannot be compared. Otherwise it is someone else's and the refresh fails
   * rather than adopt it. Its id becomes its canonical name, whatever id the user passed.
   */
  private importInterruptedCreate(api: ObjectApi, live: LiveObject, inputs: Properties) {
    const differing = settingsDifferingFromCreate(this.definition, live, inputs);
    if (differing.length && inputs.adoptExisting !== true) {
      throw new Error(`${api.describe(inputs)} exists, but its ${differing.join(", ")} differ${differing.length === 1 ? "s" : ""} from what the interrupted create sent, so it is not provably that create's and was not taken into the stack. Drop the pending create (pulumi refresh --clear-pending-creates); if the object is yours, declare it with adoptExisting: true.`);
    }
    const props = { ...stateFrom(this.definition, inputs, live, inputs), account: this.connector.accountOf(inputs) };
    return { id: fullyQualifiedName(this.definition, inputs), props, inputs: inputsFromState(this.definition, props) };
  }

  async update(_id: string, olds: Properties, news: Properties): Promise<{ outs: Properties }> {
    const api = this.api({ ...news, account: olds.account }, "update");
    // Every input of an invocation replaces it: an update only records common inputs (connection, opt-ins).
    if (this.definition.invokes) return { outs: { ...news, account: olds.account } };
    const plan = planChanges(this.definition, olds, news);
    const changesSnowflake = plan.rename || Object.values(plan.inPlace).some((keys) => keys.length > 0);
    // A graph's root ends in its declared run state when its graph session closes, after every member's change.
    if (this.definition.graph && isRoot(api, news)) plan.inPlace.runState = [];
    // Only the opt-ins or the connection changed: nothing to send, so no reason to suspend a graph.
    if (changesSnowflake) {
      await this.inGraphs(api, news, { current: olds, next: news }, () => applyPlan(api, plan, olds, news));
      await waitUntilReady(api, news);
    }
    return { outs: await this.readBack(api, news, "disappeared during the update") };
  }

  async delete(_id: string, state: Properties): Promise<void> {
    if (this.definition.invokes) return;
    const api = this.api(state, "delete");
    if (this.definition.contents && state.forceDestroy !== true) await this.refuseDroppingContents(api, state);
    await this.inGraphs(api, state, { current: state }, () => api.delete(state));
    // A dropped object takes the grants on and to it: grant lists read earlier in this deployment are stale.
    if (!this.definition.access) forgetGranteeLists();
  }

  private async refuseDroppingContents(api: ObjectApi, state: Properties): Promise<void> {
    const inside = await this.definition.contents!(api, state);
    if (!inside.length) return;
    const shown = inside.slice(0, 5).join(", ") + (inside.length > 5 ? `, and ${inside.length - 5} more` : "");
    throw new Error(`${api.describe(state)} cannot be deleted: it still holds ${inside.length} object${inside.length === 1 ? "" : "s"} this stack did not delete first, which the delete would drop: ${shown}. Remove or move them, or set forceDestroy: true to drop them with it.`);
  }

  /** Runs the invocation (a task's :execute); the id tells runs apart, as each replacement is a new run. */
  private async invoke(api: ObjectApi, inputs: Properties): Promise<{ id: string; outs: Properties }> {
    const { action, query, record } = this.definition.invokes!;
    const latestRun = async () => {
      const answers = [];
      for (const path of record!.paths) answers.push(await api.get(`${api.objectPath(inputs)}/${path}`));
      return record!.pick(answers);
    };
    // Run once: never resent after its answer may have been lost; a run newer than the one before says it ran,
    // none says it did not, and it is sent once more.
    const before = record ? JSON.stringify(await latestRun() ?? null) : undefined;
    const run = () => api.action(inputs, action, { query: query?.(inputs), once: true });
    try {
      await run();
    } catch (error) {
      if (!record || !outcomeUnknown(error)) throw error;
      if (JSON.stringify(await latestRun() ?? null) === before) await run();
    }
    const recorded: Properties = {};
    if (record) {
      const row = await latestRun();
      for (const [key, output] of Object.entries(this.definition.outputs)) if (row && isSet(row[output.wire])) recorded[key] = output.kind.fromWire(row[output.wire]);
    }
    const fqn = fullyQualifiedName(this.definition, inputs);
    return { id: `${fqn}:${action}@${new Date().toISOString()}`, outs: { ...inputs, ...recorded, fullyQualifiedName: fqn, account: this.connector.accountOf(inputs) } };
  }

  /** A change of a graph member runs with its graph's root suspended; other types run it as is. */
  private inGraphs<T>(api: ObjectApi, properties: Properties, change: GraphChange, apply: () => Promise<T>): Promise<T> {
    if (!this.definition.graph) return apply();
    return withGraphRootsSuspended(api, this.connector.accountOf(properties), change, apply);
  }

  private parents(properties: Properties): Properties {
    return Object.fromEntries(Object.entries(this.definition.fields).filter(([, field]) => field.identity === "parent").map(([key]) => [key, properties[key]]));
  }

  private async fetch(api: ObjectApi, properties: Properties): Promise<LiveObject | undefined> {
    return withAttachedReads(api, properties, await api.fetch(properties, Boolean(this.definition.tags) && isSet(properties.tags)));
  }

  private async readBack(api: ObjectApi, properties: Properties, failure: string): Promise<Properties> {
    const live = await this.fetch(api, properties);
    if (!live) throw new Error(`${api.describe(properties)} ${failure} but cannot be read back`);
    return { ...stateFrom(this.definition, properties, live), account: this.connector.accountOf(properties) };
  }

  /**
   * The object's API in the account it was recorded in. If the connection now points elsewhere (say the stack's
   * snowflake:account changed), acting there could touch a different object of the same name, so refuse.
   */
  private api(state: Properties, action?: string): ObjectApi {
    const account = this.connector.accountOf(state);
    if (action && state.account !== undefined && state.account !== account) {
      throw new Error(`cannot ${action} ${this.definition.noun} ${fullyQualifiedName(this.definition, state)}: it lives in account ${state.account}, but its connection now points at account ${account}. Point the connection back at ${state.account} for this change.`);
    }
    return new ObjectApi(this.definition, this.connector.clientFor(state));
  }
}
