import { ResourceDefinition } from "../engine/definition";
import { boolean, choice, identifier } from "../engine/fields";
import * as wire from "../wire/schema";
import { CONTAINER_KINDS, containerParameters } from "./container-parameters";

// schema.yaml components/schemas/Schema; lives in a database, so the database is part of its identity.
export const schema: ResourceDefinition = {
  typeName: "Schema",
  noun: "schema",
  collectionPath: "/api/v2/databases/{database}/schemas",
  createOrAlter: true,
  fields: {
    database: identifier("database_name", { identity: "parent", immutable: true }),
    name: identifier("name", { identity: "name" }),
    kind: choice("kind", CONTAINER_KINDS, {}, { immutable: true, serverDefault: "PERMANENT" }),
    managedAccess: boolean("managed_access", { serverDefault: false }),
    pipeExecutionPaused: boolean("pipe_execution_paused", { serverDefault: false }),
    ...containerParameters,
  },
  outputs: { owner: "owner", createdOn: "created_on" },
  wireModel: wire.Schema,
  readOnlyWire: wire.Schema_READ_ONLY,
};
