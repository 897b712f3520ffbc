// Resource monitors (CREATE / ALTER / DROP / SHOW RESOURCE MONITORS docs): account objects with a credit quota,
// a reset schedule, users to notify and triggers; warehouses are assigned one by ALTER WAREHOUSE / the REST
// Warehouse's resource_monitor, the account by ALTER ACCOUNT SET RESOURCE_MONITOR. REST v2 has no endpoints.
import type { CatalogObject, WireValues } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind, OptionClause } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import type { AccountState } from "../state";
import { alterClauseOf } from "../sql/clauses";
import { text } from "../sql/select";
import { printed, printedNames, SHOWN, sqlOnlyWire } from "./sql-objects";

export const RESOURCE_MONITORS = "resource-monitors";

// CREATE RESOURCE MONITOR docs: FREQUENCY = { MONTHLY | DAILY | WEEKLY | YEARLY | NEVER }; triggerDefinition
// ON <threshold> PERCENT DO { SUSPEND | SUSPEND_IMMEDIATE | NOTIFY }.
const FREQUENCIES = ["MONTHLY", "DAILY", "WEEKLY", "YEARLY", "NEVER"];
const ACTIONS = ["NOTIFY", "SUSPEND", "SUSPEND_IMMEDIATE"];
// Working with resource monitors docs: one Suspend and one Suspend Immediate action and up to five Notify actions.
const MOST_OF_ACTION: Record<string, number> = { NOTIFY: 5, SUSPEND: 1, SUSPEND_IMMEDIATE: 1 };

interface Trigger { threshold: number; action: string }

/** TRIGGERS ON <n> PERCENT DO <action> ... (CREATE and ALTER RESOURCE MONITOR docs): replaces every trigger. */
const triggersClause: OptionClause = {
  read(stream) {
    if (!stream.accept("TRIGGERS")) return undefined;
    const triggers: Trigger[] = [];
    while (stream.accept("ON")) {
      const threshold = stream.next();
      if (threshold.type !== "number" || !/^\d+$/.test(threshold.value)) throw stream.unexpected(threshold);
      stream.expect("PERCENT", "DO");
      const action = stream.next();
      if (action.type !== "word" || !ACTIONS.includes(action.value.toUpperCase())) throw stream.unexpected(action);
      triggers.push({ threshold: Number(threshold.value), action: action.value.toUpperCase() });
    }
    if (!triggers.length) throw stream.unexpected(stream.next());
    return (values) => ({ ...values, triggers });
  },
};

/**
 * NOTRIGGERS: not in the ALTER RESOURCE MONITOR page. The Terraform provider's notes say triggers cannot be removed
 * once set ("the only way is to re-create"), so the emulator refuses it rather than guess.
 */

/** START_TIMESTAMP = IMMEDIATELY is the time of the statement (CREATE RESOURCE MONITOR docs). */
function normalizeTimestamp(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text.toUpperCase() === "IMMEDIATELY") return new Date().toISOString();
  // "If you set a time without specifying a time zone, UTC is used" (ALTER RESOURCE MONITOR docs).
  const zoned = /([+-]\d{2}:?\d{2}|Z|UTC)$/i.test(text) ? text : `${text.replace(" ", "T")}Z`;
  const time = Date.parse(zoned.replace(/ ([+-]\d{2}):?(\d{2})$/, "$1:$2").replace(" ", "T"));
  if (!Number.isFinite(time)) throw badRequest(`SQL compilation error:\nInvalid timestamp '${text}'.`);
  return new Date(time).toISOString();
}

/** How SHOW RESOURCE MONITORS prints a time (`2030-01-01 00:00:00.000 +0000`; the exact format is not documented). */
const shownTime = (iso: unknown) => `${String(iso).slice(0, 10)} ${String(iso).slice(11, 23)} +0000`;

/** The warehouses assigned this monitor (REST Warehouse resource_monitor). */
export function warehousesOf(account: AccountState, monitor: CatalogObject): CatalogObject[] {
  return [...collectionOf(account.catalog, "warehouses").values()].filter((warehouse) => warehouse.values.resource_monitor === monitor.name);
}

/** A warehouse may only name a monitor that exists ("Resource monitor 'X' does not exist or not authorized."). */
export function requireResourceMonitor(account: AccountState, name: unknown): void {
  if (typeof name === "string" && !collectionOf(account.catalog, RESOURCE_MONITORS).has(name)) throw doesNotExist("Resource monitor", formatIdentifier(name));
}

const credits = (value: unknown) => Number(value).toFixed(2);

