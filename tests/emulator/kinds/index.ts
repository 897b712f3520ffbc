// Every object kind the emulator hosts. Its REST routes come from its spec's operations; its SQL from its kind.
import type { ObjectKind } from "../catalog/object-kind";
import { accountKind, managedAccountKind } from "./accounts";
import { alertKind } from "./alert";
import { catalogIntegrationKind } from "./catalog-integration";
import { apiIntegrationKind } from "./api-integration";
import { computePoolKind } from "./compute-pool";
import { cortexSearchServiceKind } from "./cortex-search-service";
import { databaseKind } from "./database";
import { databaseRoleKind } from "./database-role";
import { dynamicTableKind } from "./dynamic-table";
import { eventTableKind } from "./event-table";
import { externalVolumeKind } from "./external-volume";
import { icebergTableKind } from "./iceberg-table";
import { imageRepositoryKind } from "./image-repository";
import { networkPolicyKind } from "./network-policy";
import { networkRuleKind } from "./network-rule";
import { notebookKind } from "./notebook";
import { notificationIntegrationKind } from "./notification-integration";
import { passwordPolicyKind } from "./password-policy";
import { pipeKind } from "./pipe";
import { procedureKind } from "./procedure";
import { roleKind } from "./role";
import { schemaKind } from "./schema";
import { secretKind } from "./secret";
import { sequenceKind } from "./sequence";
import { serviceKind } from "./service";
import { serviceFunctionKind } from "./service-function";
import { stageKind } from "./stage";
import { streamKind } from "./stream";
import { artifactRepositoryKind, streamlitKind } from "./streamlit";
import { tableKind } from "./table";
import { tagKind } from "./tag";
import { taskKind } from "./task";
import { userKind } from "./user";
import { userDefinedFunctionKind } from "./user-defined-function";
import { viewKind } from "./view";
import { warehouseKind } from "./warehouse";
import { resourceMonitorKind } from "./resource-monitor";
import { fileFormatKind } from "./file-format";
import { maskingPolicyKind, rowAccessPolicyKind } from "./policies";
import { externalAccessIntegrationKind, storageIntegrationKind } from "./integrations-sql";
import { securityIntegrationKind } from "./security-integration";
import { shareKind } from "./share";

export const OBJECT_KINDS: readonly ObjectKind[] = [
  warehouseKind, databaseKind, schemaKind, tableKind, eventTableKind, dynamicTableKind, viewKind, streamKind, stageKind, pipeKind, alertKind, sequenceKind, tagKind, imageRepositoryKind, taskKind,
  userDefinedFunctionKind, serviceFunctionKind, procedureKind, roleKind, databaseRoleKind,
  networkRuleKind, networkPolicyKind, passwordPolicyKind, userKind, computePoolKind, serviceKind,
  apiIntegrationKind, secretKind, notificationIntegrationKind, externalVolumeKind, catalogIntegrationKind, cortexSearchServiceKind, notebookKind,
  accountKind, managedAccountKind, icebergTableKind, streamlitKind, artifactRepositoryKind,
  // Reached only through SQL (no REST endpoints): sql/ddl.ts.
  resourceMonitorKind, fileFormatKind, maskingPolicyKind, rowAccessPolicyKind, storageIntegrationKind, externalAccessIntegrationKind, securityIntegrationKind, shareKind,
];
