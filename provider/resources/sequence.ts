// sequence.yaml components/schemas/Sequence. ALTER SEQUENCE sets the increment, ORDER -> NOORDER and the comment
// (its only UNSET is COMMENT, so a removed increment is SET back to 1);
// the start never changes and NOORDER cannot become ORDER (ALTER SEQUENCE docs), so those replace the sequence,
// which then counts again from its start -- refused unless allowReplace.
import { defineResource } from "../engine/define";
import { booleanKind, integerKind } from "../engine/kinds/scalars";
import { keyword } from "../sql/sql-text";
import * as wire from "../wire/sequence";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const INT64 = 2 ** 63;

export const sequence = defineResource({
  typeName: "Sequence",
  noun: "sequence",
  doc: "A sequence of unique numbers (REST: .../schemas/{schema}/sequences).",
  collectionPath: schemaObjectPath("sequences"),
  changes: "sql",
  sqlObjectType: "SEQUENCE",
  rename: "restQuery",
  dataBearing: { loses: "its position (numbering would restart at start, repeating values already handed out)" },
  fields: {
    ...schemaObjectIdentity("sequence"),
    start: field("start", integerKind({ min: -INT64, max: INT64 - 1 }), "First value. Default 1. Fixed at creation.", { immutable: true, serverDefault: 1 }),
    increment: field("increment", integerKind({ min: -INT64, max: INT64 - 1 }), "Step between values (not 0). Default 1.", { serverDefault: 1, sql: { unset: "serverDefault" } }),
    // NOORDER_SEQUENCE_AS_DEFAULT defaults to TRUE (Parameters docs), so a new sequence is NOORDER.
    ordered: field("ordered", booleanKind(), "Hand out values in increasing order (ORDER). Default false (NOORDER); can be turned off, not on.", { serverDefault: false, sql: { set: (value) => keyword(value ? "SET ORDER" : "SET NOORDER"), unset: keyword("SET NOORDER") } }),
    comment: commentField("sequence"),
  },
  outputs: ownershipOutputs("sequence"),
  crossChecks: (properties) => (properties.increment === 0 ? [{ property: "increment", reason: "0 is not allowed; a sequence steps by a non-zero amount" }] : []),
  replacedBy: (olds, news) => (olds.ordered !== true && news.ordered === true ? ["ordered"] : []),
  wire: { schema: wire.Sequence, properties: wire.Sequence_PROPERTIES, readOnly: wire.Sequence_READ_ONLY },
});
