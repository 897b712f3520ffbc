// Catalog integrations (catalog-integration.yaml; CREATE CATALOG INTEGRATION (AWS Glue / object storage / Snowflake
// Open Catalog) and ALTER CATALOG INTEGRATION docs): an account object whose `catalog` is a Glue, ObjectStore or
// Polaris model (the strict model checks each). The OAuth client secret is kept, never returned.
import * as wire from "../../../provider/wire/catalog-integration";
import type { WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { applyValues, AlterClause } from "../sql/alter";
import { integrationBasics } from "./integrations";

const catalogOf = (values: WireValues) => values.catalog as WireValues;

// ALTER CATALOG INTEGRATION docs: SET REST_AUTHENTICATION = ( OAUTH_CLIENT_SECRET = '<secret>' ) -- the only
// credential change (BEARER_TOKEN is for Iceberg REST sources, which the REST model does not have).
const restAuthenticationClause: AlterClause = {
  read(stream) {
    if (!stream.accept("SET", "REST_AUTHENTICATION")) return undefined;
    stream.expectSymbol("=");
    stream.expectSymbol("(");
    if (!stream.accept("OAUTH_CLIENT_SECRET")) throw stream.unexpected(stream.next());
    stream.expectSymbol("=");
    const secret = stream.string();
    stream.expectSymbol(")");
    return (object, context) => {
      const catalog = catalogOf(object.values);
      const authentication = catalog.rest_authentication as WireValues | undefined;
      if (!authentication) throw badRequest(`SQL compilation error:\nREST_AUTHENTICATION applies to REST catalogs only; ${object.name} has CATALOG_SOURCE ${String(catalog.catalog_source)}.`);
      applyValues(object, { ...object.values, catalog: { ...catalog, rest_authentication: { ...authentication, oauth_client_secret: secret } } }, context);
    };
  },
};

export const catalogIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "catalog-integration",
  model: "CatalogIntegration",
  sqlType: "CATALOG INTEGRATION",
  parameterLevel: "CATALOG INTEGRATION",
  collection: "catalog-integrations",
  wire: { strict: wire.CatalogIntegrationStrict, properties: wire.CatalogIntegration_PROPERTIES, readOnly: wire.CatalogIntegration_READ_ONLY, writeOnly: wire.CatalogIntegration_WRITE_ONLY },
  accept(values) {
    // OAuth.oauth_client_secret is write-only in the generated model (never returned) but required in requests.
    const authentication = catalogOf(values).rest_authentication as WireValues | undefined;
    if (authentication && authentication.oauth_client_secret === undefined) throw badRequest("Missing required field 'catalog.rest_authentication.oauth_client_secret' in CatalogIntegration.");
    return values;
  },
  render(object) {
    // SHOW CATALOG INTEGRATIONS docs: type and category are always CATALOG. The client secret is never shown
    // (DESCRIBE's rest_authentication leaves it out; not confirmed whether it masks it instead).
    const catalog = catalogOf(object.values);
    const authentication = catalog.rest_authentication as WireValues | undefined;
    const { oauth_client_secret: _secret, ...shown } = authentication ?? {};
    return { type: "CATALOG", category: "CATALOG", catalog: authentication ? { ...catalog, rest_authentication: shown } : catalog };
  },
  // ALTER CATALOG INTEGRATION docs: SET COMMENT (and REFRESH_INTERVAL_SECONDS, not in the REST model); no UNSET.
  sqlProperties: { COMMENT: { wire: "comment", value: "string" } },
  sqlClauses: [restAuthenticationClause],
};
