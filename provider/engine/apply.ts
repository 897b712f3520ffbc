// Applying in-place changes, one function per way a change reaches Snowflake. Which function runs, with which
// properties, comes from the change plan (plan.ts); none of them knows a resource type.
import { joinSql, keyword, sql, SqlText } from "../sql/sql-text";
import { FieldDefinition, Properties } from "./definition";
import { isSet } from "./field-kind";
import { forgetGranteeLists } from "./access/grantees";
import { canonicalTagKey, tagReference } from "./kinds/tags";
import { canonicalIdentifier } from "./identifiers";
import { createOrAlterBody, toWireBody } from "./mapper";
import { SnowflakeApiError } from "../client/errors";
import { ConflictError, ObjectApi } from "./object-api";
import { ChangePlan } from "./plan";

/** Renames in place, keeping the object (and its data, grants and history). */
export async function applyRename(api: ObjectApi, olds: Properties, news: Properties): Promise<void> {
  const newName = canonicalIdentifier(String(news.name));
  switch (api.definition.rename) {
    case "restQuery":
      return api.action(olds, "rename", { query: { targetName: newName } });
    case "restBody":
      return api.action(olds, "rename", { body: { ...toWireBody(api.definition, olds, { includeCreateOnly: false }), name: newName } });
    case "sql":
      return api.alter(olds, sql`RENAME TO ${api.sqlName(news)}`);
    default:
      throw new Error(`${api.definition.noun}s cannot be renamed in place`);
  }
}

/** PUT create-or-alter: the live object's settings, with the declared ones on top (mapper.createOrAlterBody). */
export async function applyPut(api: ObjectApi, news: Properties, olds: Properties): Promise<void> {
  const live = await api.fetch(news, false);
  const snapshot = live?.snapshot ?? {};
  const inherited = Object.values(api.definition.fields).some((field) => field.inherited && isSet(snapshot[field.wire]));
  const setOnObject = inherited && live ? await api.parametersSetOnObject(news) : new Set<string>();
  await api.put(news, createOrAlterBody(api.definition, snapshot, news, olds, setOnObject));
}

/** POST createMode=orReplace with the full declaration (objects holding no data or history, or that keep it). */
export async function applyOrReplace(api: ObjectApi, news: Properties): Promise<void> {
  const body = toWireBody(api.definition, news, { includeCreateOnly: false });
  await api.create(news, api.definition.orReplaceBody ? api.definition.orReplaceBody(body, news) : body, "orReplace");
  // A recreated object keeps its grants only where COPY GRANTS applies: grant lists read before are stale.
  if (!api.definition.copyGrants) forgetGranteeLists();
}

function defaultProperty(field: FieldDefinition): string {
  return field.sql?.property ?? field.wire.toUpperCase();
}

/** ALTER statements: one SET list, one UNSET list, and the clauses that stand alone. */
export async function applySql(api: ObjectApi, keys: string[], news: Properties, olds: Properties = {}): Promise<void> {
  const sets: SqlText[] = [];
  const unsets: SqlText[] = [];
  const clauses: SqlText[] = [];
  const statements: SqlText[] = [];
  for (const key of keys) {
    const field = api.definition.fields[key];
    const value = news[key];
    if (field.sql?.statements) {
      statements.push(...field.sql.statements(value, olds[key], api.sqlName(news)));
    } else if (field.sql?.alter) {
      clauses.push(...field.sql.alter(value, olds[key]));
    } else if (isSet(value) && !field.kind.meansUnset?.(value)) {
      // Also when nothing was declared before: an adopted object's value is not reported (a user's password policy),
      // and an UNSET of nothing changes nothing.
      if (field.sql?.unsetFirst && field.sql.unset instanceof SqlText) clauses.push(field.sql.unset);
      if (field.sql?.set) clauses.push(field.sql.set(value));
      else sets.push(sql`${keyword(defaultProperty(field))} = ${field.kind.toSql(value)}`);
    } else if (field.sql?.unset === "byReplacement") {
      // The field that takes its place is in the same change and carries the clause.
      continue;
    } else if (field.sql?.unset === "serverDefault") {
      sets.push(sql`${keyword(defaultProperty(field))} = ${field.kind.toSql(field.serverDefault)}`);
    } else if (field.sql?.unset) {
      // A removal clause of the field's own (ALTER STAGE has no UNSET COMMENT: SET COMMENT = '').
      clauses.push(field.sql.unset);
    } else if (field.sql?.set && !field.sql.property) {
      throw new Error(`${key} of ${api.describe(news)} cannot be removed in place`);
    } else {
      unsets.push(keyword(defaultProperty(field)));
    }
  }
  if (sets.length) await api.alter(news, sql`SET ${joinSql(sets, " ")}`);
  if (unsets.length) await api.alter(news, sql`UNSET ${joinSql(unsets, ", ")}`);
  for (const clause of clauses) await api.alter(news, clause);
  for (const statement of statements) await api.execute(statement);
}

