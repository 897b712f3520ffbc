// alert.yaml components/schemas/Alert. No PUT: ALTER ALERT sets the warehouse, schedule and comment and modifies
// the condition and action (ALTER ALERT docs); a new alert is suspended ("Newly created or cloned alerts are
// suspended upon creation"), and RESUME / SUSPEND are ALTER ALERT statements too.
import { defineResource } from "../engine/define";
import { choiceKind, enumType, sqlTextKind } from "../engine/kinds/scalars";
import { alertScheduleKind } from "../engine/kinds/schedules";
import { sql, userSql } from "../sql/sql-text";
import * as wire from "../wire/alert";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath, warehouseReference } from "./common";

const ALERT_STATE = enumType("AlertState", "Whether an alert checks its condition.", ["STARTED", "SUSPENDED"]);

export const alert = defineResource({
  typeName: "Alert",
  noun: "alert",
  doc: "An alert: a condition checked on a schedule, and the action taken when it holds (REST: .../schemas/{schema}/alerts).",
  collectionPath: schemaObjectPath("alerts"),
  changes: "sql",
  sqlObjectType: "ALERT",
  tags: true,
  runState: { wire: "state", suspendedValues: ["SUSPENDED"], via: "sql", createdSuspended: true },
  fields: {
    ...schemaObjectIdentity("alert"),
    schedule: field("schedule", alertScheduleKind(), "When the condition is checked: `{ minutes: 5 }` or `{ cron: \"0 9 * * MON\", timeZone: \"UTC\" }`.", { required: true }),
    warehouse: warehouseReference("Warehouse that runs the condition and action. Unset: serverless.", { sql: { property: "WAREHOUSE" } }),
    condition: field("condition", sqlTextKind(), "A SELECT; the alert fires when it returns rows.", { required: true, sql: { set: (value) => sql`MODIFY CONDITION EXISTS (${userSql(String(value))})` } }),
    action: field("action", sqlTextKind(), "The SQL statement run when the alert fires.", { required: true, sql: { set: (value) => sql`MODIFY ACTION ${userSql(String(value))}` } }),
    comment: commentField("alert"),
  },
  outputs: {
    state: output("state", choiceKind(ALERT_STATE), "STARTED or SUSPENDED, as Snowflake reports it."),
    ...ownershipOutputs("alert"),
  },
  wire: { schema: wire.Alert, properties: wire.Alert_PROPERTIES, readOnly: wire.Alert_READ_ONLY },
});
