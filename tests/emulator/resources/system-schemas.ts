// The schemas every database starts with (CREATE DATABASE docs: PUBLIC and INFORMATION_SCHEMA).
import {
  INFORMATION_SCHEMA,
  INFORMATION_SCHEMA_COMMENT,
  PUBLIC_SCHEMA,
  SchemaDefaults,
  type ObjectKind,
} from "../defaults";
import type { SchemaRecord } from "../state";

export function initialSchemas(databaseKind: ObjectKind, createdOn: Date): Map<string, SchemaRecord> {
  const schema = (name: string, systemOwned: boolean, comment?: string): SchemaRecord => ({
    name,
    // Transient database docs: schemas in a transient database are transient.
    kind: databaseKind,
    comment,
    managedAccess: SchemaDefaults.managed_access,
    parameters: {},
    createdOn,
    systemOwned,
  });
  return new Map([
    [INFORMATION_SCHEMA, schema(INFORMATION_SCHEMA, true, INFORMATION_SCHEMA_COMMENT)],
    [PUBLIC_SCHEMA, schema(PUBLIC_SCHEMA, false)],
  ]);
}
