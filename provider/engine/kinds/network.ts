// Network identifier kinds: IPv4 addresses and CIDR ranges (network policies' IP lists, IPV4 network rules) and
// the parenthesised string lists ALTER NETWORK POLICY / ALTER NETWORK RULE take.
import { joinSql, literal, sql } from "../../sql/sql-text";
import { FieldKind } from "../field-kind";
import { listKind } from "./structures";
import { textKind } from "./scalars";

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// CREATE NETWORK POLICY docs: IPv4 addresses, "Snowflake supports ranges of IP addresses using Classless
// Inter-Domain Routing (CIDR) notation", e.g. 192.168.1.0/24. (IPv6 is not accepted here: not confirmed.)
export const IPV4_OR_CIDR = new RegExp(`^${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?\\d))?$`);
export const IPV4_WORDS = "an IPv4 address or CIDR range, e.g. 192.168.1.0/24";

/** Why `value` is not an IPv4 address or CIDR range, or undefined. */
export function ipv4Problem(value: string): string | undefined {
  return IPV4_OR_CIDR.test(value.trim()) ? undefined : `${JSON.stringify(value)} is not ${IPV4_WORDS}`;
}

export function ipv4RangeKind(): FieldKind {
  return { ...textKind({ pattern: IPV4_OR_CIDR, patternWords: IPV4_WORDS }), canonical: (value) => (typeof value === "string" ? value.trim() : value), meansUnset: undefined };
}

/**
 * A list Snowflake treats as a set (order carries no meaning), written in SQL as `( 'a', 'b' )`: the statements take
 * string literals even for network rule names (ALTER NETWORK POLICY docs: `( '<network_rule>' [ , ... ] )`).
 */
export function stringSetKind(item: FieldKind, itemWords: string): FieldKind {
  const base = listKind(item, { ordered: false, itemWords });
  return { ...base, toSql: (value) => sql`(${joinSql((value as unknown[]).map((element) => literal(String(item.toWire(element)))), ", ")})` };
}
