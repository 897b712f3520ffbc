// Files in internal stages. REST API v2 only lists them (stage.yaml listFiles, "equivalent to LIST @stage"), so:
// - read: the file's row of GET .../stages/{stage}/files;
// - create: PUT through snowflake-sdk (the SQL API does not run PUT; "Introduction to the SQL API", Limitations),
//   of a copy named like the target (PUT keeps the local file's name and takes a directory as target);
// - delete: REMOVE over the SQL API, with a PATTERN so that no file whose name merely starts with this one goes too
//   (REMOVE docs: the path is a prefix).
// Snowflake encrypts internal stage files, so LIST's md5 is not the local file's (SnowDDL docs, "STAGE FILE"): what
// the listing said right after the upload is the reference a refresh compares against.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { z } from "zod";
import { ConflictError, NotFoundError } from "../../client/errors";
import { executeSql } from "../../client/sql-api";
import { executeThroughDriver } from "../../connection/driver-statements";
import { isSnowflakeSdkInstalled, snowflakeSdkMissingMessage } from "../../connection/snowflake-sdk-loader";
import { literal, qualifiedIdentifier, sql, SqlText } from "../../sql/sql-text";
import * as wire from "../../wire/stage";
import { ObjectAccess, Properties } from "../definition";
import { qualifiedName, storedName } from "../identifiers";
import { exactPathPattern, stagePathProblem } from "../kinds/stage-paths";
import { LiveObject, withoutNulls } from "../mapper";
import type { ObjectApi } from "../object-api";
import { isUnknown, UNKNOWN } from "../unknowns";

const PURPOSE = "uploading a stage file (PUT)";
/** The content hash a refresh records when the staged file is no longer what was uploaded: the next up uploads again. */
export const CHANGED_IN_STAGE = "changed in the stage outside Pulumi";

/** The snapshot: the listing's row (stage.yaml StageFile) with the file's place and the hash of what was uploaded. */
export const StageFileSnapshot = z.strictObject({
  database_name: z.string(), schema_name: z.string(), stage_name: z.string(), path: z.string(), stage_location: z.string(),
  name: z.string(), size: z.number(), md5: z.string().optional(), last_modified: z.string().optional(), content_sha256: z.string().optional(),
});
export const STAGE_FILE_PROPERTIES = Object.keys(StageFileSnapshot.shape).concat("source");
export const STAGE_FILE_READ_ONLY = ["name", "size", "md5", "last_modified", "stage_location"];

const stageParts = (properties: Properties) => [properties.database, properties.schema, properties.stage].map(String);
const sqlStage = (properties: Properties) => qualifiedIdentifier(stageParts(properties).map(storedName));

/** `@DB.S.STAGE/procs/trunc.py`: how SQL (an IMPORTS clause) names the file. */
export function stageLocation(properties: Properties): string {
  return `@${qualifiedName(stageParts(properties))}/${String(properties.path)}`;
}

/** A location for PUT / REMOVE: '@"DB"."S"."STAGE"/dir', quoted so any stage name survives (PUT docs). */
function locationLiteral(properties: Properties, inside: string): SqlText {
  return literal(`@${sqlStage(properties).text}${inside ? `/${inside}` : ""}`);
}

function sha256(content: Buffer): string {
  return crypto.createHash("sha256").update(content).digest("hex");
}

/** `source` is relative to the program's working directory (where Pulumi runs the provider too). */
function readSource(source: unknown): { file: string; content?: Buffer; problem?: string } {
  const file = path.resolve(String(source));
  try {
    if (!fs.statSync(file).isFile()) return { file, problem: "is not a file" };
    return { file, content: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, problem: code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (error as Error).message})` };
  }
}

/**
 * Check time: the content hash of the local file (so a changed file is a replacement at preview) and the default
 * path (its base name). A content change deletes the old file before the new one is uploaded, so an upload that
 * cannot happen -- no snowflake-sdk -- is refused here, before anything is deleted.
 */
export function deriveStageFile(news: Properties, olds: Properties): { values: Properties; failures: { property: string; reason: string }[] } {
  if (isUnknown(news.source)) return { values: { contentHash: UNKNOWN, ...(news.path === undefined ? { path: UNKNOWN } : {}) }, failures: [] };
  const { file, content, problem } = readSource(news.source);
  if (!content) return { values: {}, failures: [{ property: "source", reason: `${JSON.stringify(news.source)} (${file}) ${problem}; give a file path relative to the program's directory, or an absolute one` }] };
  const values: Properties = { contentHash: sha256(content), path: news.path ?? path.basename(file) };
  const failures = [];
  const pathProblem = news.path === undefined ? stagePathProblem(String(values.path)) : undefined;
  if (pathProblem) failures.push({ property: "path", reason: `the file's name ${JSON.stringify(values.path)} cannot be the path in the stage (${pathProblem}); set path` });
  if (olds.contentHash !== values.contentHash && !isSnowflakeSdkInstalled()) failures.push({ property: "source", reason: snowflakeSdkMissingMessage(`${PURPOSE} ${file}`) });
  return { values, failures };
}

