import { ResourceDefinition } from "../engine/definition";
import { choice, identifier } from "../engine/fields";
import * as wire from "../wire/database";
import { CONTAINER_KINDS, containerParameters } from "./container-parameters";

// database.yaml components/schemas/Database.
export const database: ResourceDefinition = {
  typeName: "Database",
  noun: "database",
  collectionPath: "/api/v2/databases",
  createOrAlter: true,
  fields: {
    name: identifier("name", { identity: "name" }),
    // CREATE OR ALTER cannot turn a transient database into a permanent one or back.
    kind: choice("kind", CONTAINER_KINDS, {}, { immutable: true, serverDefault: "PERMANENT" }),
    ...containerParameters,
  },
  outputs: { owner: "owner", createdOn: "created_on" },
  wireModel: wire.Database,
  readOnlyWire: wire.Database_READ_ONLY,
};
