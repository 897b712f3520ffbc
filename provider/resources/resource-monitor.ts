// Resource monitors have no REST endpoints: made, read and changed over the SQL API (engine/sql-object/).
// CREATE RESOURCE MONITOR <name> WITH CREDIT_QUOTA = n FREQUENCY = f START_TIMESTAMP = t END_TIMESTAMP = t
// NOTIFY_USERS = (...) TRIGGERS ON n PERCENT DO action ...; read from SHOW RESOURCE MONITORS LIKE '<name>';
// ALTER RESOURCE MONITOR ... SET ... / TRIGGERS ...; DROP RESOURCE MONITOR IF EXISTS. Warehouses are assigned one
// by their own resourceMonitor.
import { Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { storedName } from "../engine/identifiers";
import type { ObjectApi } from "../engine/object-api";
import { booleanKind, integerKind, enumType, textKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import { keywordChoiceKind, nameSetKind, timestampKind } from "../engine/kinds/sql-values";
import { splitPrintedList } from "../engine/sql-object/shown";
import { joinSql, keyword, numberLiteral, sql, SqlText } from "../sql/sql-text";
import { field, nameField } from "./common";
import { sqlObjectPath } from "./sql-objects";

// CREATE RESOURCE MONITOR docs: FREQUENCY = { MONTHLY | DAILY | WEEKLY | YEARLY | NEVER }; triggerDefinition ::=
// ON <threshold> PERCENT DO { SUSPEND | SUSPEND_IMMEDIATE | NOTIFY }.
const FREQUENCY = enumType("ResourceMonitorFrequency", "How often the monitor's credit usage resets to 0.", ["MONTHLY", "DAILY", "WEEKLY", "YEARLY", "NEVER"]);
const ACTION = enumType("ResourceMonitorAction", "What a trigger does when usage reaches its threshold.", ["NOTIFY", "SUSPEND", "SUSPEND_IMMEDIATE"]);
// Working with resource monitors docs: one Suspend and one Suspend Immediate action, up to five Notify actions.
const MOST_OF_ACTION: Record<string, number> = { NOTIFY: 5, SUSPEND: 1, SUSPEND_IMMEDIATE: 1 };

const TRIGGER = objectKind({
  name: "ResourceMonitorTrigger",
  doc: "A threshold, in percent of the credit quota, and what happens when usage reaches it.",
  fields: {
    threshold: field("threshold", integerKind({ min: 1 }), "Percent of the credit quota (may exceed 100).", { required: true }),
    action: field("action", keywordChoiceKind(ACTION), "NOTIFY, SUSPEND (after running queries finish) or SUSPEND_IMMEDIATE.", { required: true }),
  },
});
const TRIGGERS = recordsKind(TRIGGER, { identity: (trigger) => `${trigger.action}@${trigger.threshold}`, ordered: false, noun: "trigger" });

/** TRIGGERS ON <n> PERCENT DO <action> ..., replacing every trigger (ALTER RESOURCE MONITOR docs). */
function triggersClause(value: unknown) {
  const triggers = value as { threshold: number; action: string }[];
  return sql`TRIGGERS ${joinSql(triggers.map((trigger) => sql`ON ${numberLiteral(trigger.threshold)} PERCENT DO ${keyword(String(trigger.action).toUpperCase())}`), " ")}`;
}

/** SHOW RESOURCE MONITORS prints thresholds per action: notify_at `75%,90%`, suspend_at, suspend_immediately_at. */
function triggersFromShow(row: Record<string, string | null>): unknown {
  const columns: [string, string][] = [["notify_at", "NOTIFY"], ["suspend_at", "SUSPEND"], ["suspend_immediately_at", "SUSPEND_IMMEDIATE"]];
  return columns.flatMap(([column, action]) => splitPrintedList(row[column] ?? "").filter(Boolean).map((at) => ({ threshold: Number(at.replace("%", "")), action })));
}

/** The account's monitor is set by ALTER ACCOUNT, not ALTER RESOURCE MONITOR. */
function accountStatements(next: unknown, previous: unknown, monitor: SqlText): SqlText[] {
  if (next === true) return [sql`ALTER ACCOUNT SET RESOURCE_MONITOR = ${monitor}`];
  return previous === true ? [sql`ALTER ACCOUNT UNSET RESOURCE_MONITOR`] : [];
}

function monitorProblems(properties: Properties): { property: string; reason: string }[] {
  const problems: { property: string; reason: string }[] = [];
  // CREATE RESOURCE MONITOR docs: a frequency needs START_TIMESTAMP, and a start timestamp a frequency.
  if (isSet(properties.frequency) !== isSet(properties.startTimestamp)) {
    problems.push(isSet(properties.frequency)
      ? { property: "startTimestamp", reason: "a frequency needs a start: expected a start timestamp (or IMMEDIATELY) with frequency" }
      : { property: "frequency", reason: "a start timestamp needs a frequency: expected one of MONTHLY, DAILY, WEEKLY, YEARLY, NEVER" });
  }
  const triggers = Array.isArray(properties.triggers) ? (properties.triggers as { action?: unknown }[]) : [];
  for (const [action, most] of Object.entries(MOST_OF_ACTION)) {
    const count = triggers.filter((trigger) => String(trigger?.action ?? "").toUpperCase() === action).length;
    if (count > most) problems.push({ property: "triggers", reason: `${count} with action ${action}; expected at most ${most} (a monitor takes one SUSPEND, one SUSPEND_IMMEDIATE and up to five NOTIFY)` });
  }
  // As the Terraform provider notes it: Snowflake refuses a monitor with triggers and nothing else.
  if (triggers.length && !["creditQuota", "frequency", "endTimestamp", "notifyUsers"].some((key) => isSet(properties[key]))) {
    problems.push({ property: "triggers", reason: "thresholds are percents of a credit quota: declare creditQuota (or another setting) with them" });
  }
  return problems;
}

export const resourceMonitor = defineResource({
  typeName: "ResourceMonitor",
  noun: "resource monitor",
  doc: "A resource monitor: a credit quota per interval and triggers that notify or suspend the warehouses assigned to it (a Warehouse's resourceMonitor). SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("RESOURCE MONITORS"),
  changes: "sql",
  sqlObjectType: "RESOURCE MONITOR",
  sqlObject: { show: "RESOURCE MONITORS", createWith: "WITH" },
  fields: {
    name: nameField("resource monitor"),
    creditQuota: field("credit_quota", integerKind({ min: 0 }), "Credits per interval; usage reaching it is 100%. Unset: no quota.", {
      shown: { as: "number" },
      // ALTER RESOURCE MONITOR has no UNSET; NULL clears it (as the Terraform provider's SDK sends it).
      sql: { unset: sql`SET CREDIT_QUOTA = NULL` },
    }),
    frequency: field("frequency", keywordChoiceKind(FREQUENCY), "When usage resets: MONTHLY, DAILY, WEEKLY, YEARLY or NEVER; needs startTimestamp. Removing it recreates the monitor.", { shown: { as: "text" } }),
    startTimestamp: field("start_timestamp", timestampKind({ now: "IMMEDIATELY" }), "When monitoring starts (UTC unless a zone is given), or IMMEDIATELY; needs frequency. Removing it recreates the monitor.", { shown: { column: "start_time", as: "timestamp" } }),
    endTimestamp: field("end_timestamp", timestampKind(), "When the monitor suspends its warehouses for good (UTC unless a zone is given).", { shown: { column: "end_time", as: "timestamp" }, sql: { unset: sql`SET END_TIMESTAMP = NULL` } }),
    notifyUsers: field("notify_users", nameSetKind("user names (with verified email addresses)"), "Users emailed by NOTIFY triggers.", {
      shown: { as: "names" },
      sql: { unset: sql`SET NOTIFY_USERS = ()` },
    }),
    triggers: field("triggers", TRIGGERS, "Thresholds and actions; a change replaces them all. Removing every trigger recreates the monitor (Snowflake cannot drop them all).", {
      shown: { read: triggersFromShow },
      sql: { create: triggersClause, set: triggersClause, unset: "byReplacement" },
    }),
    // ALTER ACCOUNT docs: SET RESOURCE_MONITOR = <name> / UNSET RESOURCE_MONITOR; SHOW prints level ACCOUNT then.
    setForAccount: field("level", booleanKind(), "Monitor the whole account (ALTER ACCOUNT SET RESOURCE_MONITOR); only one monitor can be. Default false.", {
      body: "never", serverDefault: false, shown: { read: (row) => row.level === "ACCOUNT" }, sql: { statements: accountStatements },
    }),
  },
  outputs: {
    usedCredits: { wire: "used_credits", kind: textKind(), doc: "Credits used in the current interval.", shown: { as: "text" } },
    remainingCredits: { wire: "remaining_credits", kind: textKind(), doc: "Credits left in the current interval.", shown: { as: "text" } },
    owner: { wire: "owner", kind: textKind(), doc: "Role that owns the resource monitor." },
    createdOn: { wire: "created_on", kind: textKind(), doc: "When the resource monitor was created.", shown: { as: "timestamp" } },
  },
  // Snowflake cannot unset a frequency or start, nor remove every trigger (see the fields): a new monitor does it.
  replacedBy: (olds, news) => [
    ...["frequency", "startTimestamp"].filter((key) => isSet(olds[key]) && !isSet(news[key])),
    ...(Array.isArray(olds.triggers) && olds.triggers.length && !(Array.isArray(news.triggers) && news.triggers.length) ? ["triggers"] : []),
  ],
  crossChecks: monitorProblems,
  usedBy: warehousesAssigned,
});

/** The warehouses assigned the monitor (REST listWarehouses' resource_monitor), which a replacement would leave unmonitored. */
async function warehousesAssigned(api: ObjectApi, properties: Properties): Promise<string[]> {
  const answer = await api.client.request<{ name?: string; resource_monitor?: string }[]>({ method: "GET", path: "/api/v2/warehouses" });
  const name = storedName(String(properties.name));
  return (Array.isArray(answer.body) ? answer.body : []).filter((warehouse) => typeof warehouse.resource_monitor === "string" && storedName(warehouse.resource_monitor) === name).map((warehouse) => `warehouse ${warehouse.name}`);
}
