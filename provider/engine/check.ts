// check: validate declared inputs before anything reaches Snowflake. Every failure names the property (the engine
// prints "<property>: <reason>", so reasons do not repeat it), the value given and what is allowed. Values not
// known yet (preview) are passed through untouched.
import { RESOURCE_CONNECTION_KEYS } from "../connection/resource-connection";
import { COMMON_INPUTS, OPT_IN_INPUTS } from "./common-inputs";
import { Properties, ResourceDefinition } from "./definition";
import { isSet, show } from "./field-kind";
import { ruleFailures } from "./field-rules";
import { isUnknown } from "./unknowns";

export interface CheckFailure { property: string; reason: string; }

const INTERNAL_INPUTS = new Set(["__provider"]);

export function checkInputs(definition: ResourceDefinition, news: Properties): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const flags = new Set<string>(["adoptExisting", ...definition.optIns]);
  const settings = definition.settings ?? {};
  const known = new Set([...Object.keys(definition.fields), ...COMMON_INPUTS, ...definition.optIns, ...Object.keys(settings)]);
  for (const [property, value] of Object.entries(news)) {
    if (INTERNAL_INPUTS.has(property) || value === undefined) continue;
    if (!known.has(property)) {
      const otherTypes = property in OPT_IN_INPUTS ? ` (${definition.noun}s hold nothing ${property} would protect)` : "";
      failures.push({ property, reason: `not a property of ${definition.noun}s${otherTypes} (given ${outline(value)}); allowed: ${[...known].sort().join(", ")}` });
      continue;
    }
    if (isUnknown(value)) continue;
    if (property === "connection") {
      failures.push(...checkConnection(value));
    } else if (flags.has(property)) {
      if (typeof value !== "boolean") failures.push({ property, reason: `${show(value)} is not allowed; expected true or false` });
    } else if (value !== null) {
      const field = definition.fields[property] ?? settings[property];
      const problem = field.kind.problem(value);
      // A secret's value is never repeated in a message (check failures reach the console and CI logs).
      const shown = "secret" in field && field.secret ? "[secret]" : show(value);
      if (problem) failures.push({ property, reason: `${shown} is not allowed (${problem}); expected ${field.kind.expected}` });
    }
  }
  const declared = declaredValues(definition, news);
  for (const [property, field] of Object.entries(definition.fields)) {
    // A required property (a container above all) left out or empty fails here, so it never reaches a request path.
    if (field.required && !isUnknown(news[property]) && !isSet(declared[property])) {
      const given = field.secret ? "[secret]" : show(news[property]);
      failures.push({ property, reason: `${isSet(news[property]) ? `${given} is not allowed (empty, so nothing is declared)` : "required but not given"}; expected ${field.kind.expected}` });
    }
  }
  if (failures.length > 0) return failures;
  failures.push(...ruleFailures(definition.rules ?? [], definition.fields, declared));
  if (failures.length === 0 && definition.crossChecks && !Object.values(news).some(isUnknown)) failures.push(...definition.crossChecks(declared));
  return failures;
}

/**
 * The inputs as declarations: a value its kind reads as "not set" (an empty string, an empty list) declares nothing,
 * so required properties, rules and cross checks treat it as left out rather than send it.
 */
function declaredValues(definition: ResourceDefinition, news: Properties): Properties {
  const declared: Properties = {};
  for (const [property, value] of Object.entries(news)) {
    const field = definition.fields[property];
    if (!(field && isSet(value) && !isUnknown(value) && field.kind.meansUnset?.(value))) declared[property] = value;
  }
  return declared;
}

/**
 * What an unrecognised property was given, without its text: a misspelt name (`credential` for `credentials`) may
 * hold a secret the definition would have masked, so only the value's shape and key names are shown.
 */
function outline(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value && typeof value === "object") return `an object with ${Object.keys(value).join(", ") || "no keys"}`;
  return typeof value === "string" ? "a string" : show(value);
}

const SECRET_WORDS = /password|passcode|token|secret|private_?key|passphrase/i;

/** The per-resource connection: non-secret settings only, since resource inputs are stored in state. */
function checkConnection(connection: unknown): CheckFailure[] {
  if (!connection || typeof connection !== "object" || Array.isArray(connection)) {
    return [{ property: "connection", reason: `${show(connection)} is not allowed; expected an object with any of ${RESOURCE_CONNECTION_KEYS.join(", ")}` }];
  }
  const failures: CheckFailure[] = [];
  for (const [key, value] of Object.entries(connection)) {
    if (value === undefined || isUnknown(value)) continue;
    const property = `connection.${key}`;
    if (!(RESOURCE_CONNECTION_KEYS as readonly string[]).includes(key)) {
      const reason = SECRET_WORDS.test(key)
        ? `not allowed: a resource's connection is stored in state, so it never holds secrets; put ${key} in stack config as a secret (pulumi config set --secret snowflake:${key}), a SNOWFLAKE_* variable or connections.toml`
        : `not allowed (given ${outline(value)}); a resource's connection takes ${RESOURCE_CONNECTION_KEYS.join(", ")}`;
      failures.push({ property, reason });
    } else if (typeof value !== "string" && !(key === "port" && typeof value === "number")) {
      failures.push({ property, reason: `${show(value)} is not allowed; expected a string` });
    }
  }
  return failures;
}
