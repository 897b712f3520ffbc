// Table-driven routing: each resource module exports Route entries; new endpoint families (e.g. the
// connector's /session/v1/login-request) are added as more entries, not new dispatch code.
import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "./auth";
import type { Outcome } from "./http";
import type { QueryParams } from "./query";
import type { AccountState } from "./state";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RequestContext {
  /** The caller's account; on routes with `authenticate: false`, the Host header's or else the default one. */
  account: AccountState;
  /** The authenticated caller; undefined on routes with `authenticate: false`. */
  principal?: Principal;
  /** The account the Host header names (`<account>.snowflakecomputing.com`), if it names one. */
  hostAccountName?: string;
  headers: IncomingHttpHeaders;
  /** The body as received (connector endpoints parse their own, e.g. gzip or form-encoded). */
  rawBody: Buffer;
  /** Path parameters, still percent-encoded (identifier parsing decodes them). */
  params: Record<string, string>;
  query: QueryParams;
  /** Parsed JSON body (only for routes with `body: true`). */
  body: unknown;
  requestId: string;
}

export interface Route {
  method: HttpMethod;
  /** Spec path template, e.g. "/api/v2/warehouses/{name}:resume". */
  path: string;
  /** Query parameters the operation declares; anything else is a 400. "any": no check (connector endpoints). */
  query?: readonly string[] | "any";
  /** The operation takes a JSON request body. */
  body?: boolean;
  /** The body may be left out (the spec's requestBody is not required). */
  optionalBody?: boolean;
  /** Whether callers must authenticate for /api/v2 (default true; connector endpoints say false and check their own tokens). */
  authenticate?: boolean;
  /** Whether the acceptNext knob may turn this operation into a 202 (false for the result polls themselves). */
  deferrable?: boolean;
  handler(context: RequestContext): Outcome | Promise<Outcome>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  paramNames: string[];
}

export type RouteMatch =
  | { kind: "matched"; route: Route; params: Record<string, string> }
  | { kind: "methodNotAllowed"; allowed: HttpMethod[] }
  | { kind: "notFound" };

export class Router {
  private readonly compiled: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) this.compiled.push(compile(route));
    return this;
  }

  /** Matches the raw (percent-encoded) request path. */
  match(method: string, rawPath: string): RouteMatch {
    const allowed = new Set<HttpMethod>();
    for (const { route, pattern, paramNames } of this.compiled) {
      const found = pattern.exec(rawPath);
      if (!found) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      const params = Object.fromEntries(paramNames.map((name, index) => [name, found[index + 1]]));
      return { kind: "matched", route, params };
    }
    return allowed.size ? { kind: "methodNotAllowed", allowed: [...allowed] } : { kind: "notFound" };
  }
}

function compile(route: Route): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      paramNames.push(param[1]);
      // A ':' starts an action suffix ("{name}:resume"); clients percent-encode ':' inside names
      // (encodeURIComponent does), so unimplemented actions fall through to 404 instead of being read as names.
      return "([^/:]+)";
    })
    .join("");
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
}