export const resourceMonitorKind: ObjectKind = {
  spec: "",
  model: "ResourceMonitor",
  objectType: "Resource monitor",
  sqlType: "RESOURCE MONITOR",
  parameterLevel: "RESOURCE MONITOR",
  collection: RESOURCE_MONITORS,
  scope: "account",
  wire: sqlOnlyWire(["name", "credit_quota", "frequency", "start_timestamp", "end_timestamp", "notify_users", "triggers"]),
  accept(values: WireValues, { account, existing }) {
    const next = { ...values };
    if (next.credit_quota !== undefined && !(Number(next.credit_quota) >= 0)) throw badRequest(`SQL compilation error:\nInvalid value ${next.credit_quota} for CREDIT_QUOTA.`);
    if (next.frequency !== undefined && !FREQUENCIES.includes(String(next.frequency))) throw badRequest(`SQL compilation error:\ninvalid value '${next.frequency}' for property 'FREQUENCY'`);
    next.start_timestamp = existing && next.start_timestamp === existing.values.start_timestamp ? next.start_timestamp : normalizeTimestamp(next.start_timestamp);
    next.end_timestamp = existing && next.end_timestamp === existing.values.end_timestamp ? next.end_timestamp : normalizeTimestamp(next.end_timestamp);
    for (const key of ["start_timestamp", "end_timestamp"]) if (next[key] === undefined) delete next[key];
    // CREATE RESOURCE MONITOR docs: "If you set a frequency ... you must also set START_TIMESTAMP" (and the reverse).
    if (!existing && (next.frequency === undefined) !== (next.start_timestamp === undefined)) {
      throw badRequest("SQL compilation error:\nFREQUENCY and START_TIMESTAMP must be set together for a resource monitor.");
    }
    const triggers = (next.triggers as Trigger[] | undefined) ?? [];
    for (const action of ACTIONS) {
      if (triggers.filter((trigger) => trigger.action === action).length > MOST_OF_ACTION[action]) throw badRequest(`SQL compilation error:\nA resource monitor can have at most ${MOST_OF_ACTION[action]} ${action} trigger${MOST_OF_ACTION[action] > 1 ? "s" : ""}.`);
    }
    // CREATE RESOURCE MONITOR docs, NOTIFY_USERS: users of the account, each with a verified email address.
    for (const user of (next.notify_users as string[] | undefined) ?? []) {
      const stored = user.replace(/^"(.*)"$/s, "$1").replace(/""/g, '"');
      const found = collectionOf(account.catalog, "users").get(stored);
      if (!found) throw doesNotExist("User", user);
      if (!found.values.email) throw badRequest(`SQL compilation error:\nUser '${user}' has no verified email address, which resource monitor notifications need.`);
    }
    // Terraform provider notes (SHOW output shows no way around it): a monitor cannot be created with triggers only.
    if (!existing && triggers.length && Object.keys(next).filter((key) => key !== "name" && key !== "triggers").length === 0) {
      throw badRequest("SQL compilation error:\nA resource monitor with triggers needs a credit quota or another property.");
    }
    return next;
  },
  sqlProperties: {
    // ALTER RESOURCE MONITOR docs list no UNSET; `SET CREDIT_QUOTA = NULL` / `NOTIFY_USERS = ()` / `END_TIMESTAMP =
    // NULL` clear a value as the Terraform provider's SDK sends them (not confirmed against the docs).
    CREDIT_QUOTA: { wire: "credit_quota", value: "number", nullable: true },
    FREQUENCY: { wire: "frequency", value: "keyword" },
    START_TIMESTAMP: { wire: "start_timestamp", value: "keyword" },
    END_TIMESTAMP: { wire: "end_timestamp", value: "string", nullable: true },
    NOTIFY_USERS: { wire: "notify_users", value: "identifierList", nullable: true },
  },
  sqlClauses: [alterClauseOf(triggersClause)],
  // An emptied monitor stops watching: warehouses that named it are no longer assigned (DROP RESOURCE MONITOR docs
  // do not say; Snowflake does not refuse the drop, as far as the pages at hand show).
  dropped(monitor, { account }) {
    for (const warehouse of warehousesOf(account, monitor)) delete warehouse.values.resource_monitor;
    if (account.catalog.parameters.resource_monitor === monitor.name) delete account.catalog.parameters.resource_monitor;
  },
  sqlObject: {
    show: "RESOURCE MONITORS",
    createWith: "WITH",
    createClauses: [triggersClause],
    // SHOW RESOURCE MONITORS docs: name, credit_quota, used_credits, remaining_credits, level, frequency,
    // start_time, end_time, notify_at, suspend_at, suspend_immediately_at, created_on, owner, comment, notify_users.
    columns: [
      SHOWN.name,
      printed("credit_quota", credits),
      { column: text("used_credits"), value: () => credits(0) },
      { column: text("remaining_credits", true), value: (object) => (object.values.credit_quota === undefined ? null : credits(object.values.credit_quota)) },
      // SHOW RESOURCE MONITORS docs: level is ACCOUNT or WAREHOUSE where the monitor is assigned, else NULL.
      // (Not an output of the resource: it follows what other resources do.)
      { column: text("level", true), value: (object, { account }) => (account.catalog.parameters.resource_monitor === object.name ? "ACCOUNT" : warehousesOf(account, object).length ? "WAREHOUSE" : null) },
      // Default: no value, i.e. the legacy monthly reset (CREATE RESOURCE MONITOR docs, FREQUENCY).
      { column: text("frequency"), value: (object) => String(object.values.frequency ?? "MONTHLY") },
      { column: text("start_time"), value: (object) => shownTime(object.values.start_timestamp ?? object.createdOn.toISOString()) },
      { column: text("end_time", true), value: (object) => (object.values.end_timestamp === undefined ? null : shownTime(object.values.end_timestamp)) },
      ...ACTIONS.map((action) => ({
        column: text(action === "NOTIFY" ? "notify_at" : action === "SUSPEND" ? "suspend_at" : "suspend_immediately_at", true),
        value: (object: CatalogObject) => {
          const at = ((object.values.triggers as Trigger[] | undefined) ?? []).filter((trigger) => trigger.action === action).map((trigger) => `${trigger.threshold}%`);
          return at.length ? at.join(",") : null;
        },
      })),
      SHOWN.createdOn,
      SHOWN.owner,
      SHOWN.comment,
      { column: text("notify_users", true), value: (object) => printedNames(object.values.notify_users) },
    ],
  },
};
