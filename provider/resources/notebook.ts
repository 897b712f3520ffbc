// notebook.yaml components/schemas/Notebook: a Snowflake notebook, created from files on a stage.
// - fromLocation ('@DB.SCHEMA.STAGE/path') and mainFile name the .ipynb the notebook is made from: CREATE NOTEBOOK
//   ... FROM copies the files into the notebook's own version (CREATE NOTEBOOK docs), so the stage is not read
//   again and a GET does not report where it came from: write-only. Making it again from new files would replace
//   the notebook, and with it its versions and the edits made in Snowsight, so that needs allowReplace. (Keeping
//   the notebook and taking new files as a version is not offered: notebook.yaml's add-live-version and commit take
//   no source location, unlike streamlit.yaml's add-version.)
// - The LIVE version is "the version that runs when the notebook is executed" (snowflake.core NotebookResource
//   add_live_version), and CREATE ... FROM makes none: so a new notebook gets one from its last version right away
//   (:add-live-version?fromLast=true), as Snowflake's CLI and quickstarts do after CREATE NOTEBOOK.
// - No PUT: ALTER NOTEBOOK (docs) sets COMMENT, QUERY_WAREHOUSE, MAIN_FILE, RUNTIME_NAME, COMPUTE_POOL,
//   EXTERNAL_ACCESS_INTEGRATIONS and IDLE_AUTO_SHUTDOWN_TIME_SECONDS, and unsets them; :rename renames it.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { STAGE_LOCATION } from "../engine/kinds/stage-paths";
import { integerKind, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/notebook";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";


export const notebook = defineResource({
  typeName: "Notebook",
  noun: "notebook",
  doc: "A Snowflake notebook made from an .ipynb on a stage (e.g. a StageFile), run on a warehouse or a container runtime (REST: .../schemas/{schema}/notebooks). Settings change in place and the name by :rename; new source files mean a new notebook.",
  collectionPath: schemaObjectPath("notebooks"),
  changes: "sql",
  sqlObjectType: "NOTEBOOK",
  rename: "restQuery",
  tags: true,
  dataBearing: { loses: "its versions and the edits made to it in Snowsight" },
  fields: {
    ...schemaObjectIdentity("notebook"),
    fromLocation: field("fromLocation", textKind({ pattern: STAGE_LOCATION, patternWords: "a stage location, e.g. @DB.SCHEMA.STAGE/notebooks" }), "Stage location the notebook's files are copied from at creation, e.g. `@DB.SCHEMA.STAGE/notebooks`. Compared with the declaration only; a change means a new notebook.", { writeOnly: true, immutable: true }),
    mainFile: field("main_file", textKind(), "The notebook file in fromLocation, e.g. `analysis.ipynb` (given with fromLocation).", { sql: { property: "MAIN_FILE" } }),
    title: field("title", textKind(), "Title shown in Snowsight. A change means a new notebook (ALTER NOTEBOOK has no TITLE).", { immutable: true }),
    queryWarehouse: field("query_warehouse", identifierKind(), "Warehouse the notebook's SQL and Snowpark queries run on.", { sql: { property: "QUERY_WAREHOUSE" } }),
    runtimeName: field("runtime_name", textKind(), "Container runtime, e.g. `SYSTEM$BASIC_RUNTIME` or `SYSTEM$GPU_RUNTIME` (with computePool); unset: the warehouse runtime.", { sql: { property: "RUNTIME_NAME" } }),
    computePool: field("compute_pool", identifierKind(), "Compute pool of a container runtime.", { sql: { property: "COMPUTE_POOL" } }),
    externalAccessIntegrations: field("external_access_integrations", listKind(identifierKind(), { ordered: false, itemWords: "integration names" }), "External access integrations the notebook may use; a set.", { sql: { property: "EXTERNAL_ACCESS_INTEGRATIONS" } }),
    idleAutoShutdownTimeSeconds: field("idle_auto_shutdown_time_seconds", integerKind({ min: 60, max: 259200 }), "Seconds of idleness after which a container runtime shuts down (60 to 259200).", { sql: { property: "IDLE_AUTO_SHUTDOWN_TIME_SECONDS" } }),
    comment: commentField("notebook"),
  },
  outputs: {
    urlId: output("url_id", textKind(), "The id in the notebook's Snowsight URL."),
    defaultVersion: output("default_version", textKind(), "The version that runs by default (e.g. VERSION$1)."),
    liveVersionLocationUri: output("live_version_location_uri", textKind(), "Where the live version's files are (snow://notebook/...)."),
    ...ownershipOutputs("notebook"),
  },
  notOffered: {
    version: "a version name is Snowflake's (VERSION$n); versions are made in Snowsight or by :commit, not declared",
    default_version: "set by Snowflake as versions are committed (:commit); reported as the defaultVersion output",
    import_urls: "not in ALTER NOTEBOOK's SET list and not described in the REST reference",
  },
  crossChecks: (properties) => [
    ...(properties.computePool !== undefined && properties.runtimeName === undefined ? [{ property: "computePool", reason: "a compute pool needs a container runtimeName (e.g. SYSTEM$BASIC_RUNTIME)" }] : []),
    ...((properties.fromLocation === undefined) !== (properties.mainFile === undefined)
      ? [{ property: properties.fromLocation === undefined ? "mainFile" : "fromLocation", reason: `given without ${properties.fromLocation === undefined ? "fromLocation" : "mainFile"}; expected both or neither (CREATE NOTEBOOK ... FROM '<location>' MAIN_FILE = '<file>')` }]
      : []),
  ],
  // MAIN_FILE cannot be unset: a main file no longer declared goes with its location, i.e. a new notebook.
  afterCreate: [{ action: "add-live-version", query: { fromLast: "true" } }],
  replacedBy: (olds, news) => (olds.mainFile !== undefined && news.mainFile === undefined ? ["mainFile"] : []),
  wire: { schema: wire.Notebook, properties: wire.Notebook_PROPERTIES, readOnly: wire.Notebook_READ_ONLY },
});