async function listedRow(api: ObjectApi, properties: Properties): Promise<z.infer<typeof wire.StageFile> | undefined> {
  const listPath = api.collectionPath(properties);
  let body: unknown;
  try {
    // The pattern narrows the answer; the row is picked exactly below, whatever string Snowflake matches it against.
    body = (await api.client.request({ method: "GET", path: listPath, query: { pattern: exactPathPattern(String(properties.path)) } })).body;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined; // the stage (or its schema) is gone, and its files with it
    throw error;
  }
  const parsed = z.array(wire.StageFile).safeParse(Array.isArray(body) ? body.map(withoutNulls) : body);
  if (!parsed.success) throw new Error(`Snowflake answered GET ${listPath} with a listing that does not match the REST API model: ${parsed.error.message}`);
  // LIST prints `<stage name in lower case>/<path>` (Snowpark's FileOperation docs: 'mystage/prefix1/testCSV.csv.gz').
  const prefix = `${storedName(String(properties.stage)).toLowerCase()}/`;
  return parsed.data.find((row) => row.name?.toLowerCase().startsWith(prefix) && row.name.slice(prefix.length) === properties.path);
}

async function fetchFile(api: ObjectApi, properties: Properties): Promise<LiveObject | undefined> {
  const row = await listedRow(api, properties);
  if (!row?.name) return undefined;
  const size = Number(row.size);
  // What the listing said after the upload is in state (md5, size); right after the upload there is nothing to
  // compare yet, and the file is the one just put.
  const asUploaded = properties.md5 === undefined || (row.md5 === properties.md5 && size === properties.size);
  const snapshot = {
    database_name: String(properties.database), schema_name: String(properties.schema), stage_name: String(properties.stage),
    path: String(properties.path), stage_location: stageLocation(properties),
    name: row.name, size, md5: row.md5, last_modified: row.last_modified,
    content_sha256: asUploaded ? (properties.contentHash as string | undefined) : CHANGED_IN_STAGE,
  };
  return { snapshot: StageFileSnapshot.parse(snapshot) };
}

/** PUT uploads only to internal stages (PUT docs); say so before anything is sent, rather than relay error 091003. */
async function requireInternalStage(api: ObjectApi, properties: Properties): Promise<void> {
  const stagePath = api.collectionPath(properties).replace(/\/files$/, "");
  let stage: { url?: unknown } | undefined;
  try {
    stage = (await api.client.request<{ url?: unknown }>({ method: "GET", path: stagePath })).body;
  } catch (error) {
    if (error instanceof NotFoundError) throw new Error(`cannot upload ${api.describe(properties)}: stage ${qualifiedName(stageParts(properties))} does not exist`);
    throw error;
  }
  if (typeof stage?.url === "string" && stage.url !== "") {
    throw new Error(`cannot upload ${api.describe(properties)}: stage ${qualifiedName(stageParts(properties))} is external (url ${stage.url}), and PUT uploads only to internal stages; upload to ${stage.url} with your cloud's tools instead`);
  }
}

async function createFile(api: ObjectApi, properties: Properties): Promise<void> {
  const { file, content, problem } = readSource(properties.source);
  if (!content) throw new Error(`cannot upload ${api.describe(properties)}: source ${file} ${problem}`);
  // The bytes uploaded are the bytes hashed: a file edited since the check would not match the state's hash.
  if (sha256(content) !== properties.contentHash) throw new Error(`cannot upload ${api.describe(properties)}: ${file} changed after its hash was computed at check; run up again`);
  await requireInternalStage(api, properties);
  if (properties.adoptExisting !== true && (await listedRow(api, properties))) {
    throw new ConflictError({ status: 409, message: `a file is already staged at ${stageLocation(properties)}`, method: "GET", path: api.collectionPath(properties) });
  }
  const target = String(properties.path);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "snowflake-put-"));
  try {
    const copy = path.join(directory, path.posix.basename(target));
    fs.writeFileSync(copy, content);
    // AUTO_COMPRESS = FALSE keeps the name and bytes (imports and specs are read as they are); OVERWRITE = TRUE
    // because adopting or re-uploading replaces what is there (PUT docs: otherwise an existing file is skipped).
    const put = sql`PUT ${literal(`file://${copy}`)} ${locationLiteral(properties, path.posix.dirname(target).replace(/^\.$/, ""))} AUTO_COMPRESS = FALSE OVERWRITE = TRUE`;
    const rows = await executeThroughDriver(api.client, put, `${PURPOSE} of ${file} to ${stageLocation(properties)}`);
    const status = rows[0]?.status;
    if (status !== "UPLOADED") throw new Error(`PUT of ${file} to ${stageLocation(properties)} answered status ${String(status)}${rows[0]?.message ? `: ${String(rows[0].message)}` : ""}`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function deleteFile(api: ObjectApi, properties: Properties): Promise<void> {
  if (!(await listedRow(api, properties))) return;
  const target = String(properties.path);
  await executeSql(api.client, sql`REMOVE ${locationLiteral(properties, target)} PATTERN = ${literal(exactPathPattern(target))}`);
}

export const stageFileAccess: ObjectAccess = {
  apis: ["REST", "SQL API", "snowflake-sdk"],
  qualifiedName: stageLocation,
  fetch: fetchFile,
  create: createFile,
  delete: deleteFile,
};
