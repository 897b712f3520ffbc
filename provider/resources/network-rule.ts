// network-rule.yaml components/schemas/NetworkRule. No PUT: ALTER NETWORK RULE ... SET VALUE_LIST = ( ... ),
// COMMENT = '...' and UNSET { VALUE_LIST | COMMENT } (ALTER NETWORK RULE docs); TYPE and MODE are fixed at
// creation (ALTER has neither), and there is no RENAME, so a change of any of them is a new rule.
import { Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { ipv4Problem, stringSetKind } from "../engine/kinds/network";
import { choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import * as wire from "../wire/network-rule";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

// CREATE NETWORK RULE docs: TYPE = { IPV4 | AWSVPCEID | AZURELINKID | GCPPSCID | HOST_PORT | PRIVATE_HOST_PORT },
// MODE = { INGRESS | INTERNAL_STAGE | EGRESS } (default INGRESS).
const RULE_TYPE = enumType("NetworkRuleType", "What the rule's values identify: IPv4 ranges, private endpoint ids, or hosts with ports.", ["IPV4", "AWSVPCEID", "AZURELINKID", "GCPPSCID", "HOST_PORT", "PRIVATE_HOST_PORT"]);
const RULE_MODE = enumType("NetworkRuleMode", "The direction of traffic the rule applies to.", ["INGRESS", "INTERNAL_STAGE", "EGRESS"]);

// CREATE NETWORK RULE docs, per mode: INGRESS takes IPV4 and the private endpoint ids, INTERNAL_STAGE only
// AWSVPCEID, EGRESS the hosts (HOST_PORT, PRIVATE_HOST_PORT). Other pairs are refused by Snowflake.
export const TYPES_BY_MODE: Record<string, readonly string[]> = {
  INGRESS: ["IPV4", "AWSVPCEID", "AZURELINKID", "GCPPSCID"],
  INTERNAL_STAGE: ["AWSVPCEID"],
  EGRESS: ["HOST_PORT", "PRIVATE_HOST_PORT"],
};
// Domain names are case-insensitive (RFC 4343), so host values compare in lower case; ids and addresses as written.
const HOST_TYPES = ["HOST_PORT", "PRIVATE_HOST_PORT"];

const upper = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : value);

function ruleProblems(properties: Properties): { property: string; reason: string }[] {
  const type = upper(properties.type);
  const mode = upper(properties.mode ?? "INGRESS");
  const problems: { property: string; reason: string }[] = [];
  if (typeof type === "string" && typeof mode === "string" && TYPES_BY_MODE[mode] && !TYPES_BY_MODE[mode].includes(type)) {
    problems.push({ property: "mode", reason: `mode ${mode} does not take type ${type} (it takes ${TYPES_BY_MODE[mode].join(", ")})` });
  }
  // ALTER NETWORK RULE docs: "When TYPE = IPV4, each value must be a valid IPv4 address or range of addresses."
  if (type === "IPV4" && Array.isArray(properties.valueList)) {
    for (const value of properties.valueList) {
      const problem = typeof value === "string" ? ipv4Problem(value) : undefined;
      if (problem) problems.push({ property: "valueList", reason: problem });
    }
  }
  return problems;
}

export const networkRule = defineResource({
  typeName: "NetworkRule",
  noun: "network rule",
  doc: "A network rule: a set of network identifiers (IPv4 ranges, private endpoints, hosts) that network policies and external access integrations refer to (REST: .../schemas/{schema}/network-rules).",
  collectionPath: schemaObjectPath("network-rules"),
  changes: "sql",
  sqlObjectType: "NETWORK RULE",
  fields: {
    ...schemaObjectIdentity("network rule"),
    type: field("type", choiceKind(RULE_TYPE), "What the values are: IPV4, AWSVPCEID, AZURELINKID, GCPPSCID, HOST_PORT or PRIVATE_HOST_PORT. A change means a new rule.", { required: true, immutable: true }),
    mode: field("mode", choiceKind(RULE_MODE), "INGRESS (default), INTERNAL_STAGE or EGRESS. A change means a new rule.", { immutable: true, serverDefault: "INGRESS" }),
    valueList: field("value_list", stringSetKind(textKind(), "network identifiers"), "The identifiers, as a set: IPv4 addresses or CIDR ranges, endpoint ids, or `host[:port]` (hosts compared case-insensitively).", { sql: { property: "VALUE_LIST" } }),
    comment: commentField("network rule"),
  },
  outputs: ownershipOutputs("network rule"),
  // A rule a network policy names cannot be dropped (as users report it, littleK0i/SnowDDL#130).
  deleteRefusal: { pattern: /associated with|attached to|referenced by/i, advice: "Remove it from the network policy's rule lists first." },
  comparable: (properties) => (HOST_TYPES.includes(String(upper(properties.type))) && Array.isArray(properties.valueList)
    ? { ...properties, valueList: properties.valueList.map((value) => (typeof value === "string" ? value.toLowerCase() : value)) }
    : properties),
  crossChecks: ruleProblems,
  wire: { schema: wire.NetworkRule, properties: wire.NetworkRule_PROPERTIES, readOnly: wire.NetworkRule_READ_ONLY },
});
