// Sequences (sequence.yaml; CREATE / ALTER SEQUENCE docs): START fixed at creation, INCREMENT any non-zero value,
// ORDER can become NOORDER but not back; NOORDER_SEQUENCE_AS_DEFAULT (default TRUE) makes new sequences NOORDER.
import * as wire from "../../../provider/wire/sequence";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { keywordClause } from "../sql/clauses";

export const sequenceKind: ObjectKind = {
  spec: "sequence",
  model: "Sequence",
  objectType: "Sequence",
  sqlType: "SEQUENCE",
  parameterLevel: "SEQUENCE",
  collection: "sequences",
  scope: "schema",
  wire: { strict: wire.SequenceStrict, properties: wire.Sequence_PROPERTIES, readOnly: wire.Sequence_READ_ONLY, writeOnly: wire.Sequence_WRITE_ONLY },
  defaults: { start: 1, increment: 1, ordered: false },
  accept(values, { existing }) {
    if (values.increment === 0) throw badRequest("SQL compilation error:\nSequence increment must not be zero.");
    // ALTER SEQUENCE docs: "If a sequence is set to NOORDER, you cannot change the sequence to ORDER."
    if (existing && existing.values.ordered !== true && values.ordered === true) throw badRequest("SQL compilation error:\nA NOORDER sequence cannot be changed to ORDER.");
    return values;
  },
  sqlProperties: {
    INCREMENT: { wire: "increment", value: "integer" },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  sqlClauses: [
    keywordClause(["SET", "ORDER"], (values) => ({ ...values, ordered: true })),
    keywordClause(["SET", "NOORDER"], (values) => ({ ...values, ordered: false })),
  ],
};
