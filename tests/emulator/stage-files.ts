// Files of internal stages: PUT through the connector, the REST listing (stage.yaml listFiles, "equivalent to LIST
// @stage"), REMOVE over either door. Each stage keeps its files in a directory of its own, made on its first PUT under
// the system's temporary directory and removed when the stage is dropped or replaced, or the emulator closes.
//
// PUT is a file transfer: Snowflake answers the query with upload metadata and the driver moves the bytes itself.
// The answer names a LOCAL_FS location -- the stage's directory -- and snowflake-sdk copies the file there
// (dist/lib/file_transfer_agent/local_util.js; its comment: LOCAL_FS is Snowflake's own test-only stage type).
// Files are therefore stored as the client sent them: no encryption, so the listed md5 is the content's (a real
// internal stage lists the md5 of the encrypted file; SnowDDL docs, "STAGE FILE").
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { accountOf, AccountRoot, CatalogObject, collectionOf, Container, displayName, isObject, storedPath } from "./catalog/catalog";
import type { ObjectKind } from "./catalog/object-kind";
import { ApiError, badRequest, doesNotExist, ErrorCodes } from "./errors";
import { ok, type Outcome } from "./http";
import { formatIdentifier } from "./identifiers";
import { findSchema } from "./rest/lookup";
import { targetOf } from "./rest/handlers";
import type { RequestContext } from "./router";
import { booleanOption, parseStageReference, readFileCommand, StageReference } from "./sql/stage-commands";
import { DDL_TYPE_ID, type ResultSet, type SessionFacts, text } from "./sql/select";
import { SqlError } from "./sql/tokens";
import type { AccountState } from "./state";

const STAGES = "stages";
const directories = new WeakMap<AccountRoot, Set<string>>();

/** The stage's directory; made on first use when `create`. */
function filesDirectory(stage: CatalogObject, create: boolean): string | undefined {
  let directory = stage.facts.filesDirectory as string | undefined;
  if (directory === undefined && create) {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "snowflake-emulator-stage-"));
    stage.facts.filesDirectory = directory;
    const root = accountOf(stage);
    if (!directories.has(root)) directories.set(root, new Set());
    directories.get(root)!.add(directory);
  }
  return directory;
}

/** DROP STAGE docs: dropping an internal stage purges its files; CREATE OR REPLACE drops the stage it replaces. */
export function dropStageFiles(stage: CatalogObject): void {
  const directory = filesDirectory(stage, false);
  if (directory !== undefined) fs.rmSync(directory, { recursive: true, force: true });
  delete stage.facts.filesDirectory;
}

/** When the emulator closes: every stage directory of the account, including those of dropped databases. */
export function removeAllStageFiles(root: AccountRoot): void {
  for (const directory of directories.get(root) ?? []) fs.rmSync(directory, { recursive: true, force: true });
  directories.delete(root);
}

export interface StagedFile {
  /** Path inside the stage, e.g. procs/trunc.py. */
  path: string;
  /** stage.yaml StageFile. */
  row: { name: string; size: string; md5: string; last_modified: string };
}

function walk(directory: string, prefix = ""): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(path.join(directory, entry.name), relative) : [relative];
  });
}

/** The stage's files as LIST prints them, sorted by name. */
export function stagedFiles(stage: CatalogObject): StagedFile[] {
  const directory = filesDirectory(stage, false);
  if (directory === undefined || !fs.existsSync(directory)) return [];
  return walk(directory).sort().map((relative) => {
    const file = path.join(directory, relative);
    const stat = fs.statSync(file);
    // LIST prints `<stage name in lower case>/<path>` (Snowpark FileOperation docs: 'mystage/prefix1/testCSV.csv.gz');
    // stage.yaml StageFile types size as a string. last_modified in RFC 1123 form as LIST shows it (not confirmed
    // whether Snowflake pads the day to two digits).
    const row = { name: `${stage.name.toLowerCase()}/${relative}`, size: String(stat.size), md5: createHash("md5").update(fs.readFileSync(file)).digest("hex"), last_modified: stat.mtime.toUTCString() };
    return { path: relative, row };
  });
}

/** The text of one file on the stage (a path as LIST shows it after the stage name), or undefined when absent. */
export function readStagedFile(stage: CatalogObject, filePath: string): string | undefined {
  const relative = filePath.replace(/^\/+/, "");
  const file = stagedFiles(stage).find((staged) => staged.path === relative);
  return file && fs.readFileSync(path.join(filesDirectory(stage, false)!, file.path), "utf8");
}

/**
 * LIST / REMOVE PATTERN: "applies the regular expression pattern on each of the files found". The docs do not say
 * against which string; here the name as LIST prints it, matched whole, like Snowflake's other regex options.
 */
function patternFilter(pattern: string | undefined): (file: StagedFile) => boolean {
  if (pattern === undefined) return () => true;
  let regExp: RegExp;
  try {
    regExp = new RegExp(`^(?:${pattern})$`);
  } catch {
    throw badRequest(`Invalid regular expression in PATTERN: '${pattern}'.`);
  }
  return (file) => regExp.test(file.row.name);
}

/** GET .../stages/{name}/files: the stage's files (an external stage's cloud location is not emulated: none). */
export function listFilesOperation(kind: ObjectKind, context: RequestContext): Outcome {
  const { object } = targetOf(kind, context);
  return ok(stagedFiles(object).filter(patternFilter(context.query.string("pattern"))).map((file) => file.row));
}