/** :set-tags for declared tags whose value changed, :unset-tags for the ones no longer declared. */
export async function applyTags(api: ObjectApi, news: Properties, olds: Properties): Promise<void> {
  const canonical = (map: unknown) => new Map(Object.entries((map as Record<string, string>) ?? {}).map(([key, value]) => [canonicalTagKey(key), { key, value }]));
  const next = canonical(news.tags);
  const previous = canonical(olds.tags);
  const set = [...next.entries()].filter(([canonicalKey, { value }]) => previous.get(canonicalKey)?.value !== value).map(([, tag]) => tag);
  const unset = [...previous.entries()].filter(([canonicalKey]) => !next.has(canonicalKey)).map(([, { key }]) => key);
  if (set.length) await api.action(news, "set-tags", { body: set.map(({ key, value }) => ({ ...tagReference(key), tag_value: value })) });
  if (unset.length) await api.action(news, "unset-tags", { body: unset.map(tagReference) });
}

/**
 * Resume or suspend: through the type's REST actions, or ALTER <type> ... RESUME / SUSPEND. Snowflake refuses to
 * resume a running object (a warehouse: 409, the code is not documented; a compute pool: 400, compute-pool.yaml),
 * which happens when the object suspended or resumed itself since the last read: such a refusal counts as done only
 * when the object is then in the asked-for state.
 */
export async function applyRunState(api: ObjectApi, news: Properties, suspend: boolean): Promise<void> {
  const runState = api.definition.runState!;
  try {
    if (runState.via === "rest") await api.action(news, suspend ? "suspend" : "resume");
    else await api.alter(news, keyword(suspend ? "SUSPEND" : "RESUME"));
  } catch (error) {
    const refusal = error instanceof ConflictError || (error instanceof SnowflakeApiError && error.status === 400);
    if (!refusal) throw error;
    const reported = (await api.fetch(news, false))?.snapshot[runState.wire];
    const nowSuspended = typeof reported === "string" && runState.suspendedValues.includes(reported.toUpperCase());
    if (nowSuspended !== suspend) throw error;
  }
}

/** REST actions, one per changed field, with the body its definition builds (a Streamlit app's :add-version). */
async function applyActions(api: ObjectApi, keys: string[], news: Properties): Promise<void> {
  for (const key of keys) {
    const action = api.definition.fields[key].action;
    if (!action) throw new Error(`${key} of ${api.describe(news)} changes by an action but names none`);
    await api.action(news, action.name, { body: action.body(news[key]) });
  }
}

/** Changes only the type's own access knows how to make (a grant's privileges). */
async function applyThroughAccess(api: ObjectApi, olds: Properties, news: Properties): Promise<void> {
  const update = api.definition.access?.update;
  if (!update) throw new Error(`${api.definition.noun}s declare changes through their access but it has no update`);
  await update(api, olds, news);
}

/**
 * Every in-place change of a plan, in an order Snowflake accepts: rename, settings (ALTER before actions), tags, then run state (after a
 * CREATE OR REPLACE the object starts in its created state, so a declared run state is applied again).
 */
export async function applyPlan(api: ObjectApi, plan: ChangePlan, olds: Properties, news: Properties): Promise<void> {
  if (plan.rename) await applyRename(api, olds, news);
  if (plan.inPlace.put.length) await applyPut(api, news, olds);
  if (plan.inPlace.orReplace.length) await applyOrReplace(api, news);
  if (plan.inPlace.sql.length) await applySql(api, plan.inPlace.sql, news, olds);
  // After ALTER: a new version's files must hold the app's main file, which ALTER may just have renamed.
  if (plan.inPlace.action.length) await applyActions(api, plan.inPlace.action, news);
  if (plan.inPlace.access.length) await applyThroughAccess(api, olds, news);
  // CREATE OR REPLACE drops the object's tags (there is no COPY TAGS over REST): the declared ones go back on.
  if (plan.inPlace.orReplace.length && isSet(news.tags)) await applyTags(api, news, {});
  else if (plan.inPlace.tags.length) await applyTags(api, news, olds);
  const recreated = plan.inPlace.orReplace.length > 0 && api.definition.runState && isSet(news.suspended) && news.suspended !== api.definition.runState.createdSuspended;
  if ((plan.inPlace.runState.length || recreated) && isSet(news.suspended)) await applyRunState(api, news, news.suspended === true);
}
