// The operations table (provider/wire/operations.ts): every REST operation of the specs -- method, path, query
// parameters with their types, and the request body's model -- so the emulator routes and validates requests from
// the specs rather than from a hand-kept list per type.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

import { COMMON_SPEC, EXCLUDED_SPEC } from "./spec-documents";

export interface QueryParameter {
  name: string;
  type: "string" | "boolean" | "integer";
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
}

export interface Operation {
  spec: string;
  operationId: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query: QueryParameter[];
  /** Request body model (`Warehouse`), `TagAssignment[]` for arrays, or undefined. */
  body?: string;
  bodyRequired?: boolean;
}

const METHODS = ["get", "post", "put", "delete"] as const;

interface RawParameter { $ref?: string; name?: string; in?: string; required?: boolean; schema?: Record<string, unknown> }

function resolveParameter(raw: RawParameter, own: Record<string, RawParameter>, common: Record<string, RawParameter>): RawParameter {
  if (!raw.$ref) return raw;
  const name = raw.$ref.split("/").pop()!;
  const found = raw.$ref.includes("common.yaml") ? common[name] : own[name];
  if (!found) throw new Error(`unresolved parameter ${raw.$ref}`);
  return found;
}

function queryParameter(raw: RawParameter): QueryParameter {
  const schema = raw.schema ?? {};
  const type = schema.type === "boolean" ? "boolean" : schema.type === "integer" ? "integer" : "string";
  return {
    name: raw.name!,
    type,
    ...(raw.required ? { required: true } : {}),
    ...(Array.isArray(schema.enum) ? { enum: schema.enum.map(String) } : {}),
    ...(typeof schema.minimum === "number" ? { minimum: schema.minimum } : {}),
    ...(typeof schema.maximum === "number" ? { maximum: schema.maximum } : {}),
  };
}

function bodyModel(requestBody: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> } | undefined): Pick<Operation, "body" | "bodyRequired"> {
  const schema = requestBody?.content?.["application/json"]?.schema;
  if (!schema) return {};
  const ref = (value: unknown) => String((value as { $ref?: string })?.$ref ?? "").split("/").pop();
  const body = schema.type === "array" ? `${ref(schema.items)}[]` : ref(schema) || "object";
  return { body, ...(requestBody?.required ? { bodyRequired: true } : {}) };
}

export function readOperations(specsDir: string): Operation[] {
  const load = (name: string) => parse(fs.readFileSync(path.join(specsDir, `${name}.yaml`), "utf8"));
  const commonParameters = load(COMMON_SPEC)?.components?.parameters ?? {};
  const operations: Operation[] = [];
  const names = fs.readdirSync(specsDir).filter((file) => file.endsWith(".yaml")).map((file) => file.slice(0, -5)).filter((name) => name !== COMMON_SPEC && !EXCLUDED_SPEC.test(name)).sort();
  for (const spec of names) {
    const document = load(spec);
    const own = document?.components?.parameters ?? {};
    for (const [route, item] of Object.entries<Record<string, unknown>>(document?.paths ?? {})) {
      const shared = (item.parameters as RawParameter[] | undefined) ?? [];
      for (const method of METHODS) {
        const operation = item[method] as { operationId?: string; parameters?: RawParameter[]; requestBody?: never } | undefined;
        if (!operation) continue;
        const parameters = [...shared, ...(operation.parameters ?? [])].map((raw) => resolveParameter(raw, own, commonParameters));
        operations.push({
          spec,
          operationId: operation.operationId ?? `${method}:${route}`,
          method: method.toUpperCase() as Operation["method"],
          path: route,
          query: parameters.filter((parameter) => parameter.in === "query").map(queryParameter),
          ...bodyModel(operation.requestBody),
        });
      }
    }
  }
  return operations;
}

export function renderOperationsModule(operations: Operation[], header: string[]): string {
  return [
    ...header,
    "//",
    "// Every REST operation of the specs: method, path, query parameters (with type, enum and range) and body model.",
    "",
    "export interface QueryParameter { name: string; type: \"string\" | \"boolean\" | \"integer\"; required?: boolean; enum?: string[]; minimum?: number; maximum?: number }",
    "export interface Operation { spec: string; operationId: string; method: \"GET\" | \"POST\" | \"PUT\" | \"DELETE\"; path: string; query: QueryParameter[]; body?: string; bodyRequired?: boolean }",
    "",
    "export const OPERATIONS: readonly Operation[] = [",
    ...operations.map((operation) => `  ${JSON.stringify(operation)},`),
    "];",
    "",
  ].join("\n");
}
