// network-policy.yaml components/schemas/NetworkPolicy: an account object. No PUT: ALTER NETWORK POLICY ... SET
// { ALLOWED_NETWORK_RULE_LIST | BLOCKED_NETWORK_RULE_LIST | ALLOWED_IP_LIST | BLOCKED_IP_LIST } = ( ... ),
// COMMENT = '...', UNSET COMMENT and RENAME TO (ALTER NETWORK POLICY docs), so every change -- also of a policy
// that is the account's or a user's -- is made in place; only a new name renames it. The lists are sets.
import { defineResource } from "../engine/define";
import { qualifiedNameKind } from "../engine/kinds/names";
import { ipv4RangeKind, stringSetKind } from "../engine/kinds/network";
import { keyword, sql } from "../sql/sql-text";
import * as wire from "../wire/network-policy";
import { commentField, field, nameField, ownershipOutputs } from "./common";

const ruleList = stringSetKind(qualifiedNameKind(3, { exactly: true, what: "a network rule" }), "network rules as DB.SCHEMA.RULE");
const ipList = stringSetKind(ipv4RangeKind(), "IPv4 addresses or CIDR ranges");

/** A list property of the statement: SET <LIST> = ( ... ); the statement has no UNSET for it, so removal sets ( ). */
function listField(wireName: string, kind: typeof ruleList, doc: string) {
  const property = wireName.toUpperCase();
  return field(wireName, kind, doc, { sql: { property, unset: sql`SET ${keyword(property)} = ()` } });
}

export const networkPolicy = defineResource({
  typeName: "NetworkPolicy",
  noun: "network policy",
  doc: "A network policy: which network identifiers may reach the account or a user (REST: /api/v2/network-policies). Changed in place, even while attached; deleting one still attached to the account or a user fails with where it is attached.",
  collectionPath: "/api/v2/network-policies",
  changes: "sql",
  sqlObjectType: "NETWORK POLICY",
  rename: "sql",
  tags: true,
  fields: {
    name: nameField("network policy"),
    allowedNetworkRuleList: listField("allowed_network_rule_list", ruleList, "Network rules (`DB.SCHEMA.RULE`, e.g. a NetworkRule's fullyQualifiedName) whose identifiers are allowed; a set."),
    blockedNetworkRuleList: listField("blocked_network_rule_list", ruleList, "Network rules (`DB.SCHEMA.RULE`) whose identifiers are blocked; a set."),
    allowedIpList: listField("allowed_ip_list", ipList, "IPv4 addresses or CIDR ranges allowed (unset: all, unless rules say otherwise); a set."),
    blockedIpList: listField("blocked_ip_list", ipList, "IPv4 addresses or CIDR ranges blocked; a set."),
    comment: commentField("network policy"),
  },
  outputs: ownershipOutputs("network policy"),
  // DROP NETWORK POLICY docs: a policy that is the account's or a user's cannot be dropped (the error names where
  // it is attached); it must be unset there first.
  deleteRefusal: {
    pattern: /attached to|associated with/i,
    advice: "Unset it where it is attached first (ALTER ACCOUNT UNSET NETWORK_POLICY, or ALTER USER <name> UNSET NETWORK_POLICY), or keep the resource.",
  },
  wire: { schema: wire.NetworkPolicy, properties: wire.NetworkPolicy_PROPERTIES, readOnly: wire.NetworkPolicy_READ_ONLY },
});
