// Network rules (network-rule.yaml; CREATE / ALTER / DROP NETWORK RULE docs): a schema object holding a set of
// network identifiers of one TYPE, for one MODE. ALTER sets or unsets VALUE_LIST and COMMENT only.
import * as wire from "../../../provider/wire/network-rule";
import { CatalogObject, collectionOf, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest } from "../errors";
import { formatIdentifier } from "../identifiers";
import { checkEnum } from "../rest/body";
import type { AccountState } from "../state";

// CREATE NETWORK RULE docs: TYPE = { IPV4 | AWSVPCEID | AZURELINKID | GCPPSCID | HOST_PORT | PRIVATE_HOST_PORT },
// MODE = { INGRESS | INTERNAL_STAGE | EGRESS }, MODE defaulting to INGRESS.
const TYPES = ["IPV4", "AWSVPCEID", "AZURELINKID", "GCPPSCID", "HOST_PORT", "PRIVATE_HOST_PORT"];
// CREATE NETWORK RULE docs, per mode: INGRESS with IPV4 or a private endpoint id, INTERNAL_STAGE with AWSVPCEID
// only, EGRESS with HOST_PORT or PRIVATE_HOST_PORT. (Newer modes -- POSTGRES_* -- and IPV4 egress are not hosted.)
const TYPES_BY_MODE: Record<string, string[]> = {
  INGRESS: ["IPV4", "AWSVPCEID", "AZURELINKID", "GCPPSCID"],
  INTERNAL_STAGE: ["AWSVPCEID"],
  EGRESS: ["HOST_PORT", "PRIVATE_HOST_PORT"],
};
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
/** An IPv4 address or CIDR range (CREATE NETWORK POLICY / NETWORK RULE docs). */
export const IPV4_RANGE = new RegExp(`^${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?\\d))?$`);
// ALTER NETWORK RULE docs: HOST_PORT values are a domain with an optional port or port range (1-65535; 0 means
// all ports); a single * wildcard is allowed in one subdomain level.
const HOST_PORT = /^[A-Za-z0-9*]([A-Za-z0-9*-]*[A-Za-z0-9*])?(\.[A-Za-z0-9*]([A-Za-z0-9*-]*[A-Za-z0-9*])?)*(:(\d{1,5})(-\d{1,5})?)?$/;

function invalidValue(value: string, type: string): ApiError {
  // The error text Snowflake gives is not documented; this one names the value and the type.
  return badRequest(`SQL compilation error:\nInvalid value '${value}' for network rule of type ${type}.`);
}

function checkValue(value: string, type: string): void {
  if (type === "IPV4" && !IPV4_RANGE.test(value)) throw invalidValue(value, type);
  if (type === "HOST_PORT" || type === "PRIVATE_HOST_PORT") {
    const match = HOST_PORT.exec(value);
    const ports = match?.[4] ? [Number(match[5]), ...(match[6] ? [Number(match[6].slice(1))] : [])] : [];
    if (!match || ports.some((port) => port > 65535)) throw invalidValue(value, type);
  }
}

/** The policies (by name) whose rule lists name this rule. */
export function policiesReferring(account: AccountState, rule: CatalogObject): string[] {
  const qualified = ruleQualifiedName(rule);
  return [...collectionOf(account.catalog, "network-policies").values()]
    .filter((policy) => ["allowed_network_rule_list", "blocked_network_rule_list"].some((list) => ((policy.values[list] as string[] | undefined) ?? []).includes(qualified)))
    .map((policy) => policy.name);
}

/** The rule's name as policies store it: DB.SCHEMA.RULE, each part formatted. */
export function ruleQualifiedName(rule: CatalogObject): string {
  const schema = rule.parent as CatalogObject;
  const database = schema.parent as CatalogObject;
  return [database.name, schema.name, rule.name].map(formatIdentifier).join(".");
}

export const networkRuleKind: ObjectKind = {
  spec: "network-rule",
  model: "NetworkRule",
  objectType: "Network rule",
  sqlType: "NETWORK RULE",
  parameterLevel: "NETWORK RULE",
  collection: "network-rules",
  scope: "schema",
  wire: { strict: wire.NetworkRuleStrict, properties: wire.NetworkRule_PROPERTIES, readOnly: wire.NetworkRule_READ_ONLY, writeOnly: wire.NetworkRule_WRITE_ONLY },
  defaults: { mode: "INGRESS" },
  accept(values: WireValues, { existing }) {
    const type = checkEnum(networkRuleKind, "type", values.type, TYPES)!;
    const mode = checkEnum(networkRuleKind, "mode", values.mode ?? "INGRESS", Object.keys(TYPES_BY_MODE))!;
    if (!TYPES_BY_MODE[mode].includes(type)) throw badRequest(`SQL compilation error:\nNetwork rule of type ${type} cannot have mode ${mode}.`);
    // ALTER NETWORK RULE docs: TYPE and MODE cannot be altered (the statement has neither).
    if (existing && (existing.values.type !== type || existing.values.mode !== mode)) throw badRequest("SQL compilation error:\nThe TYPE and MODE of a network rule cannot be changed.");
    for (const value of (values.value_list as string[] | undefined) ?? []) checkValue(value, type);
    return { ...values, type, mode };
  },
  sqlProperties: {
    VALUE_LIST: { wire: "value_list", value: "stringList", unset: true },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  // A rule a network policy names cannot be dropped (as users report, e.g. littleK0i/SnowDDL#130: "it is not
  // possible to drop a rule if it is connected to a network policy"); the exact error text is not confirmed.
  beforeDrop(rule, { account }) {
    const policies = policiesReferring(account, rule);
    if (policies.length) throw badRequest(`SQL execution error:\nNetwork rule '${ruleQualifiedName(rule)}' cannot be dropped because it is associated with network policy ${policies.join(", ")}.`);
  },
};
