// Calls the emulator's REST API directly with its own token: how tests (and the demo) look at objects or change
// them outside Pulumi, as a person in Snowsight would.
import { Emulator } from "../emulator";

export interface EmulatorAnswer {
  status: number;
  headers: Headers;
  body: any; // the JSON of whatever model; tests assert its shape
}

/** `token`: a programmatic access token of the account to act in (default: the default account's). */
export async function callEmulator(emulator: Emulator, method: string, apiPath: string, body?: unknown, token?: string): Promise<EmulatorAnswer> {
  const response = await fetch(`${emulator.url}${apiPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${token ?? emulator.credentials.programmaticAccessToken}`,
      "X-Snowflake-Authorization-Token-Type": "PROGRAMMATIC_ACCESS_TOKEN",
      "Content-Type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
