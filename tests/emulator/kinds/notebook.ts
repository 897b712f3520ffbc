// Notebooks (notebook.yaml; CREATE / ALTER NOTEBOOK docs): made from an .ipynb on a stage, whose files CREATE
// copies into the notebook's first version; the stage is not read again, and the source location is not reported.
// The LIVE version, "the version that runs when the notebook is executed" (snowflake.core add_live_version), is
// made by :add-live-version (ALTER NOTEBOOK ... ADD LIVE VERSION [FROM LAST]); CREATE makes none.
import { createHash } from "node:crypto";
import * as wire from "../../../provider/wire/notebook";
import { CatalogObject, isObject, storedPath } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import type { Outcome } from "../http";
import { withObject } from "../rest/actions";
import type { RequestContext } from "../router";
import { formatIdentifier } from "../identifiers";
import { parseStageReference } from "../sql/stage-commands";
import { SqlError } from "../sql/tokens";
import { findStage, readStagedFile, stageDefaultsOf } from "../stage-files";
import type { AccountState } from "../state";
import { requireWarehouse } from "./shared";

/**
 * FROM '<stage location>' MAIN_FILE = '<file>' (CREATE NOTEBOOK, CREATE STREAMLIT docs): the stage must exist and hold
 * the main file.
 */
export function requireSourceFile(location: string, mainFile: unknown, parent: CatalogObject, account: AccountState): void {
  if (mainFile === undefined) throw badRequest("SQL compilation error:\nMAIN_FILE is required with FROM.");
  let reference;
  try {
    reference = parseStageReference(location);
  } catch (error) {
    if (error instanceof SqlError) throw badRequest(`SQL compilation error:\nInvalid stage location '${location}'.`);
    throw error;
  }
  const stage = findStage(reference, stageDefaultsOf(parent, account));
  const shown = storedPath(stage).map(formatIdentifier).join(".");
  const file = [reference.path, String(mainFile)].filter(Boolean).join("/");
  // Not confirmed: the wording of Snowflake's error for a main file missing from the location.
  if (readStagedFile(stage, file) === undefined) throw badRequest(`SQL compilation error:\nFile '${file}' does not exist on stage ${shown}.`);
}

/**
 * What notebooks and Streamlit apps report of where they live (DESCRIBE NOTEBOOK / STREAMLIT): the id in their
 * Snowsight URL and the live version's files, `snow://<kind>/<db>.<schema>.<name>/versions/live/`.
 */
export function liveVersionOf(object: CatalogObject, scheme: "notebook" | "streamlit"): { url_id: string; live_version_location_uri: string } {
  const qualified = storedPath(object).map(formatIdentifier).join(".");
  return { url_id: createHash("sha256").update(qualified).digest("hex").slice(0, 20), live_version_location_uri: `snow://${scheme}/${qualified}/versions/live/` };
}

/**
 * notebook.yaml addLiveVersionNotebook: fromLast "Sets the LIVE version to the LAST version", else the live version
 * starts empty (the default is "equivalent to False", snowflake.core). A notebook has one live version: adding a
 * second is refused (not confirmed against a live account, nor the wording).
 */
function addLiveVersion(kind: ObjectKind, context: RequestContext): Outcome {
  return withObject(kind, context, (notebook) => {
    if (notebook.facts.liveVersion) throw badRequest(`SQL compilation error:\nNotebook ${formatIdentifier(notebook.name)} already has a live version.`);
    notebook.facts.liveVersion = context.query.boolean("fromLast") ? "from last" : "empty";
  });
}

export const notebookKind: ObjectKind = {
  spec: "notebook",
  model: "Notebook",
  objectType: "Notebook",
  sqlType: "NOTEBOOK",
  parameterLevel: "NOTEBOOK",
  collection: "notebooks",
  scope: "schema",
  wire: { strict: wire.NotebookStrict, properties: wire.Notebook_PROPERTIES, readOnly: wire.Notebook_READ_ONLY, writeOnly: wire.Notebook_WRITE_ONLY },
  // The copy source is not part of the notebook (SHOW / DESCRIBE NOTEBOOK report no FROM location).
  hidden: ["fromLocation"],
  identifiers: ["query_warehouse", "compute_pool"],
  accept(values, { account, parent, existing }) {
    if (!existing && values.fromLocation !== undefined && isObject(parent)) requireSourceFile(String(values.fromLocation), values.main_file, parent, account);
    if (values.query_warehouse !== undefined) requireWarehouse(account, values.query_warehouse);
    // CREATE NOTEBOOK docs: COMPUTE_POOL applies to the container runtimes only.
    if (values.compute_pool !== undefined && !/^SYSTEM\$(BASIC|GPU)_RUNTIME$/i.test(String(values.runtime_name ?? ""))) {
      throw badRequest("SQL compilation error:\nCOMPUTE_POOL can be set only with RUNTIME_NAME = SYSTEM$BASIC_RUNTIME or SYSTEM$GPU_RUNTIME.");
    }
    return values;
  },
  // The first version CREATE makes (CREATE NOTEBOOK docs: versions are VERSION$<n>).
  render(notebook) {
    const { url_id: urlId, live_version_location_uri: live } = liveVersionOf(notebook, "notebook");
    return { default_version: "VERSION$1", last_version_details: { name: "VERSION$1" }, url_id: urlId, live_version_location_uri: notebook.facts.liveVersion ? live : undefined };
  },
  operations: { "POST :add-live-version": addLiveVersion },
  // ALTER NOTEBOOK docs: SET / UNSET these (UNSET of each is not confirmed; MAIN_FILE cannot be unset here).
  sqlProperties: {
    COMMENT: { wire: "comment", value: "string", unset: true },
    QUERY_WAREHOUSE: { wire: "query_warehouse", value: "identifier", unset: true },
    MAIN_FILE: { wire: "main_file", value: "string" },
    RUNTIME_NAME: { wire: "runtime_name", value: "string", unset: true },
    COMPUTE_POOL: { wire: "compute_pool", value: "identifier", unset: true },
    EXTERNAL_ACCESS_INTEGRATIONS: { wire: "external_access_integrations", value: "identifierList", unset: true },
    IDLE_AUTO_SHUTDOWN_TIME_SECONDS: { wire: "idle_auto_shutdown_time_seconds", value: "integer", unset: true },
  },
};
