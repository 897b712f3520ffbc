// Name kinds: a Snowflake identifier, and a name qualified by its database and schema (`DB.SCHEMA.TAG`).
import { identifier, qualifiedIdentifier } from "../../sql/sql-text";
import { FieldKind } from "../field-kind";
import { canonicalIdentifier, identifierFor, identifierProblem, qualifiedName, splitQualifiedName, storedName } from "../identifiers";

const IDENTIFIER_WORDS = 'a Snowflake identifier: letters, digits, _ and $ not starting with a digit, or any text in double quotes ("my-name")';

/** An identifier, compared by the name Snowflake stores (case-insensitive unless quoted). */
export function identifierKind(): FieldKind {
  return {
    shape: { primitive: "string" },
    expected: IDENTIFIER_WORDS,
    problem: (value) => (typeof value !== "string" ? "not a string" : identifierProblem(value)),
    canonical: (value) => (typeof value === "string" ? storedName(value) : value),
    toWire: (value) => (typeof value === "string" ? canonicalIdentifier(value) : value),
    fromWire: (value) => value,
    toSql: (value) => identifier(storedName(String(value))),
  };
}

/**
 * A name with up to `parts` dot-separated identifiers, e.g. a tag as `DB.SCHEMA.TAG` (`exactly`: all of them).
 * Compared part by part by stored name.
 */
export function qualifiedNameKind(parts: number, options: { exactly?: boolean; what: string }): FieldKind {
  const words = options.exactly ? `${parts} dot-separated identifiers` : `1 to ${parts} dot-separated identifiers`;
  const split = (value: unknown) => (typeof value === "string" ? splitQualifiedName(value) : undefined);
  return {
    shape: { primitive: "string" },
    expected: `${options.what} as ${words} (e.g. ${["DB", "SCHEMA", "NAME"].slice(3 - parts).join(".")}); quote parts that need it`,
    problem: (value) => {
      if (typeof value !== "string") return "not a string";
      const found = split(value);
      if (!found) return "a part is not a valid identifier";
      if (found.length > parts || (options.exactly && found.length !== parts)) return `has ${found.length} parts`;
      return undefined;
    },
    canonical: (value) => split(value)?.map(storedName).join(".") ?? value,
    toWire: (value) => {
      const found = split(value);
      return found ? qualifiedName(found) : value;
    },
    fromWire: (value) => value,
    toSql: (value) => qualifiedIdentifier((split(value) ?? [String(value)]).map(storedName)),
  };
}

/** The stored parts of a qualified name value (for kinds that spread it over several wire properties). */
export function storedParts(value: string): string[] {
  return (splitQualifiedName(value) ?? [value]).map(storedName);
}

/**
 * An object in the same schema as the one declaring it (a task's predecessors and finalized root): `NAME`, or
 * `DB.SCHEMA.NAME` as Snowflake reports it. Compared by the object's own stored name (the definition checks the
 * schema); sent canonically, qualified as given.
 */
export function siblingNameKind(what: string): FieldKind {
  const qualified = qualifiedNameKind(3, { what });
  const ownName = (value: unknown) => (typeof value === "string" ? storedParts(value).pop() : value);
  return { ...qualified, expected: `${what} in the same schema, as NAME or DB.SCHEMA.NAME`, canonical: ownName };
}

/**
 * A schema object named `DB.SCHEMA.NAME` that the REST model carries as `{ database_name, schema_name, name }`
 * (notification-integration.yaml WebhookSecret): declared and compared as the qualified name.
 */
export function objectReferenceKind(what: string): FieldKind {
  const qualified = qualifiedNameKind(3, { exactly: true, what });
  const isReference = (value: unknown): value is { database_name: string; schema_name: string; name: string } =>
    typeof value === "object" && value !== null && "name" in value;
  return {
    ...qualified,
    toWire: (value) => {
      const [database_name, schema_name, name] = storedParts(String(value)).map(identifierFor);
      return { database_name, schema_name, name };
    },
    fromWire: (value) => (isReference(value) ? qualifiedName([value.database_name, value.schema_name, value.name]) : value),
  };
}
