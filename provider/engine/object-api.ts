// The REST and SQL calls the engine makes for one object, from its definition: paths, GET with tags, POST, PUT,
// DELETE, actions, and ALTER statements. No type-specific code: every call is shaped by the definition.
import { ConflictError, NotFoundError, SnowflakeApiError } from "../client/errors";
import { RestClient } from "../client/rest-client";
import { executeSql, rowObjects } from "../client/sql-api";
import { keyword, qualifiedIdentifier, sql, SqlText } from "../sql/sql-text";
import { Properties, ResourceDefinition, WireSnapshot } from "./definition";
import { identifierSegment, storedName } from "./identifiers";
import { gatheredRead } from "./coalesced-reads";
import { loggedDeletion } from "./deletion-log";
import { fetchFromList } from "./list-read";
import { fullyQualifiedName, identityOf, LiveObject, withoutNulls } from "./mapper";
import { createSqlObject, dropSqlObject, fetchSqlObject } from "./sql-object/sql-object";

export { ConflictError };

export class ObjectApi {
  constructor(readonly definition: ResourceDefinition, readonly client: RestClient) {}

  collectionPath(properties: Properties): string {
    const { parents } = identityOf(this.definition, properties);
    return this.definition.collectionPath.replace(/\{(\w+)\}/g, (_, key: string) => identifierSegment(parents[key]));
  }

  /** The collection path plus the name (and, for types that overload names, the signature: `ADD_ONE(NUMBER)`). */
  objectPath(properties: Properties): string {
    const signature = this.definition.signature?.(properties) ?? "";
    return `${this.collectionPath(properties)}/${identifierSegment(identityOf(this.definition, properties).name)}${encodeURIComponent(signature)}`;
  }

  /** The object's qualified name as SQL ("DB"."SCHEMA"."NAME"). */
  sqlName(properties: Properties): SqlText {
    const { parents, name } = identityOf(this.definition, properties);
    return qualifiedIdentifier([...Object.values(parents), name].map(storedName));
  }

