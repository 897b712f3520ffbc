// Streams (stream.yaml; CREATE / ALTER STREAM and SHOW STREAMS docs). A stream records changes of its source from
// an offset; ALTER STREAM changes only the comment. CREATE OR REPLACE STREAM s ... AT(STREAM => 's') keeps the
// old stream's offset ("to retain the current offset of the stream after it is recreated").
import * as wire from "../../../provider/wire/stream";
import { CatalogObject, collectionOf, displayName } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest, referenceMissing } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { schemaPath } from "./shared";

// stream.yaml StreamSource.src_type -> the collection the source lives in.
const SOURCES: Record<string, string> = { table: "tables", view: "views", stage: "stages" };
// SHOW STREAMS docs: a stream becomes stale when its offset falls outside the source's retention; 14 days is
// MAX_DATA_EXTENSION_TIME_IN_DAYS's default.
const STALE_AFTER_DAYS = 14;

let clock = 0;
/** Offsets as a counter of table versions: a new stream starts "now". */
const now = () => ++clock;

interface Source { src_type: string; name: string; database_name?: string; schema_name?: string; append_only?: boolean; insert_only?: boolean; show_initial_rows?: boolean; point_of_time?: Record<string, string> }

function resolveSource(source: Source, parentNames: [string, string], account: AccountState): CatalogObject {
  const database = source.database_name ? parseIdentifier(source.database_name, "stream_source.database_name") : parentNames[0];
  const schema = source.schema_name ? parseIdentifier(source.schema_name, "stream_source.schema_name") : parentNames[1];
  const name = parseIdentifier(source.name, "stream_source.name");
  const collection = SOURCES[source.src_type];
  // CREATE STREAM docs: streams on external tables need an external table; the emulator has none.
  if (!collection) throw badRequest(`SQL compilation error:\nStreams on ${source.src_type} sources are not emulated.`);
  const found = collectionOf(findSchema(account, database, schema), collection).get(name);
  if (!found) throw referenceMissing([database, schema, name].map(formatIdentifier).join("."));
  return found;
}

export const streamKind: ObjectKind = {
  spec: "stream",
  model: "Stream",
  objectType: "Stream",
  sqlType: "STREAM",
  parameterLevel: "STREAM",
  collection: "streams",
  scope: "schema",
  wire: { strict: wire.StreamStrict, properties: wire.Stream_PROPERTIES, readOnly: wire.Stream_READ_ONLY, writeOnly: wire.Stream_WRITE_ONLY },
  accept(values, { account, parent }) {
    const source = values.stream_source as Source;
    const target = resolveSource(source, schemaPath(parent), account);
    // CREATE STREAM docs: APPEND_ONLY "Only supported for streams on standard tables or streams on views";
    // INSERT_ONLY is for external tables; a stream on a stage tracks its directory table, which must be enabled.
    if (source.append_only && !["table", "view"].includes(source.src_type)) throw badRequest("SQL compilation error:\nAPPEND_ONLY is only supported for streams on tables and views.");
    if (source.src_type === "stage" && (target.values.directory_table as { enable?: boolean } | undefined)?.enable !== true) {
      throw badRequest(`SQL compilation error:\nStage '${displayName(target)}' has no directory table; a stream on a stage needs one.`);
    }
    const [database, schema] = schemaPath(target.parent);
    return { ...values, stream_source: { ...source, name: target.name, database_name: database, schema_name: schema } };
  },
  created(object, { account }, replaced) {
    const source = object.values.stream_source as Source;
    const pointOfTime = source.point_of_time;
    const target = resolveSource(source, schemaPath(object.parent), account);
    if (pointOfTime?.point_of_time_type === "stream") {
      const name = parseIdentifier(pointOfTime.stream, "point_of_time.stream");
      const other = name === object.name ? undefined : collectionOf(object.parent, "streams").get(name);
      const offset = name === object.name ? replaced?.facts.offset : other?.facts.offset;
      if (offset === undefined) throw badRequest(`SQL compilation error:\nStream '${formatIdentifier(name)}' does not exist or not authorized.`);
      object.facts.offset = offset;
    } else object.facts.offset = now();
    delete (object.values.stream_source as Source).point_of_time;
    // CREATE STREAM docs: creating a stream on a table turns on change tracking for that table.
    if (source.src_type === "table") target.values.change_tracking = true;
  },
  sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
  render(object) {
    const source = object.values.stream_source as Source;
    const staleAfter = new Date(object.createdOn.getTime() + STALE_AFTER_DAYS * 86400_000);
    return {
      stream_source: { ...source, name: formatIdentifier(source.name), ...(source.database_name && { database_name: formatIdentifier(source.database_name) }), ...(source.schema_name && { schema_name: formatIdentifier(source.schema_name) }) },
      mode: source.append_only ? "APPEND_ONLY" : source.insert_only ? "INSERT_ONLY" : "DEFAULT",
      stale: false,
      stale_after: staleAfter.toISOString(),
      // SHOW STREAMS docs: type is "currently DELTA only"; invalid_reason "currently, the only value returned is N/A".
      type: "DELTA",
      invalid_reason: "N/A",
      // stream.yaml Stream.table_name is an Identifier: the source's own name.
      table_name: formatIdentifier(source.name),
    };
  },
};