/** Where unqualified stage names are looked up: a session's current database and schema, or an object's own. */
export interface StageDefaults {
  account: AccountState;
  database?: string | null;
  schema?: string | null;
}

/** The defaults of an object's references: its own database and schema (a notebook's FROM, a service's spec file). */
export function stageDefaultsOf(parent: Container, account: AccountState): StageDefaults {
  const [database, schema] = isObject(parent) ? storedPath(parent) : [];
  return { account, database, schema };
}

/** The stage a reference names; one- and two-part names take the defaults' database and schema. */
export function findStage(reference: StageReference, defaults: StageDefaults): CatalogObject {
  const { parts } = reference;
  const [database, schema, name] = parts.length === 3 ? parts : parts.length === 2 ? [defaults.database, ...parts] : [defaults.database, defaults.schema, ...parts];
  if (!database || !schema) throw new SqlError("090105", "22000", "Cannot perform operation. This session does not have a current database or schema. Call 'USE DATABASE' and 'USE SCHEMA', or use a qualified name.");
  const stage = collectionOf(findSchema(defaults.account, database, schema), STAGES).get(name!);
  if (!stage) throw doesNotExist("Stage", [database, schema, name!].map(formatIdentifier).join("."));
  return stage;
}

/** Kind rules speak REST (ApiError); through SQL the same refusal is a statement error. */
function asStatementError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApiError) throw new SqlError(error.code, "02000", error.message);
    throw error;
  }
}

/** The connector's answer to PUT: where to copy the file (snowflake-sdk file_transfer_agent.js reads these fields). */
export function putFileMetadata(sqlText: string, session: SessionFacts): Record<string, unknown> {
  return asStatementError(() => {
    const { args, options } = readFileCommand(sqlText, 2);
    const [uri, target] = args;
    // PUT docs: the source is file://<path_to_file>/<filename>.
    if (!/^file:\/\//i.test(uri)) throw new SqlError(ErrorCodes.syntaxError, "42000", `SQL compilation error:\nsyntax error line 1 at position 4 unexpected '${uri}'.`);
    const reference = parseStageReference(target);
    const stage = findStage(reference, session);
    // PUT docs: "PUT does not support uploading files onto an external stage"; the error as users report it from
    // live accounts (snowflakedb/gosnowflake#920): 091003 (22000).
    if (stage.values.url !== undefined) throw new SqlError("091003", "22000", `Failure using stage area. Cause: [${displayName(stage)} GET and PUT commands are not supported with external stage]`);
    // Emulator-only rule: the stage's directory is on this machine, so no path may climb out of it.
    if (reference.path.split("/").includes("..")) throw new SqlError(ErrorCodes.sqlCompilation, "02000", "SQL compilation error:\nThe Snowflake emulator does not accept '..' in stage paths.");
    const parallel = options.PARALLEL === undefined ? 4 : Number(options.PARALLEL);
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 99) throw new SqlError(ErrorCodes.sqlCompilation, "42601", "SQL compilation error:\nInvalid value specified for property 'PARALLEL'");
    return {
      command: "UPLOAD",
      src_locations: [uri.replace(/^file:\/\//i, "")],
      stageInfo: { locationType: "LOCAL_FS", location: path.join(filesDirectory(stage, true)!, ...reference.path.split("/").filter(Boolean)), path: `${stage.name.toLowerCase()}/${reference.path}`, region: null, creds: {} },
      // PUT docs defaults: AUTO_COMPRESS TRUE, SOURCE_COMPRESSION AUTO_DETECT, OVERWRITE FALSE, PARALLEL 4. The driver
      // compares sourceCompression with 'auto_detect' in lower case (file_transfer_agent.js processFileCompressionType).
      // OVERWRITE = FALSE cannot skip an existing file here: LOCAL_FS copies whatever the answer says (local_util.js).
      autoCompress: booleanOption(options, "AUTO_COMPRESS", true),
      sourceCompression: (options.SOURCE_COMPRESSION ?? "AUTO_DETECT").toLowerCase(),
      overwrite: booleanOption(options, "OVERWRITE", false),
      parallel,
      queryId: randomUUID(),
    };
  });
}

/** REMOVE / RM (REMOVE docs): the files under the path (a prefix), filtered by PATTERN; answers name | result. */
export function removeCommand(sqlText: string, session: SessionFacts): ResultSet {
  return asStatementError(() => {
    const { args, options } = readFileCommand(sqlText, 1);
    const reference = parseStageReference(args[0]);
    const stage = findStage(reference, session);
    const matches = patternFilter(options.PATTERN);
    const removed = stagedFiles(stage).filter((file) => file.path.startsWith(reference.path) && matches(file));
    const directory = filesDirectory(stage, false);
    for (const file of removed) fs.rmSync(path.join(directory!, file.path));
    return { columns: [text("name"), text("result")], rows: removed.map((file) => [file.row.name, "removed"]), statementTypeId: DDL_TYPE_ID };
  });
}

/** Introduction to the SQL API, Limitations: "The PUT command" is not supported (the message is the emulator's). */
export function putOverSqlApi(): ResultSet {
  throw new SqlError(ErrorCodes.sqlCompilation, "0A000", "SQL compilation error:\nPUT is not supported by the SQL API; run it through a Snowflake driver (PUT uploads a file from the client).");
}