  /** GET the object, or its list row (readByList), and its tags when asked; undefined when it does not exist. */
  async fetch(properties: Properties, withTags: boolean): Promise<LiveObject | undefined> {
    if (this.definition.access) return this.definition.access.fetch(this, properties);
    if (this.definition.sqlObject) return fetchSqlObject(this, properties);
    if (this.definition.readByList) return fetchFromList(this, properties, withTags);
    const path = this.objectPath(properties);
    if (this.definition.listCarriesSnapshot && !withTags && !this.definition.readQuery) {
      const gathered = await gatheredRead(this.client, this.collectionPath(properties), storedName(identityOf(this.definition, properties).name), this.definition.listCarriesSnapshot === "paged");
      if (gathered === "absent") return undefined;
      if (gathered !== "get") return this.liveObject(properties, path, gathered.row, false);
    }
    try {
      const response = await this.client.request({ method: "GET", path, query: this.definition.readQuery });
      return await this.liveObject(properties, path, response.body, withTags);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** An answer checked against the wire model (answers that do not fit are reported), with the tags when asked. */
  async liveObject(properties: Properties, answeredPath: string, body: unknown, withTags: boolean): Promise<LiveObject> {
    const parsed = this.definition.wire.schema.safeParse(withoutNulls(body));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Snowflake answered GET ${answeredPath} with a ${this.definition.noun} that does not match the REST API model: ${issues}`);
    }
    const snapshot = parsed.data as WireSnapshot;
    if (!withTags) return { snapshot };
    // The tag actions are on the object's own path even where reading it is not (role.yaml getTags).
    const tags = await this.client.request<unknown[]>({ method: "GET", path: `${this.objectPath(properties)}:get-tags` });
    return { snapshot, tags: Array.isArray(tags.body) ? tags.body : [] };
  }

  /** POST to the collection; `options` are query parameters of the type's own (compute-pool.yaml initiallySuspended). */
  async create(properties: Properties, body: WireSnapshot, createMode: "errorIfExists" | "orReplace", options: Record<string, string | boolean> = {}): Promise<void> {
    if (this.definition.access) return this.definition.access.create(this, properties);
    if (this.definition.sqlObject) return createSqlObject(this, properties);
    const query: Record<string, string | boolean> = { ...options, ...(this.definition.lacksQuery?.includes("createMode") ? {} : { createMode }) };
    if (createMode === "orReplace" && this.definition.copyGrants) query.copyGrants = true;
    await this.client.request({ method: "POST", path: this.collectionPath(properties), query, body });
  }

  async put(properties: Properties, body: WireSnapshot): Promise<void> {
    await this.client.request({ method: "PUT", path: this.objectPath(properties), body });
  }

  async delete(properties: Properties): Promise<void> {
    if (this.definition.access) return this.definition.access.delete(this, properties);
    const ifExists = !this.definition.lacksQuery?.includes("ifExists");
    const rest = () => this.client.request({ method: "DELETE", path: this.objectPath(properties), query: { ...(ifExists ? { ifExists: true } : {}), ...this.definition.deleteQuery?.(properties) } })
      .then(() => undefined, (error: unknown) => { if (!(error instanceof NotFoundError) || ifExists) throw error; });
    const drop = () => loggedDeletion(this.client, this.definition, properties, this.definition.sqlObject ? () => dropSqlObject(this, properties) : rest);
    try {
      await drop();
    } catch (error) {
      const refusal = this.definition.deleteRefusal;
      // Snowflake's own words say where the object is used; the HTTP details stay on the original error.
      const message = error instanceof SnowflakeApiError ? error.serverMessage : error instanceof Error ? error.message : String(error);
      if (!refusal || !refusal.pattern.test(message)) throw error;
      // The resource asked for what stands in the way to go (a pool's services): remove it, then delete again.
      if (refusal.override && properties[refusal.override.optIn] === true) {
        await this.action(properties, refusal.override.action);
        await drop();
        return;
      }
      const reason = message.replace(/^SQL \w+ error:\s*/i, "").replace(/\s+/g, " ").trim();
      const found = await refusal.explain?.(this, properties).catch(() => undefined);
      throw new Error([`${this.describe(properties)} cannot be deleted: ${reason}`, found, refusal.advice].filter(Boolean).join(" "), { cause: error });
    }
  }

  /** GET of a path under the object (a task's current-graphs): the answer's body. */
  async get(path: string): Promise<unknown> {
    return (await this.client.request({ method: "GET", path })).body;
  }

  /** POST {name}:<action>, e.g. resume, suspend, set-tags, rename. */
  async action(properties: Properties, action: string, options: { query?: Record<string, string>; body?: unknown; once?: boolean } = {}): Promise<void> {
    await this.client.request({ method: "POST", path: `${this.objectPath(properties)}:${action}`, query: options.query, body: options.body, once: options.once });
  }

  /** ALTER <type> <name> <clause>, over the SQL API. */
  async alter(properties: Properties, clause: SqlText): Promise<void> {
    await executeSql(this.client, sql`ALTER ${this.objectType()} ${this.sqlName(properties)} ${clause}`);
  }

  /** A whole statement a field's change makes (SqlChange.statements). */
  async execute(statement: SqlText): Promise<void> {
    await executeSql(this.client, statement);
  }

  /** Wire names of the parameters set on the object itself (SHOW PARAMETERS IN <type> <name>, level = the type). */
  async parametersSetOnObject(properties: Properties): Promise<Set<string>> {
    const result = await executeSql(this.client, sql`SHOW PARAMETERS IN ${this.objectType()} ${this.sqlName(properties)}`);
    const level = this.definition.sqlObjectType!.toUpperCase();
    return new Set(rowObjects(result).filter((row) => (row.level ?? "").toUpperCase() === level).map((row) => String(row.key).toLowerCase()));
  }

  private objectType(): SqlText {
    if (!this.definition.sqlObjectType) throw new Error(`${this.definition.noun}s have no SQL object type in their definition`);
    return keyword(this.definition.sqlObjectType);
  }

  describe(properties: Properties): string {
    return `${this.definition.noun} ${fullyQualifiedName(this.definition, properties)}`;
  }
}
