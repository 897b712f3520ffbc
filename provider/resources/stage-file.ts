// A local file uploaded to an internal stage: procedure and function imports, service specifications, notebook
// sources. Not a REST resource of its own (stage.yaml only lists stage files), so it is reached through its own
// access (engine/access/stage-file-access.ts): PUT through snowflake-sdk, the listing, REMOVE over the SQL API.
// Nothing changes in place: new content (its hash is computed at check, so preview shows it) is a new upload.
import { stageFileAccess, deriveStageFile, STAGE_FILE_PROPERTIES, STAGE_FILE_READ_ONLY, StageFileSnapshot } from "../engine/access/stage-file-access";
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { integerKind, textKind } from "../engine/kinds/scalars";
import { stagePathKind } from "../engine/kinds/stage-paths";
import { databaseField, field, output, schemaField } from "./common";

export const stageFile = defineResource({
  typeName: "StageFile",
  noun: "stage file",
  doc: "A local file uploaded to an internal stage, e.g. a procedure's handler for IMPORTS (`stageLocation`). Uploaded with PUT through snowflake-sdk, which must be installed; a change of the file's content uploads it again (REST: .../stages/{stage}/files lists it).",
  collectionPath: "/api/v2/databases/{database}/schemas/{schema}/stages/{stage}/files",
  changes: "replace",
  access: stageFileAccess,
  derive: deriveStageFile,
  fields: {
    database: databaseField("stage file"),
    schema: schemaField("stage file"),
    stage: field("stage_name", identifierKind(), "The internal stage the file is uploaded to (e.g. `stage.name`). A change uploads it to the new stage.", { identity: "parent", required: true }),
    source: field("source", textKind(), "The local file to upload, relative to the program's directory (or absolute). A new path with the same content changes nothing; new content is uploaded again.", { required: true, createOnly: true }),
    path: field("path", stagePathKind(), "Where the file goes in the stage, e.g. `procs/trunc.py` (directories are created as needed). Default: the source file's name. A change uploads it to the new path.", { identity: "name" }),
    contentHash: field("content_sha256", textKind(), "SHA-256 of the local file, computed at check: a change shows at preview and uploads the file again. A refresh that finds the staged file changed records that, so the next up uploads it again.", { immutable: true, derived: true }),
  },
  outputs: {
    stageLocation: output("stage_location", textKind(), "The file as SQL names it, e.g. `@DB.SCHEMA.STAGE/procs/trunc.py` (for IMPORTS = ('...'))."),
    size: output("size", integerKind(), "Size of the staged file in bytes, as LIST reports it."),
    md5: output("md5", textKind(), "MD5 that LIST reports for the staged file (Snowflake encrypts internal stages, so it is not the local file's MD5)."),
    lastModified: output("last_modified", textKind(), "When the file was uploaded, as LIST reports it."),
  },
  wire: { schema: StageFileSnapshot, properties: STAGE_FILE_PROPERTIES, readOnly: STAGE_FILE_READ_ONLY },
});
