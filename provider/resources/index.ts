// Every resource type the package manages, by Pulumi type name.
import { ResourceDefinition } from "../engine/definition";
import { alert } from "./alert";
import { database } from "./database";
import { dynamicTable } from "./dynamic-table";
import { eventTable } from "./event-table";
import { pipe } from "./pipe";
import { schema } from "./schema";
import { sequence } from "./sequence";
import { stage } from "./stage";
import { stream } from "./stream";
import { table } from "./table";
import { tag } from "./tag";
import { view } from "./view";
import { warehouse } from "./warehouse";

export const resourceDefinitions: Record<string, ResourceDefinition> = Object.fromEntries(
  [warehouse, database, schema, table, eventTable, dynamicTable, view, stream, stage, pipe, alert, sequence, tag].map((definition) => [definition.typeName, definition])
);
