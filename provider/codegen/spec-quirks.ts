// Fixes for the places where Snowflake's OpenAPI specs do not say what the service does, or say it in a way that
// cannot be turned into a working validator. One function per quirk; each mutates the spec's schemas in place.
import { ModelNotes } from "./model-notes";
import { COMMON_SPEC, SpecDocument } from "./spec-documents";
import { Schema, SchemaMap, componentRef, visitSchemas } from "./schema-tree";

/** `Identifier` in common.yaml, copied inline (as a `pattern`) into many resource specs. */
export const LOOSE_IDENTIFIER_PATTERN = '^"([^"]|"")+"|[a-zA-Z_][a-zA-Z0-9_$]*$';
/** What the pattern means to say: a double-quoted name ("" escapes a quote) or a plain unquoted name. */
export const INTENDED_IDENTIFIER_PATTERN = '^("([^"]|"")+"|[a-zA-Z_][a-zA-Z0-9_$]*)$';
const IDENTIFIER = "Identifier";

function eachComponent(spec: SpecDocument, fix: (name: string, schema: Schema) => void): void {
  for (const [name, schema] of Object.entries(spec.schemas)) fix(name, schema);
}

/** Visits every named property of every object inside a component. */
function eachProperty(schemas: SchemaMap, fix: (model: string, property: string, schema: Schema) => void): void {
  for (const [model, component] of Object.entries(schemas)) {
    visitSchemas(component, (node) => {
      for (const [property, schema] of Object.entries(node.properties ?? {})) fix(model, property, schema);
    });
  }
}

/**
 * External refs: resource specs point at `common.yaml#/components/schemas/X` (or `./common.yaml#/…`), and
 * common.yaml is not a standalone document. Each spec becomes one module that imports common's models, so the
 * ref is made local (`#/components/schemas/X`) and the emitter resolves names it doesn't define to `common.X`.
 * Done on the parsed objects: a textual rewrite would produce `$ref: #/…`, which YAML reads as a comment.
 */
