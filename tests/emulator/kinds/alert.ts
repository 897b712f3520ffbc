// Alerts (alert.yaml; CREATE / ALTER ALERT and SHOW ALERTS docs). "Newly created or cloned alerts are suspended
// upon creation"; ALTER ALERT sets the warehouse, schedule and comment, modifies the condition and action, and
// resumes or suspends it.
import * as wire from "../../../provider/wire/alert";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { applyValues, type AlterClause } from "../sql/alter";
import { requireQuery } from "./dynamic-table";
import { requireWarehouse } from "./shared";

// CREATE ALERT docs: '<num> MINUTE' takes positive integers (alerts above 11520 minutes never run); a cron
// expression has five fields and a time zone.
const CRON_FIELDS = 5;

const modify: AlterClause[] = [
  {
    read(stream) {
      if (!stream.accept("MODIFY", "CONDITION", "EXISTS")) return undefined;
      const condition = stream.parenthesised();
      return (object, context) => applyValues(object, { ...object.values, condition }, context);
    },
  },
  {
    read(stream) {
      if (!stream.accept("MODIFY", "ACTION")) return undefined;
      const action = stream.rest();
      return (object, context) => applyValues(object, { ...object.values, action }, context);
    },
  },
];

export const alertKind: ObjectKind = {
  spec: "alert",
  model: "Alert",
  objectType: "Alert",
  sqlType: "ALERT",
  parameterLevel: "ALERT",
  collection: "alerts",
  scope: "schema",
  wire: { strict: wire.AlertStrict, properties: wire.Alert_PROPERTIES, readOnly: wire.Alert_READ_ONLY, writeOnly: wire.Alert_WRITE_ONLY },
  identifiers: ["warehouse"],
  runState: { wire: "state", running: "started", suspended: "suspended", initial: () => "suspended" },
  accept(values, { account }) {
    const schedule = values.schedule as { minutes?: number; cron_expr?: string; timezone?: string };
    if (schedule.minutes !== undefined && schedule.minutes < 1) throw badRequest(`SQL compilation error:\ninvalid value [${schedule.minutes} MINUTE] for parameter 'SCHEDULE'`);
    if (schedule.cron_expr !== undefined && (schedule.cron_expr.trim().split(/\s+/).length !== CRON_FIELDS || !schedule.timezone)) {
      throw badRequest(`SQL compilation error:\ninvalid value [USING CRON ${schedule.cron_expr} ${schedule.timezone ?? ""}] for parameter 'SCHEDULE'`);
    }
    requireWarehouse(account, values.warehouse);
    // CREATE ALERT docs: the condition is a SELECT; its identifiers are checked only when the alert runs.
    requireQuery(values.condition);
    return values;
  },
  sqlProperties: {
    WAREHOUSE: { wire: "warehouse", value: "identifier", unset: true },
    SCHEDULE: { wire: "schedule", value: "schedule" },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  sqlClauses: modify,
  // SHOW ALERTS docs: state is "suspended" or "started".
  render: (object) => ({ state: object.facts.state === "running" ? "started" : "suspended" }),
};
