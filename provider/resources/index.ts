// Every resource type the package manages, by Pulumi type name.
import { ResourceDefinition } from "../engine/definition";
import { account, managedAccount } from "./accounts";
import { alert } from "./alert";
import { catalogIntegration } from "./catalog-integration";
import { apiIntegration } from "./api-integration";
import { artifactRepository } from "./artifact-repository";
import { computePool } from "./compute-pool";
import { cortexSearchService } from "./cortex-search-service";
import { futureGrant, grantOnAll } from "./bulk-grants";
import { grant } from "./grant";
import { databaseRoleGrant, roleGrant } from "./role-grants";
import { database } from "./database";
import { databaseRole } from "./database-role";
import { dynamicTable } from "./dynamic-table";
import { eventTable } from "./event-table";
import { externalVolume } from "./external-volume";
import { icebergTable } from "./iceberg-table";
import { imageRepository } from "./image-repository";
import { userDefinedFunction } from "./function";
import { networkPolicy } from "./network-policy";
import { networkRule } from "./network-rule";
import { notebook } from "./notebook";
import { notificationIntegration } from "./notification-integration";
import { ownershipGrant } from "./ownership-grant";
import { passwordPolicy } from "./password-policy";
import { pipe } from "./pipe";
import { procedure } from "./procedure";
import { role } from "./role";
import { schema } from "./schema";
import { secret } from "./secret";
import { sequence } from "./sequence";
import { service } from "./service";
import { serviceFunction } from "./service-function";
import { stage } from "./stage";
import { stageFile } from "./stage-file";
import { stream } from "./stream";
import { streamlit } from "./streamlit";
import { table } from "./table";
import { tag } from "./tag";
import { task } from "./task";
import { taskRun } from "./task-run";
import { user } from "./user";
import { view } from "./view";
import { warehouse } from "./warehouse";

export const resourceDefinitions: Record<string, ResourceDefinition> = Object.fromEntries(
  [warehouse, database, schema, table, eventTable, dynamicTable, view, stream, stage, stageFile, pipe, alert, sequence, tag, imageRepository, task, taskRun, userDefinedFunction, serviceFunction, procedure, networkRule, networkPolicy, role, databaseRole, passwordPolicy, user, grant, grantOnAll, futureGrant, roleGrant, databaseRoleGrant, ownershipGrant, computePool, service, apiIntegration, secret, notificationIntegration, externalVolume, catalogIntegration, cortexSearchService, notebook, account, managedAccount, icebergTable, streamlit, artifactRepository].map((definition) => [definition.typeName, definition])
);
