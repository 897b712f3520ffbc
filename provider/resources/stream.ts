// stream.yaml components/schemas/Stream. ALTER STREAM can only change the comment (ALTER STREAM docs); other
// settings need CREATE OR REPLACE STREAM, which keeps the stream's offset when it starts AT(STREAM => itself)
// (CREATE STREAM docs: "to retain the current offset of the stream after it is recreated"). A new source loses
// the offset: that is a replacement, refused unless allowReplace.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { objectKind } from "../engine/kinds/structures";
import { streamSourceKind } from "../engine/kinds/stream-source";
import { canonicalIdentifier } from "../engine/identifiers";
import { isSet } from "../engine/field-kind";
import * as wire from "../wire/stream";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const REFERENCE = enumType("PointOfTimeReference", "AT includes the point in time, BEFORE starts just before it.", ["AT", "BEFORE"]);

const POINT_OF_TIME = objectKind({
  name: "StreamPointOfTime",
  doc: "Where a new stream starts reading, instead of now: one of timestamp, offset, statement or stream.",
  fields: {
    reference: field("reference", { ...choiceKind(REFERENCE), toWire: (value) => String(value).toLowerCase() }, "AT (default) or BEFORE.", { serverDefault: "AT" }),
    timestamp: field("timestamp", textKind(), "A timestamp expression, e.g. `TO_TIMESTAMP_TZ('2026-01-01 00:00:00 +00:00')`."),
    offset: field("offset", textKind(), "Seconds before now, e.g. `-3600`."),
    statement: field("statement", textKind(), "A query id: start at that statement."),
    stream: field("stream", identifierKind(), "Another stream: start at its offset."),
  },
}, {
  wireExtras: (value) => ({
    point_of_time_type: ["timestamp", "offset", "statement", "stream"].find((key) => isSet(value[key])),
    reference: String(value.reference ?? "AT").toLowerCase(),
  }),
  problem: (value) => (["timestamp", "offset", "statement", "stream"].filter((key) => isSet(value[key])).length === 1 ? undefined : "give exactly one of timestamp, offset, statement or stream"),
});

const SOURCES = ["onTable", "onView", "onStage", "onExternalTable"] as const;

export const stream = defineResource({
  typeName: "Stream",
  noun: "stream",
  doc: "A stream: change data capture on a table, view, stage (its directory table) or external table (REST: .../schemas/{schema}/streams).",
  collectionPath: schemaObjectPath("streams"),
  changes: "orReplace",
  copyGrants: true,
  sqlObjectType: "STREAM",
  tags: true,
  dataBearing: { loses: "its offset (the changes not yet consumed)" },
  fields: {
    ...schemaObjectIdentity("stream"),
    onTable: field("stream_source", streamSourceKind("table", "a table"), "The table the stream records changes of, as DB.SCHEMA.TABLE.", { immutable: true }),
    onView: field("stream_source", streamSourceKind("view", "a view"), "The view the stream records changes of, as DB.SCHEMA.VIEW.", { immutable: true }),
    onStage: field("stream_source", streamSourceKind("stage", "a stage"), "The stage whose directory table the stream records, as DB.SCHEMA.STAGE.", { immutable: true }),
    onExternalTable: field("stream_source", streamSourceKind("external_table", "an external table"), "The external table the stream records, as DB.SCHEMA.TABLE.", { immutable: true }),
    appendOnly: field("stream_source.append_only", booleanKind(), "Record inserts only (tables and views). Default false; changed keeping the offset.", { serverDefault: false }),
    insertOnly: field("stream_source.insert_only", booleanKind(), "Record inserts only; required for external tables. Default false; changed keeping the offset.", { serverDefault: false }),
    showInitialRows: field("stream_source.show_initial_rows", booleanKind(), "Return the rows already there on the first read.", { createOnly: true }),
    pointInTime: field("stream_source.point_of_time", POINT_OF_TIME, "Start at a point in the past (Time Travel) instead of now.", { createOnly: true }),
    comment: commentField("stream", { change: "sql" }),
  },
  outputs: {
    mode: output("mode", textKind(), "DEFAULT, APPEND_ONLY or INSERT_ONLY."),
    stale: output("stale", booleanKind(), "Whether the stream's offset is past its source's retention (it must be recreated)."),
    staleAfter: output("stale_after", textKind(), "When the stream becomes stale if not read."),
    ...ownershipOutputs("stream"),
  },
  crossChecks: (properties) => {
    const given = SOURCES.filter((key) => isSet(properties[key]));
    if (given.length !== 1) return [{ property: given[1] ?? "onTable", reason: `a stream is on exactly one source: give one of ${SOURCES.join(", ")} (given: ${given.join(", ") || "none"})` }];
    const failures = [];
    if (isSet(properties.appendOnly) && !["onTable", "onView"].includes(given[0])) failures.push({ property: "appendOnly", reason: "appendOnly applies to streams on tables and views" });
    if (isSet(properties.insertOnly) && given[0] !== "onExternalTable") failures.push({ property: "insertOnly", reason: "insertOnly applies to streams on external tables" });
    return failures;
  },
  // The in-place recreation starts where the stream itself stands: CREATE OR REPLACE STREAM s ... AT(STREAM => 's').
  orReplaceBody: (body, properties) => ({
    ...body,
    stream_source: { ...(body.stream_source as object), point_of_time: { point_of_time_type: "stream", reference: "at", stream: canonicalIdentifier(String(properties.name)) } },
  }),
  wire: { schema: wire.Stream, properties: wire.Stream_PROPERTIES, readOnly: wire.Stream_READ_ONLY },
});