export function localizeCommonRefs(spec: SpecDocument): void {
  const external = /^(?:\.\/)?common\.yaml(#\/components\/schemas\/(.+))$/;
  eachComponent(spec, (model, component) =>
    visitSchemas(component, (node) => {
      if (node.$ref === undefined || node.$ref.startsWith("#/")) return;
      const match = external.exec(node.$ref);
      if (!match) throw new Error(`${spec.name}.yaml ${model}: unsupported external ref ${node.$ref}`);
      if (spec.name !== COMMON_SPEC && spec.schemas[match[2]] !== undefined) {
        throw new Error(`${spec.name}.yaml ${model}: refs common ${match[2]} but also defines its own`);
      }
      node.$ref = match[1];
    })
  );
}

/**
 * Identifier pattern: `^"([^"]|"")+"|[a-zA-Z_][a-zA-Z0-9_$]*$` has no group around the alternation, so each
 * half is anchored at one end only and almost any string matches (`a-b` passes thanks to its trailing `b`).
 * The shared `Identifier` gets the intended grammar, and inline copies of the pattern become refs to it so
 * there is one regex to maintain.
 */
export function useIntendedIdentifierGrammar(spec: SpecDocument, notes: ModelNotes): void {
  const identifier = spec.schemas[IDENTIFIER];
  if (spec.name === COMMON_SPEC) {
    if (identifier?.pattern !== LOOSE_IDENTIFIER_PATTERN) throw new Error(`common.yaml: ${IDENTIFIER} pattern changed`);
    identifier.pattern = INTENDED_IDENTIFIER_PATTERN;
    notes.add(
      IDENTIFIER,
      `The spec writes ${LOOSE_IDENTIFIER_PATTERN} - without a group around the alternation each half is ` +
        `anchored at one end only, so nearly any string matched. This is the intended grammar: a quoted ` +
        `name ("" escapes a quote) or an unquoted one.`
    );
  }
  eachComponent(spec, (_model, component) =>
    visitSchemas(component, (node) => {
      if (node === identifier || node.pattern !== LOOSE_IDENTIFIER_PATTERN) return;
      delete node.pattern;
      delete node.type;
      node.$ref = componentRef(IDENTIFIER);
    })
  );
}

/**
 * `$ref` with sibling keys: OAS 3.0 says siblings of `$ref` are ignored, but Snowflake puts meaning there
 * (`readOnly`, `writeOnly`, e.g. image-repository's `database_name`). Wrapping the ref in a one-member `allOf`
 * keeps the ref and makes the siblings count.
 */
export function keepRefSiblings(spec: SpecDocument): void {
  eachComponent(spec, (_model, component) =>
    visitSchemas(component, (node) => {
      if (node.$ref === undefined || Object.keys(node).length === 1) return;
      node.allOf = [{ $ref: node.$ref }];
      delete node.$ref;
    })
  );
}

/**
 * String-typed booleans: warehouse.yaml declares `auto_resume`, `initially_suspended`,
 * `enable_query_acceleration` and `wait_for_completion` as `type: string` with an unquoted YAML
 * `enum: [true, false]` - boolean values no string can equal. The service sends and accepts the strings
 * "true"/"false", so the wire model keeps the string type with quoted values; the provider's mapper converts.
 */
export function quoteBooleanEnumsOfStrings(spec: SpecDocument, notes: ModelNotes): void {
  const quotedByModel = new Map<string, string[]>();
  eachProperty(spec.schemas, (model, property, schema) => {
    if (schema.type !== "string" || !schema.enum?.some((value) => typeof value === "boolean")) return;
    schema.enum = schema.enum.map(String);
    quotedByModel.set(model, [...(quotedByModel.get(model) ?? []), property]);
  });
  for (const [model, properties] of quotedByModel) {
    notes.add(
      model,
      `${properties.sort().join(", ")}: Snowflake sends and expects the strings "true"/"false" (the spec types ` +
        `them string with boolean enum values), so the wire model keeps strings; the provider's mapper converts.`
    );
  }
}

/**
 * Inline regex flags: pipe.yaml's `copy_statement` pattern starts with `(?i)`, which JavaScript regular
 * expressions reject (SyntaxError). The same case-insensitivity is spelled out as `[cC]`-style classes.
 */
export function spellOutCaseInsensitiveFlag(spec: SpecDocument, notes: ModelNotes): void {
  eachProperty(spec.schemas, (model, property, schema) => {
    if (!schema.pattern?.startsWith("(?i)")) return;
    const body = schema.pattern.slice("(?i)".length);
    if (/[\\[]/.test(body)) throw new Error(`${spec.name}.yaml ${model}.${property}: cannot rewrite (?i)${body}`);
    schema.pattern = body.replace(/[a-zA-Z]/g, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
    notes.add(model, `${property}: the spec's (?i) flag (unsupported by JavaScript) is spelled out as [aA] classes.`);
  });
}

/**
 * Discriminator typo: alert.yaml maps `SCHEDULE_TYPE` to `MinutesSchedule`, while the property's own
 * documentation and task.yaml use `MINUTES_TYPE`. Both values are accepted rather than rejecting what the
 * service sends.
 */
export function acceptMinutesTypeForMinutesSchedule(spec: SpecDocument, notes: ModelNotes): void {
  eachComponent(spec, (model, component) => {
    const mapping = component.discriminator?.mapping;
    if (mapping?.SCHEDULE_TYPE !== "MinutesSchedule" || mapping.MINUTES_TYPE !== undefined) return;
    mapping.MINUTES_TYPE = "MinutesSchedule";
    notes.add(model, `The spec maps SCHEDULE_TYPE to MinutesSchedule (typo for MINUTES_TYPE); both are accepted.`);
    notes.add(
      "MinutesSchedule",
      `schedule_type: MINUTES_TYPE is accepted too (the spec's mapping says SCHEDULE_TYPE).`
    );
  });
}

/**
 * Table kind TABLE: Snowflake's Python API quickstart prints a fetched table as `'kind': 'TABLE'`, a value
 * table.yaml's kind enum lacks. A snapshot carrying it must still parse; the provider reads it as PERMANENT.
 */
export function acceptTableKindTable(spec: SpecDocument, notes: ModelNotes): void {
  if (spec.name !== "table") return;
  eachProperty(spec.schemas, (model, property, schema) => {
    if (property !== "kind" || !schema.enum?.includes("TRANSIENT") || schema.enum.includes("TABLE")) return;
    schema.enum = [...schema.enum, "TABLE"];
    notes.add(model, `kind: TABLE is accepted too (the Python API quickstart shows Snowflake returning it for a table).`);
  });
}

/**
 * Formats: besides standard ones the specs use made-up formats (`role name`, `warehouse`, `comment`,
 * `Percentage`), and the standard ones would become validators stricter than Snowflake (date-time with a
 * mandatory offset, uuid, uri, `binary` as a File). Formats are documentation here, so all are dropped, except
 * that `int32` first becomes explicit bounds (rendered `.gte().lte()`): the provider's check reads them off the model
 * to refuse a value past 2^31 before anything is sent. int64 needs none: zod's `.int()` already stops at the
 * safe-integer range of a JavaScript number.
 */
export function dropFormats(spec: SpecDocument): void {
  eachComponent(spec, (_model, component) =>
    visitSchemas(component, (node) => {
      if (node.type === "integer" && node.format === "int32") {
        node.minimum ??= -(2 ** 31);
        node.maximum ??= 2 ** 31 - 1;
      }
      delete node.format;
    })
  );
}

/**
 * Credentials Snowflake never returns, which the specs do not mark writeOnly: a secret's values (DESCRIBE SECRET
 * docs report the username, expiry times, integration and scopes, never the password, secret string or refresh
 * token) and a catalog integration's OAuth client secret (not confirmed how DESCRIBE shows it; every other
 * credential there is masked or left out, e.g. DESCRIBE API INTEGRATION's API_KEY). Marked writeOnly, so a snapshot
 * without them still parses (and `required` on them applies to requests only).
 */
const UNRETURNED_CREDENTIALS: Record<string, Record<string, string[]>> = {
  secret: { PasswordSecret: ["password"], GenericStringSecret: ["secret_string"], Oauth2Secret: ["oauth_refresh_token"] },
  "catalog-integration": { OAuth: ["oauth_client_secret"] },
};
export function markUnreturnedCredentialsWriteOnly(spec: SpecDocument, notes: ModelNotes): void {
  for (const [model, properties] of Object.entries(UNRETURNED_CREDENTIALS[spec.name] ?? {})) {
    for (const property of properties) {
      const schema = spec.schemas[model]?.properties?.[property];
      if (!schema) throw new Error(`${spec.name}.yaml ${model}.${property}: not found (quirk out of date)`);
      schema.writeOnly = true;
    }
    notes.add(model, `${properties.join(", ")}: never returned by Snowflake, so write-only here.`);
  }
}

/** The quirk fixes in the order they must run (refs are local before the identifier fix adds new ones). */
export function fixSpecQuirks(spec: SpecDocument, notes: ModelNotes): void {
  localizeCommonRefs(spec);
  useIntendedIdentifierGrammar(spec, notes);
  keepRefSiblings(spec);
  quoteBooleanEnumsOfStrings(spec, notes);
  spellOutCaseInsensitiveFlag(spec, notes);
  acceptMinutesTypeForMinutesSchedule(spec, notes);
  acceptTableKindTable(spec, notes);
  markUnreturnedCredentialsWriteOnly(spec, notes);
  dropFormats(spec);
}
