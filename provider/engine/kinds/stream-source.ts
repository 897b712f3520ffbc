// What a stream is on (stream.yaml StreamSource: src_type table | external_table | view | stage, with the source's
// name, database and schema). Each source type is its own property (onTable, onView, ...), all written to the one
// wire object `stream_source`, and each reads back only when the stream is on that type of source.
import { FieldKind } from "../field-kind";
import { identifierFor, qualifiedName } from "../identifiers";
import { qualifiedNameKind, storedParts } from "./names";

interface WireSource {
  src_type?: string;
  name?: string;
  database_name?: string;
  schema_name?: string;
}

export function streamSourceKind(sourceType: "table" | "external_table" | "view" | "stage", what: string): FieldKind {
  const name = qualifiedNameKind(3, { exactly: true, what });
  return {
    ...name,
    toWire: (value) => {
      const [database, schema, object] = storedParts(String(value));
      return { src_type: sourceType, name: identifierFor(object), database_name: identifierFor(database), schema_name: identifierFor(schema) };
    },
    fromWire: (value) => {
      const source = value as WireSource | undefined;
      if (!source || typeof source !== "object" || source.src_type?.toLowerCase() !== sourceType || !source.name) return undefined;
      return qualifiedName([source.database_name ?? "", source.schema_name ?? "", source.name]);
    },
  };
}
