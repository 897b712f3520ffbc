// The generic CRUD engine: one implementation of check/diff/create/read/update/delete for every resource type,
// driven by its ResourceDefinition, talking to Snowflake only through the shared REST client and the mapper.
import { ConflictError, NotFoundError } from "../client/errors";
import { RestClient } from "../client/rest-client";
import { checkInputs, CheckFailure } from "./check";
import { ResourceDefinition } from "./definition";
import { identifierSegment } from "./identifiers";
import { createOrAlterBody, equivalent, withoutNulls, fullyQualifiedName, identityOf, inputsFromState, Properties, stateFrom, toWireBody, WireSnapshot } from "./mapper";
import { isUnknown } from "./unknowns";

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
    return { inputs: news, failures };
  }

  async diff(_id: string, olds: Properties, news: Properties): Promise<DiffResult> {
    const changed = this.changedFields(olds, news);
    // Without create-or-alter, an object can only be changed by replacing it.
    const replaces = changed.filter((key) => {
      const field = this.definition.fields[key];
      return field.immutable || field.identity || !this.definition.createOrAlter;
    });
    // The account is part of the object's identity: moving it to another account creates it there.
    if (olds.account !== undefined && (isUnknown(news.connection) || this.connector.accountOf(news) !== olds.account)) {
      replaces.push("account");
    }
    // Inputs that change no Snowflake setting still need recording (a new role, say): an update that only stores them.
    const changes = changed.length > 0 || replaces.length > 0 || this.commonInputsChanged(olds, news);
    // A replacement with the same name cannot exist beside the old object: delete first.
    const identityChanges = replaces.some((key) => key === "account" || this.definition.fields[key].identity);
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && !identityChanges };
  }

  /** Declared fields whose value differs from the state's, after normalization. */
  private changedFields(olds: Properties, news: Properties): string[] {
    return Object.entries(this.definition.fields).filter(([key, field]) => {
      if (field.createOnly) return false;
      const next = news[key];
      const previous = olds[key];
      if (isUnknown(next)) return true;
      if (next === undefined || next === null) {
        // No longer declared: Snowflake goes back to its default, which is only a change if the old value wasn't it.
        return previous !== undefined && previous !== null && !(field.serverDefault !== undefined && equivalent(field, previous, field.serverDefault));
      }
      return !equivalent(field, next, previous);
    }).map(([key]) => key);
  }

  private commonInputsChanged(olds: Properties, news: Properties): boolean {
    return (news.adoptExisting ?? false) !== (olds.adoptExisting ?? false)
      || JSON.stringify(news.connection ?? null) !== JSON.stringify(olds.connection ?? null);
  }

  async create(inputs: Properties): Promise<{ id: string; outs: Properties }> {
    const client = this.connector.clientFor(inputs);
    const body = toWireBody(this.definition, inputs, { includeCreateOnly: true });
    try {
      await client.request({ method: "POST", path: this.collectionPath(inputs), query: { createMode: "errorIfExists" }, body });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (inputs.adoptExisting !== true) {
        throw new Error(`${this.definition.noun} ${fullyQualifiedName(this.definition, inputs)} already exists; set adoptExisting: true to manage it (${error.message})`);
      }
      await this.converge(client, inputs, {});
    }
    const snapshot = await this.fetch(client, inputs);
    if (!snapshot) throw new Error(`${this.definition.noun} ${fullyQualifiedName(this.definition, inputs)} was created but cannot be read back`);
    const outs = { ...stateFrom(this.definition, inputs, snapshot), account: this.connector.accountOf(inputs) };
    return { id: fullyQualifiedName(this.definition, inputs), outs };
  }

  async read(id: string, state: Properties): Promise<{ id: string; props?: Properties; inputs?: Properties }> {
    const snapshot = await this.fetch(this.clientInRecordedAccount(state, "read"), state);
    if (!snapshot) return { id: "" };
    const declared = inputsFromState(this.definition, state);
    const props = { ...stateFrom(this.definition, declared, snapshot), account: this.connector.accountOf(state) };
    return { id, props, inputs: inputsFromState(this.definition, props) };
  }

  async update(_id: string, olds: Properties, news: Properties): Promise<{ outs: Properties }> {
    const client = this.clientInRecordedAccount({ ...news, account: olds.account }, "update");
    if (this.changedFields(olds, news).length > 0) await this.converge(client, news, olds);
    const snapshot = await this.fetch(client, news);
    if (!snapshot) throw new Error(`${this.definition.noun} ${fullyQualifiedName(this.definition, news)} disappeared during the update`);
    return { outs: { ...stateFrom(this.definition, news, snapshot), account: this.connector.accountOf(news) } };
  }

  async delete(_id: string, state: Properties): Promise<void> {
    const client = this.clientInRecordedAccount(state, "delete");
    await client.request({ method: "DELETE", path: this.objectPath(state), query: { ifExists: true } });
  }

  /**
   * A client for the account the object was recorded in. If the connection now points elsewhere (say the stack's
   * snowflake:account changed), acting there could touch a different object of the same name, so refuse.
   */
  private clientInRecordedAccount(state: Properties, action: string): RestClient {
    const account = this.connector.accountOf(state);
    if (state.account !== undefined && state.account !== account) {
      throw new Error(`cannot ${action} ${this.definition.noun} ${fullyQualifiedName(this.definition, state)}: it lives in account ${state.account}, but its connection now points at account ${account}. Point the connection back at ${state.account} for this change.`);
    }
    return this.connector.clientFor(state);
  }

  /** Brings an existing object to the declared settings with PUT create-or-alter. */
  private async converge(client: RestClient, declared: Properties, previouslyDeclared: Properties): Promise<void> {
    if (!this.definition.createOrAlter) {
      throw new Error(`${this.definition.noun}s cannot be changed in place; the change needs a replacement`);
    }
    const live = (await this.fetch(client, declared)) ?? {};
    const body = createOrAlterBody(this.definition, live, declared, previouslyDeclared);
    await client.request({ method: "PUT", path: this.objectPath(declared), body });
  }

  /** GET the object; undefined when it does not exist. */
  private async fetch(client: RestClient, properties: Properties): Promise<WireSnapshot | undefined> {
    try {
      const response = await client.request({ method: "GET", path: this.objectPath(properties) });
      const parsed = this.definition.wireModel.safeParse(withoutNulls(response.body));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
        throw new Error(`Snowflake answered GET ${this.objectPath(properties)} with a ${this.definition.noun} that does not match the REST API model: ${issues}`);
      }
      return parsed.data as WireSnapshot;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private collectionPath(properties: Properties): string {
    const { parents } = identityOf(this.definition, properties);
    return this.definition.collectionPath.replace(/\{(\w+)\}/g, (_, key: string) => identifierSegment(parents[key]));
  }

  private objectPath(properties: Properties): string {
    return `${this.collectionPath(properties)}/${identifierSegment(identityOf(this.definition, properties).name)}`;
  }
}

