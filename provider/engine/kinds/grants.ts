// Field kinds of grants: privilege sets, securable types and securable names. Grants are where other Snowflake
// tools show perpetual diffs (`"MODIFY"` vs `MODIFY`, `ALL PRIVILEGES` never converging, DATABASE ROLE vs
// DATABASE_ROLE; ../shared/reference/snowflake-iac-landscape.md), so every spelling is normalized here, once.
import { literal, qualifiedIdentifier } from "../../sql/sql-text";
import { FieldKind, noSql } from "../field-kind";
import { canonicalIdentifier, splitQualifiedName, storedName } from "../identifiers";
import { enumType } from "./scalars";
import { canonicalPrivilege, canonicalTypeName, SECURABLE_TYPES, securableType, SecurableType } from "./securables";

/** A set of privileges: order, case and repeated spaces do not matter; `ALL PRIVILEGES` is ALL. */
export function privilegeSetKind(): FieldKind {
  const canonical = (value: unknown) => (Array.isArray(value) ? [...new Set(value.map((item) => (typeof item === "string" ? canonicalPrivilege(item) : item)))].sort() : value);
  return {
    shape: { list: { primitive: "string" } },
    expected: "a list of privilege names, e.g. [\"SELECT\", \"INSERT\"] or [\"ALL\"]",
    problem: (value) => (!Array.isArray(value) ? "not a list" : value.some((item) => typeof item !== "string" || item.trim() === "") ? "every privilege must be a non-empty string" : undefined),
    canonical,
    toWire: canonical,
    fromWire: canonical,
    toSql: noSql("privilege"),
  };
}

const TYPE_NAMES = [...SECURABLE_TYPES.keys()];

/** A securable type in SQL spelling; `dynamic_table` and `Dynamic Table` are accepted too. */
export function securableTypeKind(types: readonly string[] = TYPE_NAMES, what = "SecurableType"): FieldKind {
  const type = enumType(what, "Object types privileges are granted on, in SQL spelling (`DYNAMIC TABLE`); `_` for spaces and any case are accepted.", types);
  return {
    shape: { enumType: type },
    expected: `one of ${types.join(", ")} (any case, _ for spaces)`,
    problem: (value) => (typeof value === "string" && types.includes(canonicalTypeName(value)) ? undefined : "not a securable type Snowflake grants privileges on"),
    canonical: (value) => (typeof value === "string" ? canonicalTypeName(value) : value),
    toWire: (value) => (typeof value === "string" ? canonicalTypeName(value) : value),
    fromWire: (value) => (typeof value === "string" ? canonicalTypeName(value) : value),
    toSql: (value) => literal(canonicalTypeName(String(value))),
  };
}

/** `db."My Schema".t` -> its stored parts [DB, My Schema, T]; undefined when it is not a qualified name. */
export function parseSecurableName(text: string): string[] | undefined {
  return splitQualifiedName(text.trim())?.map(storedName);
}

/** The canonical text of a securable name (`DB.S.T`, quoted where needed). */
export function formatSecurableName(parts: string[]): string {
  return parts.map((part) => canonicalIdentifier(`"${part.replace(/"/g, '""')}"`)).join(".");
}

const NAME_FORMS: Record<number, string> = { 1: "NAME", 2: "DB.SCHEMA", 3: "DB.SCHEMA.NAME" };

/** Why `text` is not a name of an object of `type`, or undefined. */
export function securableNameProblem(type: SecurableType, text: unknown): string | undefined {
  if (type.level === "none") return text === undefined || text === null ? undefined : `${type.name} has no name; leave securableName out`;
  if (typeof text !== "string") return `a ${type.name} grant needs securableName`;
  const parts = parseSecurableName(text);
  if (!parts) return `${JSON.stringify(text)} is not a qualified name; quote parts that need it`;
  const wanted = type.level === "account" ? 1 : type.level === "database" ? 2 : 3;
  if (parts.length !== wanted) return `a ${type.name} is named by ${wanted} dot-separated identifiers (${NAME_FORMS[wanted]}), not ${JSON.stringify(text)}`;
  return undefined;
}

/** A securable's (qualified) name, compared by stored parts. */
export function securableNameKind(): FieldKind {
  const canonical = (value: unknown) => {
    const parts = typeof value === "string" ? parseSecurableName(value) : undefined;
    return parts ? formatSecurableName(parts) : value;
  };
  return {
    shape: { primitive: "string" },
    expected: "the object's name, qualified as its type needs (NAME, DB.SCHEMA or DB.SCHEMA.NAME)",
    problem: (value) => (typeof value === "string" && parseSecurableName(value) ? undefined : "not a qualified name"),
    canonical,
    toWire: canonical,
    fromWire: canonical,
    toSql: (value) => qualifiedIdentifier(parseSecurableName(String(value)) ?? [String(value)]),
  };
}

export { securableType };
