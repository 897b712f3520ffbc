// External volumes (external-volume.yaml; CREATE / ALTER EXTERNAL VOLUME docs): an account object listing named
// storage locations on S3, S3GOV, GCS or Azure (the strict model checks each provider's properties).
import * as wire from "../../../provider/wire/external-volume";
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { AlterClause, applyValues } from "../sql/alter";
import { readOptionList } from "../sql/clauses";
import { icebergTablesUsing } from "./iceberg-table";
import { awsExternalId } from "./integrations";
import type { AccountState } from "../state";

// CREATE EXTERNAL VOLUME docs: STORAGE_BASE_URL is 's3://<bucket>[/<path>/]' (S3), 's3gov://...' (S3GOV),
// 'gcs://...' (GCS) or 'azure://<account>.blob.core.windows.net/<container>[/<path>/]' (AZURE).
const URL_SCHEMES: Record<string, string> = { S3: "s3://", S3GOV: "s3gov://", GCS: "gcs://", AZURE: "azure://" };
// ENCRYPTION = ( TYPE = 'AWS_SSE_S3' | 'AWS_SSE_KMS' | 'NONE' ) for S3, ( TYPE = 'GCS_SSE_KMS' | 'NONE' ) for GCS.
const ENCRYPTIONS: Record<string, string[]> = { S3: ["NONE", "AWS_SSE_S3", "AWS_SSE_KMS"], S3GOV: ["NONE", "AWS_SSE_S3", "AWS_SSE_KMS"], GCS: ["NONE", "GCS_SSE_KMS"] };

function checkLocations(values: WireValues, account: AccountState): WireValues[] {
  const locations = values.storage_locations as WireValues[];
  if (!locations.length) throw badRequest("SQL compilation error:\nAn external volume needs at least one storage location.");
  const names = new Set<string>();
  return locations.map((location) => {
    const name = String(location.name);
    if (names.has(name)) throw badRequest(`SQL compilation error:\nStorage location '${name}' is given twice in external volume ${String(values.name)}.`);
    names.add(name);
    const provider = String(location.storage_provider);
    if (!String(location.storage_base_url).toLowerCase().startsWith(URL_SCHEMES[provider])) {
      throw badRequest(`SQL compilation error:\nInvalid STORAGE_BASE_URL '${location.storage_base_url}' for STORAGE_PROVIDER ${provider}: it must start with ${URL_SCHEMES[provider]}.`);
    }
    const encryption = (location.encryption as WireValues | undefined)?.type;
    if (encryption !== undefined && !(ENCRYPTIONS[provider] ?? []).includes(String(encryption))) {
      throw badRequest(`SQL compilation error:\nEncryption type ${encryption} is not supported for STORAGE_PROVIDER ${provider}.`);
    }
    const aws = provider === "S3" || provider === "S3GOV";
    return aws && location.storage_aws_external_id === undefined ? { ...location, storage_aws_external_id: awsExternalId(account, `${String(values.name)}/${name}`) } : location;
  });
}

const locationsOf = (object: CatalogObject) => object.values.storage_locations as WireValues[];

// ALTER EXTERNAL VOLUME docs: ADD STORAGE_LOCATION = ( ... ) and REMOVE STORAGE_LOCATION '<name>'.
const locationClauses: AlterClause[] = [
  {
    read(stream) {
      if (!stream.accept("ADD", "STORAGE_LOCATION")) return undefined;
      stream.expectSymbol("=");
      const location = readOptionList(stream);
      return (object, context) => {
        const parsed = wire.StorageLocationStrict.safeParse(location);
        if (!parsed.success) throw badRequest(`SQL compilation error:\ninvalid STORAGE_LOCATION: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}`);
        applyValues(object, { ...object.values, storage_locations: [...locationsOf(object), location] }, context);
      };
    },
  },
  {
    read(stream) {
      if (!stream.accept("REMOVE", "STORAGE_LOCATION")) return undefined;
      const name = stream.string();
      return (object, context) => {
        if (!locationsOf(object).some((location) => location.name === name)) throw badRequest(`SQL compilation error:\nStorage location '${name}' does not exist in external volume ${object.name}.`);
        applyValues(object, { ...object.values, storage_locations: locationsOf(object).filter((location) => location.name !== name) }, context);
      };
    },
  },
];

export const externalVolumeKind: ObjectKind = {
  spec: "external-volume",
  model: "ExternalVolume",
  objectType: "External volume",
  sqlType: "EXTERNAL VOLUME",
  parameterLevel: "EXTERNAL VOLUME",
  collection: "external-volumes",
  scope: "account",
  wire: { strict: wire.ExternalVolumeStrict, properties: wire.ExternalVolume_PROPERTIES, readOnly: wire.ExternalVolume_READ_ONLY, writeOnly: wire.ExternalVolume_WRITE_ONLY },
  // CREATE EXTERNAL VOLUME docs: ALLOW_WRITES defaults to TRUE.
  defaults: { allow_writes: true },
  accept: (values, { account }) => ({ ...values, storage_locations: checkLocations(values, account) }),
  // ALTER EXTERNAL VOLUME docs: SET ALLOW_WRITES, SET COMMENT (no UNSET).
  sqlProperties: {
    ALLOW_WRITES: { wire: "allow_writes", value: "boolean" },
    COMMENT: { wire: "comment", value: "string" },
  },
  sqlClauses: locationClauses,
  // DROP EXTERNAL VOLUME docs: a volume Iceberg tables use cannot be dropped (the wording is not confirmed).
  beforeDrop(object, { account }) {
    const tables = icebergTablesUsing(account, "external_volume", object.name);
    if (tables.length) throw badRequest(`SQL compilation error:
Cannot drop external volume ${object.name}: it is in use by Iceberg table(s) ${tables.map((table) => table.name).join(", ")}.`);
  },
};
