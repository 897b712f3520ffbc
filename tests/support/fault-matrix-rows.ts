// The fault matrix's rows: one per resource type, with the inputs it is created with, the in-place change it is
// updated with, and the REST paths whose answers show what exists (the object, its collection, its grants or runs).
// Object types reuse the round-trip table's rows; grants and task runs, which that table leaves out, are here.
import { CONTEXT, ROUND_TRIP_CASES, RoundTripCase } from "./roundtrip-cases";
import { IN_SCHEMA, inSchema } from "./roundtrip-helpers";
import { isStatement } from "./sql-rows";
import { Declaration } from "./test-stack";

export interface FaultRow {
  type: string;
  /** Inputs as round-trip declarations write them: `$ref`, `$concat`, `$tagged` and `$secret` are resolved by the runner. */
  args: Record<string, unknown>;
  /** Inputs changed in place by the update; no update cell where absent. */
  changed?: Record<string, unknown>;
  /** GETs whose answers must be the same after a faulted operation as after the same operation without a fault. */
  observe: string[];
}

const ref = (to: string) => ({ $ref: to });

/** What the grant rows need besides the round-trip context. */
export const FAULT_CONTEXT: Declaration[] = [
  ...CONTEXT,
  { type: "Role", name: "fm_reader", args: { name: "FM_READER" } },
  { type: "Role", name: "fm_writer", args: { name: "FM_WRITER" } },
  { type: "DatabaseRole", name: "fm_db_role", args: { database: ref("rt_db.name"), name: "FM_DB_READ" } },
];

const READER_GRANTS = "/api/v2/roles/FM_READER/grants";
const WRITER_GRANTS = "/api/v2/roles/FM_WRITER/grants";
const DB_ROLE = { $concat: [ref("fm_db_role.database"), ".", ref("fm_db_role.name")] };

const ACCESS_ROWS: FaultRow[] = [
  {
    type: "Grant",
    args: { toRole: ref("fm_reader.name"), securableType: "TABLE", securableName: ref("rt_source.fullyQualifiedName"), privileges: ["SELECT"] },
    changed: { privileges: ["SELECT", "INSERT"] },
    observe: [READER_GRANTS],
  },
  {
    type: "GrantOnAll",
    args: { toRole: ref("fm_writer.name"), objectType: "TABLE", inSchema: ref("rt_schema.fullyQualifiedName"), privileges: ["SELECT"] },
    changed: { privileges: ["SELECT", "UPDATE"] },
    observe: [WRITER_GRANTS],
  },
  {
    type: "FutureGrant",
    args: { toRole: ref("fm_writer.name"), objectType: "VIEW", inSchema: ref("rt_schema.fullyQualifiedName"), privileges: ["SELECT"] },
    changed: { privileges: ["SELECT", "REFERENCES"] },
    observe: ["/api/v2/roles/FM_WRITER/future-grants"],
  },
  { type: "RoleGrant", args: { role: ref("fm_reader.name"), toRole: ref("fm_writer.name") }, observe: [WRITER_GRANTS] },
  { type: "DatabaseRoleGrant", args: { databaseRole: DB_ROLE, toRole: ref("fm_reader.name") }, observe: [READER_GRANTS] },
  {
    type: "OwnershipGrant",
    args: { toRole: ref("fm_writer.name"), securableType: "TABLE", securableName: ref("rt_docs.fullyQualifiedName"), currentGrants: "COPY" },
    observe: [`${IN_SCHEMA}/tables/RT_DOCS`, WRITER_GRANTS],
  },
  // An invocation: each run is a row of the task's history (the Task row's task, made afresh for each life), so a
  // run made twice shows there.
  { type: "TaskRun", args: inSchema({ task: ref("subject_Task.name"), triggers: ["v1"] }), observe: [`${IN_SCHEMA}/tasks/RT_TASK/complete-graphs`] },
];

/** The round-trip row's object (or its row of a listing) and the collection it is in. */
function observedPaths(c: RoundTripCase): string[] {
  // An object REST v2 has no endpoints for is observed by its SHOW statement's answer.
  if (isStatement(c.path)) return [c.path];
  const own = (c.objectPath ?? c.path).split("?")[0];
  const collection = own.slice(0, own.lastIndexOf("/"));
  return [c.path, collection];
}

export const FAULT_ROWS: FaultRow[] = [
  // One row per type: faults act on its requests, whatever the variant (the round-trip table's first row of each).
  ...ROUND_TRIP_CASES.filter((c, index) => ROUND_TRIP_CASES.findIndex((other) => other.type === c.type) === index).map((c) => ({ type: c.type, args: c.args, changed: c.inPlace?.args, observe: observedPaths(c) })),
  ...ACCESS_ROWS,
];
