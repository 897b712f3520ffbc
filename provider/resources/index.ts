// Every resource type the package manages, by Pulumi type name.
import { ResourceDefinition } from "../engine/definition";
import { alert } from "./alert";
import { database } from "./database";
import { databaseRole } from "./database-role";
import { dynamicTable } from "./dynamic-table";
import { eventTable } from "./event-table";
import { userDefinedFunction } from "./function";
import { networkPolicy } from "./network-policy";
import { networkRule } from "./network-rule";
import { pipe } from "./pipe";
import { procedure } from "./procedure";
import { role } from "./role";
import { schema } from "./schema";
import { sequence } from "./sequence";
import { serviceFunction } from "./service-function";
import { stage } from "./stage";
import { stageFile } from "./stage-file";
import { stream } from "./stream";
import { table } from "./table";
import { tag } from "./tag";
import { task } from "./task";
import { taskRun } from "./task-run";
import { view } from "./view";
import { warehouse } from "./warehouse";

export const resourceDefinitions: Record<string, ResourceDefinition> = Object.fromEntries(
  [warehouse, database, schema, table, eventTable, dynamicTable, view, stream, stage, stageFile, pipe, alert, sequence, tag, task, taskRun, userDefinedFunction, serviceFunction, procedure, networkRule, networkPolicy, role, databaseRole].map((definition) => [definition.typeName, definition])
);
