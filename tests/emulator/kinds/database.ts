// Databases (database.yaml; CREATE DATABASE docs: a new database has PUBLIC and INFORMATION_SCHEMA schemas).
import * as wire from "../../../provider/wire/database";
import { collectionOf, newObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { INFORMATION_SCHEMA, INFORMATION_SCHEMA_COMMENT, PUBLIC_SCHEMA } from "../defaults";
import { inheritedParameter } from "../catalog/catalog";
import { checkObjectParameters, checkRetention, OBJECT_PARAMETERS, optionsText, requestedKind } from "./shared";
import { schemaKind } from "./schema";

export const databaseKind: ObjectKind = {
  spec: "database",
  model: "Database",
  objectType: "Database",
  sqlType: "DATABASE",
  parameterLevel: "DATABASE",
  collection: "databases",
  scope: "account",
  wire: { strict: wire.DatabaseStrict, properties: wire.Database_PROPERTIES, readOnly: wire.Database_READ_ONLY, writeOnly: wire.Database_WRITE_ONLY },
  // database.yaml Database.kind: default PERMANENT.
  defaults: { kind: "PERMANENT" },
  parameters: OBJECT_PARAMETERS,
  fixedOnAlter: { kind: "kind is fixed at creation (recreate the object instead)" },
  accept(values, { query }) {
    values.kind = requestedKind(databaseKind, values, query) ?? "PERMANENT";
    checkRetention(databaseKind, values, values.kind as string);
    checkObjectParameters(databaseKind, values);
    return values;
  },
  created(object) {
    // CREATE DATABASE docs: creating a database also creates its PUBLIC and INFORMATION_SCHEMA schemas; in a
    // transient database they are transient too.
    const schemas = collectionOf(object, "schemas");
    const kind = object.values.kind;
    const information = newObject(schemaKind, INFORMATION_SCHEMA, object, { kind, comment: INFORMATION_SCHEMA_COMMENT });
    information.facts.systemOwned = true;
    schemas.set(INFORMATION_SCHEMA, information);
    schemas.set(PUBLIC_SCHEMA, newObject(schemaKind, PUBLIC_SCHEMA, object, { kind }));
  },
  render(object) {
    return {
      is_default: false,
      is_current: false,
      // SHOW DATABASES: origin is empty unless the database comes from a share.
      origin: "",
      options: optionsText(object.values.kind),
      retention_time: inheritedParameter(object, "data_retention_time_in_days").value,
    };
  },
};
