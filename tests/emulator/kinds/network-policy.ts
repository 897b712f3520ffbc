// Network policies (network-policy.yaml; CREATE / ALTER / DROP NETWORK POLICY docs): an account object listing
// allowed and blocked IPv4 ranges and network rules. ALTER sets the four lists and the comment, unsets only the
// comment, and renames. A policy that is the account's (ALTER ACCOUNT SET NETWORK_POLICY; here the test hook
// setAccountParameter("network_policy", name)) cannot be dropped.
import * as wire from "../../../provider/wire/network-policy";
import { collectionOf, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, referenceMissing } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import { TokenStream } from "../sql/token-stream";
import type { AccountState } from "../state";
import { IPV4_RANGE, ruleQualifiedName } from "./network-rule";

const IP_LISTS = ["allowed_ip_list", "blocked_ip_list"];
const RULE_LISTS = ["allowed_network_rule_list", "blocked_network_rule_list"];
// Network policies docs: a policy uses rules of mode INGRESS or INTERNAL_STAGE (EGRESS rules are for external
// access integrations).
const POLICY_RULE_MODES = ["INGRESS", "INTERNAL_STAGE"];

/** A rule a policy names must exist; it is stored as DB.SCHEMA.RULE (SHOW / DESCRIBE show qualified names). */
function resolveRule(account: AccountState, text: string): string {
  let parts: string[];
  try {
    const stream = new TokenStream(text);
    parts = stream.qualifiedName();
    stream.expectEnd();
  } catch {
    throw badRequest(`SQL compilation error:\nInvalid network rule name '${text}'.`);
  }
  // The REST API has no current schema, so a rule must be named DB.SCHEMA.RULE here (not confirmed for SQL sessions).
  if (parts.length !== 3) throw referenceMissing(text, "Network rule");
  let rule;
  try {
    rule = collectionOf(findSchema(account, parts[0], parts[1]), "network-rules").get(parts[2]);
  } catch {
    rule = undefined;
  }
  if (!rule) throw referenceMissing(parts.map(formatIdentifier).join("."), "Network rule");
  if (!POLICY_RULE_MODES.includes(String(rule.values.mode))) {
    throw badRequest(`SQL compilation error:\nNetwork rule '${ruleQualifiedName(rule)}' has mode ${rule.values.mode}; a network policy takes rules of mode ${POLICY_RULE_MODES.join(" or ")}.`);
  }
  return ruleQualifiedName(rule);
}

/**
 * Where a policy is attached: the account's NETWORK_POLICY parameter, and users whose `network_policy` names it
 * (user.yaml has the property; users are objects of the "users" collection, kinds/user.ts).
 */
export function attachmentsOf(account: AccountState, name: string): string[] {
  const names = (value: unknown) => typeof value === "string" && (value === name || value.toUpperCase() === name);
  const users = [...(account.catalog.children.get("users")?.values() ?? [])].filter((user) => names(user.values.network_policy));
  return [...(names(account.catalog.parameters.network_policy) ? [`account ${account.name}`] : []), ...users.map((user) => `user ${formatIdentifier(user.name)}`)];
}

export const networkPolicyKind: ObjectKind = {
  spec: "network-policy",
  model: "NetworkPolicy",
  objectType: "Network policy",
  sqlType: "NETWORK POLICY",
  parameterLevel: "NETWORK POLICY",
  collection: "network-policies",
  scope: "account",
  wire: { strict: wire.NetworkPolicyStrict, properties: wire.NetworkPolicy_PROPERTIES, readOnly: wire.NetworkPolicy_READ_ONLY, writeOnly: wire.NetworkPolicy_WRITE_ONLY },
  accept(values: WireValues, { account }) {
    const accepted = { ...values };
    // CREATE NETWORK POLICY docs: the IP lists hold IPv4 addresses or CIDR ranges.
    for (const list of IP_LISTS) {
      for (const ip of (values[list] as string[] | undefined) ?? []) {
        if (!IPV4_RANGE.test(ip.trim())) throw badRequest(`SQL compilation error:\ninvalid IP address '${ip}' in ${list.toUpperCase()}`);
      }
    }
    for (const list of RULE_LISTS) {
      if (values[list] !== undefined) accepted[list] = (values[list] as string[]).map((rule) => resolveRule(account, rule));
    }
    return accepted;
  },
  sqlProperties: {
    ALLOWED_IP_LIST: { wire: "allowed_ip_list", value: "stringList" },
    BLOCKED_IP_LIST: { wire: "blocked_ip_list", value: "stringList" },
    ALLOWED_NETWORK_RULE_LIST: { wire: "allowed_network_rule_list", value: "stringList" },
    BLOCKED_NETWORK_RULE_LIST: { wire: "blocked_network_rule_list", value: "stringList" },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  // DROP NETWORK POLICY docs: a policy currently associated with the account or a user cannot be dropped; it
  // must be unset first. The error code and exact text are not documented: this one says where it is attached.
  beforeDrop(policy, { account }) {
    const attached = attachmentsOf(account, policy.name);
    if (attached.length) {
      throw new ApiError(400, "003160", `SQL execution error:\nNetwork policy ${formatIdentifier(policy.name)} cannot be dropped because it is attached to ${attached.join(", ")}.`);
    }
  },
};
