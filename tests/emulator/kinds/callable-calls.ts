// Calls of user-defined functions (executeUserDefinedFunction, POST {name}:execute) and procedures
// (callProcedure, POST {nameWithArgs}:call). The emulator does not run code: a SQL body that is a literal, an
// argument, one arithmetic step over those, or a Snowflake Scripting block that RETURNs such a value answers that
// value; any other SQL body answers NULL; code in other languages is not run (501). The answer shapes are the
// emulator's own: the specs type them only as an object (execute) and an array (call) -- a row keyed by the
// function's name, as a SELECT of the call would name its column, is not confirmed against a live account.
import { CatalogObject, collectionOf } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import { findIn, missingObject, parentFromPath } from "../rest/lookup";
import { pathName } from "../rest/handlers";
import type { RequestContext } from "../router";
import { signatureType } from "./callables";

interface CallArgument { name: string; datatype: string; value: unknown }

const LITERAL = /^(-?\d+(?:\.\d+)?|'(?:[^']|'')*'|TRUE|FALSE|NULL)$/i;
const STEP = /^(\S+)\s*([+\-*])\s*(\S+)$/;
// Snowflake Scripting: BEGIN RETURN <expression>; END (CREATE PROCEDURE docs, Snowflake Scripting examples).
const SCRIPT_RETURN = /^(?:DECLARE[\s\S]*?)?BEGIN\s+RETURN\s+([\s\S]+?);?\s*END;?$/i;

function valueOf(term: string, args: Map<string, unknown>): unknown {
  const literal = LITERAL.exec(term);
  if (literal) {
    const text = literal[1];
    if (/^'/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
    if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
    return /^NULL$/i.test(text) ? null : Number(text);
  }
  const name = term.replace(/^:/, "").toUpperCase();
  return args.has(name) ? args.get(name) : undefined;
}

/** What a SQL body answers for these arguments (see the top of this file); null when it is beyond the emulator. */
export function evaluateSqlBody(body: string, args: Map<string, unknown>): unknown {
  const expression = (SCRIPT_RETURN.exec(body.trim())?.[1] ?? body).trim().replace(/^SELECT\s+/i, "");
  const single = valueOf(expression, args);
  if (single !== undefined) return single;
  const step = STEP.exec(expression);
  if (!step) return null;
  const [left, right] = [valueOf(step[1], args), valueOf(step[3], args)].map(Number);
  if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
  return step[2] === "+" ? left + right : step[2] === "-" ? left - right : left * right;
}

function answer(object: CatalogObject, given: CallArgument[]): unknown {
  const language = (object.values.language_config as { language: string }).language;
  if (language !== "SQL") throw new ApiError(501, ErrorCodes.notImplemented, `The Snowflake emulator does not run ${language} code.`);
  const declared = (object.values.arguments as { name: string; default_value?: string }[] | undefined) ?? [];
  const args = new Map<string, unknown>();
  declared.forEach((argument, index) => args.set(argument.name, index < given.length ? given[index].value : valueOf(argument.default_value ?? "NULL", new Map())));
  return evaluateSqlBody(String(object.values.body ?? ""), args);
}

/**
 * The overload a call by name means: the one whose argument types start with the given ones, taking as many
 * arguments as given (defaults fill the rest).
 */
function overloadFor(kind: ObjectKind, context: RequestContext, given: CallArgument[]): CatalogObject {
  const parent = parentFromPath(kind, context.account, context.params);
  const name = parsePathIdentifier(context.params.name, "function name");
  const types = given.map((argument) => signatureType(argument.datatype, { account: context.account }));
  const found = [...collectionOf(parent, kind.collection).values()].find((object) => {
    if (object.name !== name) return false;
    const declared = (object.values.arguments as { datatype: string; default_value?: string }[] | undefined) ?? [];
    const required = declared.filter((argument) => argument.default_value === undefined).length;
    return types.length >= required && types.length <= declared.length && types.every((type, index) => declared[index].datatype === type);
  });
  if (!found) throw missingObject(kind, parent, `${formatIdentifier(name)}(${types.join(", ")})`);
  return found;
}

type Model = { safeParse(value: unknown): { success: boolean } };

/** The arguments of a call, each checked against the spec's (strict) argument model. */
function readArguments(body: unknown, model: Model, what: string): CallArgument[] {
  if (body === undefined) return [];
  if (!Array.isArray(body)) throw badRequest(`Request body must be a JSON array of ${what}.`);
  for (const [index, item] of body.entries()) if (!model.safeParse(item).success) throw badRequest(`Item ${index} is not a valid ${what}: ${JSON.stringify(item)}.`);
  return body as CallArgument[];
}

/** POST {name}:execute with a list of `argumentModel` items: `{ "<NAME>": value }`. */
export function executeFunction(argumentModel: Model, what: string) {
  return (kind: ObjectKind, context: RequestContext): Outcome => {
    const given = readArguments(context.body, argumentModel, what);
    const object = overloadFor(kind, context, given);
    return ok({ [formatIdentifier(object.name)]: answer(object, given) });
  };
}

/** POST {nameWithArgs}:call with a CallArgumentList: `[{ "<NAME>": value }]`. */
export function callProcedure(argumentModel: Model) {
  return (kind: ObjectKind, context: RequestContext): Outcome => {
    const list = context.body as { call_arguments?: unknown } | undefined;
    if (!list || typeof list !== "object" || !("call_arguments" in list)) throw badRequest("Missing required field 'call_arguments' in CallArgumentList.");
    const given = readArguments(list.call_arguments, argumentModel, "CallArgument");
    const parent = parentFromPath(kind, context.account, context.params);
    const object = findIn(kind, parent, pathName(kind, context));
    return ok([{ [formatIdentifier(object.name)]: answer(object, given) }]);
  };
}
