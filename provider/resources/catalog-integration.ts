// catalog-integration.yaml components/schemas/CatalogIntegration: an account object through which Iceberg tables
// use an external catalog: AWS Glue, object storage (metadata files), or Snowflake Open Catalog (POLARIS, an
// Iceberg REST catalog with OAuth). Its `catalog` is one of Glue / ObjectStore / Polaris, chosen by
// catalog_source; the properties are flat inputs (wire paths into it), checked per source before anything is sent.
// - No PUT, and ALTER CATALOG INTEGRATION (docs) changes only the REST credential (SET REST_AUTHENTICATION =
//   ( OAUTH_CLIENT_SECRET = '...' )), REFRESH_INTERVAL_SECONDS and COMMENT, with no UNSET. Everything else is
//   fixed at creation: a change means a new integration (and DROP CATALOG INTEGRATION docs: one that Iceberg
//   tables use cannot be dropped or replaced).
// - Not offered: ICEBERG_REST sources and bearer-token authentication (CREATE CATALOG INTEGRATION (Apache Iceberg
//   REST) docs) and REFRESH_INTERVAL_SECONDS: catalog-integration.yaml's model has none of them.
import { defineResource } from "../engine/define";
import { secretTextKind } from "../engine/kinds/credentials";
import { stringSetKind } from "../engine/kinds/network";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { variantChecks, variantRequiredRemoved } from "../engine/variants";
import { secretLiteral, sql } from "../sql/sql-text";
import * as wire from "../wire/catalog-integration";
import { CLEAR_COMMENT, commentField, field, nameField, output } from "./common";
import { icebergTablesNaming, objectsUsing } from "./object-usage";

const CATALOG_SOURCE = enumType("CatalogSource", "Where the Iceberg catalog lives.", ["GLUE", "OBJECT_STORE", "POLARIS"]);
const TABLE_FORMAT = enumType("CatalogTableFormat", "The table format of the catalog's tables.", ["ICEBERG"]);
const REST_AUTHENTICATION_TYPE = enumType("CatalogRestAuthenticationType", "How Snowflake authenticates to a REST catalog.", ["OAUTH"]);

// catalog-integration.yaml Glue / ObjectStore / Polaris (+ RestConfig, OAuth): what each source requires.
const VARIANTS = {
  GLUE: { required: ["glueAwsRoleArn", "glueCatalogId", "catalogNamespace"], optional: ["glueRegion"] },
  OBJECT_STORE: {},
  POLARIS: { required: ["catalogNamespace", "restCatalogUri", "restWarehouse", "oauthClientId", "oauthClientSecret", "oauthAllowedScopes"], optional: ["restAuthenticationType"] },
};

const inCatalog = (path: string) => `catalog.${path}`;
const fixed = (path: string, doc: string, kind = textKind()) => field(inCatalog(path), kind, `${doc} A change means a new integration.`, { immutable: true });

export const catalogIntegration = defineResource({
  typeName: "CatalogIntegration",
  noun: "catalog integration",
  doc: "A catalog integration: lets Iceberg tables use AWS Glue, metadata files in object storage, or Snowflake Open Catalog (Polaris) as their catalog (REST: /api/v2/catalog-integrations). Only the OAuth client secret and the comment change in place.",
  collectionPath: "/api/v2/catalog-integrations",
  changes: "sql",
  sqlObjectType: "CATALOG INTEGRATION",
  tags: true,
  fields: {
    name: nameField("catalog integration"),
    catalogSource: { ...fixed("catalog_source", "GLUE, OBJECT_STORE or POLARIS: which inputs apply.", choiceKind(CATALOG_SOURCE)), required: true },
    tableFormat: field("table_format", choiceKind(TABLE_FORMAT), "ICEBERG (the only format the REST API offers; default).", { immutable: true, serverDefault: "ICEBERG" }),
    catalogNamespace: fixed("catalog_namespace", "GLUE, POLARIS: the default namespace (Glue database) of the tables."),
    glueAwsRoleArn: fixed("glue_aws_role_arn", "GLUE: the IAM role Snowflake assumes to read the Glue catalog."),
    glueCatalogId: fixed("glue_catalog_id", "GLUE: the AWS account id of the Glue catalog."),
    glueRegion: fixed("glue_region", "GLUE: the catalog's AWS region, needed when the Snowflake account is not on AWS."),
    restCatalogUri: fixed("rest_config.catalog_uri", "POLARIS: the catalog's endpoint, e.g. `https://<account>.snowflakecomputing.com/polaris/api/catalog`."),
    restWarehouse: fixed("rest_config.warehouse", "POLARIS: the name of the catalog in Open Catalog."),
    restAuthenticationType: fixed("rest_authentication.type", "POLARIS: OAUTH (the only type the REST API offers; filled in for POLARIS).", choiceKind(REST_AUTHENTICATION_TYPE)),
    oauthClientId: fixed("rest_authentication.oauth_client_id", "POLARIS: the client id of the Open Catalog service connection."),
    oauthClientSecret: field(inCatalog("rest_authentication.oauth_client_secret"), secretTextKind(), "POLARIS: the client secret of the service connection. Secret: stored only encrypted in state and never returned by Snowflake, so only a declared change is applied (ALTER CATALOG INTEGRATION ... SET REST_AUTHENTICATION).", {
      writeOnly: true, secret: true, sql: { set: (value) => sql`SET REST_AUTHENTICATION = (OAUTH_CLIENT_SECRET = ${secretLiteral(String(value))})` },
    }),
    oauthAllowedScopes: fixed("rest_authentication.oauth_allowed_scopes", "POLARIS: the OAuth scopes, e.g. `PRINCIPAL_ROLE:ALL`; a set.", stringSetKind(textKind(), "OAuth scopes")),
    enabled: field("enabled", booleanKind(), "Whether new Iceberg tables may use the integration and existing ones reach the catalog. Default true. ALTER CATALOG INTEGRATION cannot change it: a change means a new integration.", { immutable: true, serverDefault: true }),
    comment: commentField("catalog integration", { sql: CLEAR_COMMENT }),
  },
  // catalog-integration.yaml requires table_format and enabled; CREATE CATALOG INTEGRATION docs: ENABLED defaults to TRUE.
  bodyDefaults: { table_format: "ICEBERG", enabled: true },
  derive: (news) => ({ values: String(news.catalogSource ?? "").toUpperCase() === "POLARIS" && news.restAuthenticationType === undefined ? { restAuthenticationType: "OAUTH" } : {}, failures: [] }),
  outputs: {
    type: output("type", textKind(), "The integration's type (CATALOG)."),
    category: output("category", textKind(), "The integration's category (CATALOG)."),
    createdOn: output("created_on", textKind(), "When the catalog integration was created (ISO 8601)."),
  },
  crossChecks: variantChecks("catalogSource", VARIANTS),
  replacedBy: variantRequiredRemoved(VARIANTS),
  usedBy: objectsUsing(icebergTablesNaming("catalog_name")),
  deleteRefusal: { pattern: /iceberg table|in use|associated/i, advice: "Drop the Iceberg tables that use it first." },
  wire: { schema: wire.CatalogIntegration, properties: wire.CatalogIntegration_PROPERTIES, readOnly: wire.CatalogIntegration_READ_ONLY },
});
