// SHOW statements the emulator answers: SHOW WAREHOUSES / SHOW DATABASES [LIKE '...'] (what connector users look
// at) and SHOW PARAMETERS IN <type> <name> (the provider reads which parameters are set on an object itself).
import { CatalogObject, collectionOf, inheritedParameter } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { OWNER_ROLE } from "../defaults";
import { likePatternToRegExp } from "../listing";
import { DATABASES } from "../rest/lookup";
import { renderObject } from "../rest/render";
import type { AccountState } from "../state";
import { findForStatement } from "./alter";
import { fixed, ResultSet, SessionFacts, SHOW_TYPE_ID, text, timestamp } from "./select";
import type { TokenStream } from "./token-stream";

/** TIMESTAMP_LTZ on the JSON rowset: "<epoch seconds>.<9 digit fraction>" (needs `scale`, and TIMEZONE in the answer). */
export function epochSeconds(date: Date): string {
  const milliseconds = date.getTime();
  return `${Math.floor(milliseconds / 1000)}.${String(milliseconds % 1000).padStart(3, "0")}000000`;
}

function byName(objects: Iterable<CatalogObject>, like: RegExp | undefined): CatalogObject[] {
  return [...objects].filter((object) => !like || like.test(object.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function likeClause(stream: TokenStream): RegExp | undefined {
  return stream.accept("LIKE") ? likePatternToRegExp(stream.string()) : undefined;
}

// SHOW WAREHOUSES docs: the leading columns of its output.
function showWarehouses(account: AccountState, like: RegExp | undefined): ResultSet {
  const columns = [text("name"), text("state"), text("type"), text("size"), fixed("min_cluster_count"), fixed("max_cluster_count"), fixed("auto_suspend"), text("auto_resume"), timestamp("created_on"), text("owner"), text("comment", true)];
  const rows = byName(collectionOf(account.catalog, "warehouses").values(), like).map((warehouse) => {
    const shown = renderObject(warehouse, { account });
    return [warehouse.name, String(shown.state), String(shown.warehouse_type), String(shown.warehouse_size), String(shown.min_cluster_count), String(shown.max_cluster_count), String(shown.auto_suspend), String(shown.auto_resume), epochSeconds(warehouse.createdOn), OWNER_ROLE, String(shown.comment ?? "")];
  });
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}

// SHOW DATABASES docs: created_on, name, is_default, is_current, origin, owner, comment, options, retention_time, kind.
function showDatabases(account: AccountState, session: SessionFacts, like: RegExp | undefined): ResultSet {
  const columns = [timestamp("created_on"), text("name"), text("is_default"), text("is_current"), text("origin"), text("owner"), text("comment", true), text("options"), text("retention_time"), text("kind")];
  const rows = byName(collectionOf(account.catalog, DATABASES).values(), like).map((database) => {
    const shown = renderObject(database, { account });
    return [epochSeconds(database.createdOn), database.name, "N", database.name === session.database ? "Y" : "N", "", OWNER_ROLE, String(shown.comment ?? ""), String(shown.options ?? ""), String(shown.retention_time), "STANDARD"];
  });
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}

/**
 * SHOW PARAMETERS IN <type> <name> (SHOW PARAMETERS docs): key, value, default, level, description. `level` is
 * where the value comes from -- the object's own type when set on it, an ancestor's, ACCOUNT -- or empty for the
 * default.
 */
function showParameters(kinds: readonly ObjectKind[], parts: string[], account: AccountState): ResultSet {
  const object = findForStatement(kinds, parts, account);
  const columns = [text("key"), text("value"), text("default"), text("level"), text("description")];
  const rows = Object.entries(object.kind.parameters ?? {}).map(([wire, spec]) => {
    const { value, level } = inheritedParameter(object, wire);
    return [wire.toUpperCase(), String(value ?? ""), String(spec.default ?? ""), level, `The ${wire.toUpperCase()} parameter`];
  });
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}

/** SHOW ...; the stream is past SHOW. */
export function executeShow(stream: TokenStream, session: SessionFacts, kindsOf: (sqlType: string) => ObjectKind[]): ResultSet {
  if (stream.accept("WAREHOUSES")) return finish(stream, showWarehouses(session.account, likeClause(stream)));
  if (stream.accept("DATABASES")) return finish(stream, showDatabases(session.account, session, likeClause(stream)));
  if (stream.accept("PARAMETERS")) {
    stream.expect("IN");
    const type = stream.next();
    const kinds = kindsOf(type.value.toUpperCase());
    if (!kinds.length) throw stream.unexpected(type);
    return finish(stream, showParameters(kinds, stream.qualifiedName(), session.account));
  }
  throw stream.unexpected(stream.next());
}

function finish(stream: TokenStream, result: ResultSet): ResultSet {
  stream.expectEnd();
  return result;
}
