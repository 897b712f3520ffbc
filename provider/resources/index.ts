// Every resource type the package manages, by Pulumi type name.
import { ResourceDefinition } from "../engine/definition";
import { database } from "./database";
import { schema } from "./schema";
import { warehouse } from "./warehouse";

export const resourceDefinitions: Record<string, ResourceDefinition> = {
  [warehouse.typeName]: warehouse,
  [database.typeName]: database,
  [schema.typeName]: schema,
};
