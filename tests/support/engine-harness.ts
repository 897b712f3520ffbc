// The generic engine against the emulator, without the driver: for tests of many cases where a driver run per
// case would only add time (quoting, the SQL statements issued). Resources are passed as their inputs.
import { programmaticAccessTokenAuth } from "../../provider/client/auth";
import { RestClient } from "../../provider/client/rest-client";
import { ResourceEngine } from "../../provider/engine/engine";
import { resourceDefinitions } from "../../provider/resources";
import { Emulator } from "../emulator";

export function engineAgainst(emulator: Emulator, type: string): ResourceEngine {
  const client = new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), { baseDelayMs: 10, pollIntervalMs: 10 });
  return new ResourceEngine(resourceDefinitions[type], { accountOf: () => emulator.account, clientFor: () => client });
}

/** Checks the declaration (it must pass) and creates the object: the engine's inputs and outputs. */
export async function createdThrough(engine: ResourceEngine, declared: Record<string, unknown>) {
  const { inputs, failures } = await engine.check({}, declared);
  expect(failures).toEqual([]);
  return { inputs, outs: (await engine.create(inputs)).outs };
}
