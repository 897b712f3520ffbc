// Stages (stage.yaml; CREATE / ALTER STAGE docs). A stage without a URL is internal: Snowflake stores its files,
// fixes its encryption at creation (default SNOWFLAKE_FULL) and takes no credentials or storage integration.
import * as wire from "../../../provider/wire/stage";
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { optionListClause } from "../sql/clauses";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { dropStageFiles, listFilesOperation, putOverSqlApi, removeCommand } from "../stage-files";
import { requireIntegration } from "./shared";

// CREATE STAGE docs: external locations by cloud, and the encryption types each takes.
const CLOUDS: [RegExp, string, string[]][] = [
  [/^s3(gov|china)?:\/\//i, "AWS", ["AWS_CSE", "AWS_SSE_S3", "AWS_SSE_KMS", "NONE"]],
  [/^s3compat:\/\//i, "AWS", ["NONE"]],
  [/^gcs:\/\//i, "GCP", ["GCS_SSE_KMS", "NONE"]],
  [/^azure:\/\//i, "AZURE", ["AZURE_CSE", "NONE"]],
];
const INTERNAL_ENCRYPTION = ["SNOWFLAKE_FULL", "SNOWFLAKE_SSE"];

const invalid = (message: string) => badRequest(`SQL compilation error:\n${message}`);

function cloudOf(url: string): [string, string[]] {
  const match = CLOUDS.find(([pattern]) => pattern.test(url));
  if (!match) throw invalid(`invalid URL '${url}': expected s3://, gcs:// or azure://`);
  return [match[1], match[2]];
}

function checkStage(values: WireValues, account: Parameters<typeof requireIntegration>[0], existing?: CatalogObject): WireValues {
  const url = values.url as string | undefined;
  const encryption = values.encryption as { type?: string } | undefined;
  if (existing && (existing.values.url === undefined) !== (url === undefined)) throw invalid("a stage cannot change between internal and external; recreate it");
  if (url === undefined) {
    for (const field of ["storage_integration", "credentials", "endpoint"]) if (values[field] !== undefined) throw invalid(`${field.toUpperCase()} is only for external stages (this stage has no URL)`);
    if (encryption?.type && !INTERNAL_ENCRYPTION.includes(encryption.type)) throw invalid(`encryption type ${encryption.type} is not for internal stages (${INTERNAL_ENCRYPTION.join(", ")})`);
    // CREATE STAGE docs: "You cannot change the encryption type after you create the stage."
    const before = (existing?.values.encryption as { type?: string } | undefined)?.type ?? "SNOWFLAKE_FULL";
    if (existing && encryption && (encryption.type ?? "SNOWFLAKE_FULL") !== before) throw invalid("the encryption type of an internal stage cannot be changed after it is created");
  } else {
    const [, encryptions] = cloudOf(url);
    if (encryption?.type && !encryptions.includes(encryption.type)) throw invalid(`encryption type ${encryption.type} does not fit ${url} (${encryptions.join(", ")})`);
    if (values.storage_integration !== undefined && values.credentials !== undefined) throw invalid("give STORAGE_INTEGRATION or CREDENTIALS, not both");
  }
  requireIntegration(account, values.storage_integration);
  requireIntegration(account, (values.directory_table as { notification_integration?: string } | undefined)?.notification_integration);
  return values;
}

export const stageKind: ObjectKind = {
  spec: "stage",
  model: "Stage",
  objectType: "Stage",
  sqlType: "STAGE",
  parameterLevel: "STAGE",
  collection: "stages",
  scope: "schema",
  wire: { strict: wire.StageStrict, properties: wire.Stage_PROPERTIES, readOnly: wire.Stage_READ_ONLY, writeOnly: wire.Stage_WRITE_ONLY },
  identifiers: ["storage_integration"],
  // Snowflake never returns a stage's credentials (has_credentials says whether it has some).
  hidden: ["credentials"],
  defaults: { kind: "PERMANENT" },
  accept: (values, { account, existing }) => checkStage(values, account, existing),
  // ALTER STAGE docs: SET URL / STORAGE_INTEGRATION / CREDENTIALS / ENCRYPTION (external stages), COMMENT, and
  // SET DIRECTORY = ( ENABLE = TRUE | FALSE ).
  sqlProperties: {
    URL: { wire: "url", value: "string" },
    STORAGE_INTEGRATION: { wire: "storage_integration", value: "identifier" },
    COMMENT: { wire: "comment", value: "string" },
  },
  sqlClauses: [
    optionListClause("CREDENTIALS", (options, values) => ({ ...values, credentials: { credential_type: options.azure_sas_token !== undefined ? "AZURE" : "AWS", ...options } })),
    optionListClause("ENCRYPTION", (options, values) => ({ ...values, encryption: options })),
    optionListClause("DIRECTORY", (options, values) => ({ ...values, directory_table: { ...(values.directory_table as object), enable: options.enable === true } })),
  ],
  // An internal stage's files (stage-files.ts): listed over REST, removed by REMOVE / RM, uploaded by PUT through the
  // connector only, and gone with the stage (DROP STAGE docs) or the stage that CREATE OR REPLACE drops.
  operations: { "GET /files": listFilesOperation },
  // SHOW STAGES docs: ... storage_integration among its columns; what the provider reads to find a storage
  // integration's stages (only IN ACCOUNT is answered, see show-in-account.ts).
  sqlShows: { STAGES: showInAccount("STAGES", "stages", [CREATED_ON, NAME, DATABASE_NAME, SCHEMA_NAME, storedValue("url"), OWNER, storedValue("comment"), storedValue("storage_integration")]) },
  sqlCommands: { REMOVE: removeCommand, RM: removeCommand, PUT: putOverSqlApi },
  created: (_object, _context, replaced) => {
    if (replaced) dropStageFiles(replaced);
  },
  dropped: (object) => dropStageFiles(object),
  render(object) {
    const url = object.values.url as string | undefined;
    const encryption = object.values.encryption as { master_key?: string } | undefined;
    const directory = object.values.directory_table as WireValues | undefined;
    return {
      has_credentials: object.values.credentials !== undefined,
      has_encryption_key: encryption?.master_key !== undefined,
      cloud: url ? cloudOf(url)[0] : undefined,
      // stage.yaml directory_table defaults: enable false, refresh_on_create true, auto_refresh false.
      directory_table: { enable: false, refresh_on_create: true, auto_refresh: false, ...directory },
    };
  },
};
