// Every resource type the package manages, by Pulumi type name. Each definition's module is loaded when the type
// is first used, so a provider host serving one type does not load the other types' definitions and wire models
// (start-up time: the dynamic-provider host loads this package for every resource operation's first call).
/* eslint-disable @typescript-eslint/no-require-imports */
import { ResourceDefinition } from "../engine/definition";

const DEFINITION_MODULES: Record<string, () => ResourceDefinition> = {
  Warehouse: () => require("./warehouse").warehouse,
  Database: () => require("./database").database,
  Schema: () => require("./schema").schema,
  Table: () => require("./table").table,
  EventTable: () => require("./event-table").eventTable,
  DynamicTable: () => require("./dynamic-table").dynamicTable,
  View: () => require("./view").view,
  Stream: () => require("./stream").stream,
  Stage: () => require("./stage").stage,
  StageFile: () => require("./stage-file").stageFile,
  Pipe: () => require("./pipe").pipe,
  Alert: () => require("./alert").alert,
  Sequence: () => require("./sequence").sequence,
  Tag: () => require("./tag").tag,
  ImageRepository: () => require("./image-repository").imageRepository,
  Task: () => require("./task").task,
  TaskRun: () => require("./task-run").taskRun,
  Function: () => require("./function").userDefinedFunction,
  ServiceFunction: () => require("./service-function").serviceFunction,
  Procedure: () => require("./procedure").procedure,
  NetworkRule: () => require("./network-rule").networkRule,
  NetworkPolicy: () => require("./network-policy").networkPolicy,
  Role: () => require("./role").role,
  DatabaseRole: () => require("./database-role").databaseRole,
  PasswordPolicy: () => require("./password-policy").passwordPolicy,
  User: () => require("./user").user,
  Grant: () => require("./grant").grant,
  GrantOnAll: () => require("./bulk-grants").grantOnAll,
  FutureGrant: () => require("./bulk-grants").futureGrant,
  RoleGrant: () => require("./role-grants").roleGrant,
  DatabaseRoleGrant: () => require("./role-grants").databaseRoleGrant,
  OwnershipGrant: () => require("./ownership-grant").ownershipGrant,
  ComputePool: () => require("./compute-pool").computePool,
  Service: () => require("./service").service,
  ApiIntegration: () => require("./api-integration").apiIntegration,
  Secret: () => require("./secret").secret,
  NotificationIntegration: () => require("./notification-integration").notificationIntegration,
  ExternalVolume: () => require("./external-volume").externalVolume,
  CatalogIntegration: () => require("./catalog-integration").catalogIntegration,
  CortexSearchService: () => require("./cortex-search-service").cortexSearchService,
  Notebook: () => require("./notebook").notebook,
  Account: () => require("./accounts").account,
  ManagedAccount: () => require("./accounts").managedAccount,
  IcebergTable: () => require("./iceberg-table").icebergTable,
  Streamlit: () => require("./streamlit").streamlit,
  ArtifactRepository: () => require("./artifact-repository").artifactRepository,
  ResourceMonitor: () => require("./resource-monitor").resourceMonitor,
  FileFormat: () => require("./file-format").fileFormat,
  MaskingPolicy: () => require("./policies").maskingPolicy,
  RowAccessPolicy: () => require("./policies").rowAccessPolicy,
  StorageIntegration: () => require("./integrations-sql").storageIntegration,
  ExternalAccessIntegration: () => require("./integrations-sql").externalAccessIntegration,
  SecurityIntegration: () => require("./security-integration").securityIntegration,
  Share: () => require("./share").share,
};

function load(typeName: string): ResourceDefinition {
  const definition = DEFINITION_MODULES[typeName]();
  if (definition.typeName !== typeName) throw new Error(`provider/resources/index.ts lists ${definition.typeName} as ${typeName}`);
  return definition;
}

/** Every definition by type name; reading one loads its module only (Object.values loads them all). */
export const resourceDefinitions: Record<string, ResourceDefinition> = Object.defineProperties({}, Object.fromEntries(
  Object.keys(DEFINITION_MODULES).map((typeName) => [typeName, { enumerable: true, get: () => load(typeName) }])));
