// Calling the emulator over HTTP as any client would, for the emulator's own tests: every response carries a
// request id, and every error body is common.yaml's ErrorResponse.
import type { Emulator } from "../emulator";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Response bodies are checked field by field in the tests; any keeps those checks short.
  body: any;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** Replaces the default PAT headers; `{}` sends no credentials. */
  auth?: Record<string, string>;
}

export function bearer(token: string, type: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, "X-Snowflake-Authorization-Token-Type": type };
}

/** HTTP helpers bound to the emulator a test file started (`emulator()` is read at call time). */
export function emulatorHttp(emulator: () => Emulator) {
  const patHeaders = (token = emulator().credentials.programmaticAccessToken) => bearer(token, "PROGRAMMATIC_ACCESS_TOKEN");
  async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const url = new URL(path, emulator().url);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
    const hasBody = options.body !== undefined || options.rawBody !== undefined;
    const response = await fetch(url, {
      method,
      headers: {
        Accept: "application/json",
        ...(hasBody && { "Content-Type": "application/json" }),
        ...(options.auth ?? patHeaders()),
        ...options.headers,
      },
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const body: any = await response.json();
    // Every response carries a request id; error bodies repeat it (common.yaml ErrorResponse.request_id).
    const requestId = response.headers.get("x-snowflake-request-id");
    expect(requestId).toMatch(UUID);
    if (response.status >= 400) {
      expect(body).toEqual({ message: expect.any(String), code: expect.any(String), error_code: body.code, request_id: requestId });
    }
    return { status: response.status, headers: response.headers, body };
  }
  return {
    call,
    patHeaders,
    get: (path: string, options?: CallOptions) => call("GET", path, options),
    post: (path: string, body?: unknown, options?: CallOptions) => call("POST", path, { ...options, body }),
    put: (path: string, body: unknown, options?: CallOptions) => call("PUT", path, { ...options, body }),
    del: (path: string, options?: CallOptions) => call("DELETE", path, options),
  };
}

