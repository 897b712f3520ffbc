// streamlit.yaml components/schemas/Streamlit: a Streamlit app in a schema, made from files on a stage.
// - source_location names the stage directory the app's files are copied from (streamlit.yaml: "The stage from
//   which the source files are copied to initialize" it): write-only, since a GET does not report it. A new
//   location keeps the app and takes its files as a new version (streamlit.yaml addVersionStreamlit, :add-version
//   with source_location), so the app keeps its URL, grants and earlier versions; the lastVersion output names it.
// - No PUT: ALTER STREAMLIT (docs) sets MAIN_FILE, QUERY_WAREHOUSE, TITLE, IMPORTS, EXTERNAL_ACCESS_INTEGRATIONS and
//   COMMENT, and unsets them; :rename renames it. A new database or schema is a new app (allowReplace).
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { STAGE_LOCATION } from "../engine/kinds/stage-paths";
import { textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/streamlit";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

export const streamlit = defineResource({
  typeName: "Streamlit",
  noun: "Streamlit app",
  doc: "A Streamlit app made from files on a stage (e.g. StageFiles), run on a warehouse (REST: .../schemas/{schema}/streamlits). Settings change in place, the name by :rename, and a new sourceLocation becomes a new version of the app (:add-version).",
  collectionPath: schemaObjectPath("streamlits"),
  changes: "sql",
  sqlObjectType: "STREAMLIT",
  rename: "restQuery",
  tags: true,
  dataBearing: { loses: "its versions and the edits made to it in Snowsight" },
  fields: {
    ...schemaObjectIdentity("Streamlit app"),
    sourceLocation: field("source_location", textKind({ pattern: STAGE_LOCATION, patternWords: "a stage location, e.g. @DB.SCHEMA.STAGE/app" }), "Stage location the app's files are copied from, e.g. `@DB.SCHEMA.STAGE/app`. Compared with the declaration only; a change adds a version made from the files there (:add-version), keeping the app.", {
      required: true, writeOnly: true, change: "action", action: { name: "add-version", body: (value) => ({ source_location: value }) },
    }),
    mainFile: field("main_file", textKind(), "The app's entry point in sourceLocation, e.g. `streamlit_app.py`.", { required: true, sql: { property: "MAIN_FILE" } }),
    title: field("title", textKind(), "Title shown in Snowsight.", { sql: { property: "TITLE" } }),
    queryWarehouse: field("query_warehouse", identifierKind(), "Warehouse the app's queries run on.", { sql: { property: "QUERY_WAREHOUSE" } }),
    imports: field("imports", listKind(textKind({ pattern: STAGE_LOCATION, patternWords: "a staged file, e.g. @DB.SCHEMA.STAGE/lib.zip" }), { ordered: true, itemWords: "staged files" }), "Staged files the app imports, in order.", { sql: { property: "IMPORTS" } }),
    externalAccessIntegrations: field("external_access_integrations", listKind(identifierKind(), { ordered: false, itemWords: "integration names" }), "External access integrations the app may use; a set.", { sql: { property: "EXTERNAL_ACCESS_INTEGRATIONS" } }),
    comment: commentField("Streamlit app"),
  },
  outputs: {
    urlId: output("url_id", textKind(), "The id in the app's Snowsight URL."),
    lastVersion: output("last_version_details.name", textKind(), "The app's newest version (VERSION$1 at creation; one more per new sourceLocation)."),
    liveVersionLocationUri: output("live_version_location_uri", textKind(), "Where the live version's files are (snow://streamlit/...)."),
    ...ownershipOutputs("Streamlit app"),
  },
  notOffered: {
    default_version: "set by Snowflake as versions are committed (:commit)",
  },
  wire: { schema: wire.Streamlit, properties: wire.Streamlit_PROPERTIES, readOnly: wire.Streamlit_READ_ONLY },
});
