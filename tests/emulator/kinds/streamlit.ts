// Streamlit apps (streamlit.yaml; CREATE / ALTER STREAMLIT docs) and artifact repositories (artifact-repository.yaml;
// CREATE ARTIFACT REPOSITORY docs): schema objects. An app is made from files on a stage (FROM, like a notebook:
// the stage and main file must exist; the source is not reported); a repository names an existing API integration.
import * as artifactWire from "../../../provider/wire/artifact-repository";
import * as wire from "../../../provider/wire/streamlit";
import { isObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { liveVersionOf, requireSourceFile } from "./notebook";
import { requireIntegration, requireWarehouse } from "./shared";

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
  render: (object) => liveVersionOf(object, "streamlit"),
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
