// Streamlit apps (streamlit.yaml; CREATE / ALTER STREAMLIT docs) and artifact repositories (artifact-repository.yaml;
// CREATE ARTIFACT REPOSITORY docs): schema objects. An app is made from files on a stage (FROM, like a notebook:
// the stage and main file must exist; the source is not reported); a repository names an existing API integration.
import * as artifactWire from "../../../provider/wire/artifact-repository";
import * as wire from "../../../provider/wire/streamlit";
import { type CatalogObject, isObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import type { Outcome } from "../http";
import { withObject } from "../rest/actions";
import type { RequestContext } from "../router";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { liveVersionOf, requireSourceFile } from "./notebook";
import { requireIntegration, requireWarehouse } from "./shared";

/** The versions of an app, oldest first: CREATE makes VERSION$1 from its FROM location. */
interface AppVersion { name: string; alias?: string; source: string }
function versionsOf(app: CatalogObject): AppVersion[] {
  app.facts.versions ??= [{ name: "VERSION$1", source: String(app.values.source_location) }];
  return app.facts.versions as AppVersion[];
}

/**
 * streamlit.yaml addVersionStreamlit: "Add a new version to the Streamlit by copying files from a specified stage
 * location" (AddVersionStreamlitRequest: source_location, and an optional version name / alias). As at CREATE, the
 * location must hold the app's main file. The new version is the last one; an alias already used is refused unless
 * ifNotExists (the wording of Snowflake's error is not confirmed).
 */
function addVersion(kind: ObjectKind, context: RequestContext): Outcome {
  const parsed = wire.AddVersionStreamlitRequestStrict.safeParse(context.body);
  if (!parsed.success) throw badRequest(`Invalid AddVersionStreamlitRequest: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ")}.`);
  const { source_location: source, version } = parsed.data;
  return withObject(kind, context, (app) => {
    if (isObject(app.parent)) requireSourceFile(source, app.values.main_file, app.parent, context.account);
    const versions = versionsOf(app);
    if (version && versions.some((existing) => existing.alias === version.name)) {
      if (version.ifNotExists) return;
      throw badRequest(`SQL compilation error:\nVersion '${version.name}' already exists.`);
    }
    versions.push({ name: `VERSION$${versions.length + 1}`, ...(version && { alias: version.name }), source });
  });
}

export const streamlitKind: ObjectKind = {
  spec: "streamlit",
  model: "Streamlit",
  objectType: "Streamlit",
  sqlType: "STREAMLIT",
  parameterLevel: "STREAMLIT",
  collection: "streamlits",
  scope: "schema",
  wire: { strict: wire.StreamlitStrict, properties: wire.Streamlit_PROPERTIES, readOnly: wire.Streamlit_READ_ONLY, writeOnly: wire.Streamlit_WRITE_ONLY },
  // SHOW / DESCRIBE STREAMLIT report the live version's location, not the stage the files came from.
  hidden: ["source_location"],
  identifiers: ["query_warehouse"],
  accept(values, { account, parent, existing }) {
    if (!existing && values.source_location !== undefined && isObject(parent)) requireSourceFile(String(values.source_location), values.main_file, parent, account);
    if (values.query_warehouse !== undefined) requireWarehouse(account, values.query_warehouse);
    return values;
  },
  render(app) {
    const last = versionsOf(app).at(-1)!;
    return { ...liveVersionOf(app, "streamlit"), last_version_details: { name: last.name, ...(last.alias && { alias: last.alias }), source_location_uri: last.source } };
  },
  operations: { "POST :add-version": addVersion },
  // ALTER STREAMLIT docs: SET / UNSET these (UNSET of each is not confirmed; MAIN_FILE cannot be unset here).
  sqlProperties: {
    MAIN_FILE: { wire: "main_file", value: "string" },
    TITLE: { wire: "title", value: "string", unset: true },
    QUERY_WAREHOUSE: { wire: "query_warehouse", value: "identifier", unset: true },
    IMPORTS: { wire: "imports", value: "stringList", unset: true },
    EXTERNAL_ACCESS_INTEGRATIONS: { wire: "external_access_integrations", value: "identifierList", unset: true },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
};

// SHOW ARTIFACT REPOSITORIES docs: created_on, name, database_name, schema_name, type, api_integration, owner,
// owner_role_type, comment.
const showArtifactRepositories = showInAccount("ARTIFACT REPOSITORIES", "artifact-repositories", [
  CREATED_ON, NAME, DATABASE_NAME, SCHEMA_NAME, storedValue("type", false), storedValue("api_integration"), OWNER, storedValue("comment"),
]);

export const artifactRepositoryKind: ObjectKind = {
  spec: "artifact-repository",
  model: "ArtifactRepository",
  objectType: "Artifact repository",
  sqlType: "ARTIFACT REPOSITORY",
  parameterLevel: "ARTIFACT REPOSITORY",
  collection: "artifact-repositories",
  scope: "schema",
  wire: { strict: artifactWire.ArtifactRepositoryStrict, properties: artifactWire.ArtifactRepository_PROPERTIES, readOnly: artifactWire.ArtifactRepository_READ_ONLY, writeOnly: artifactWire.ArtifactRepository_WRITE_ONLY },
  identifiers: ["api_integration"],
  // The integration is fixed (CREATE OR ALTER cannot move a repository to another one; not confirmed).
  fixedOnAlter: { api_integration: "an artifact repository's API integration is fixed at creation", type: "an artifact repository's type is fixed at creation" },
  accept(values, { account }) {
    requireIntegration(account, values.api_integration);
    return values;
  },
  // ALTER ARTIFACT REPOSITORY docs: SET / UNSET COMMENT.
  sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
  sqlShows: { ARTIFACT: showArtifactRepositories },
};
