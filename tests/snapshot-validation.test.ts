// Snapshots Snowflake sends back are checked against the generated wire model: nulls for unset fields are
// accepted, anything else that does not fit the spec is reported instead of being mapped into state.
import * as http from "http";
import { AddressInfo } from "net";
import { programmaticAccessTokenAuth } from "../provider/client/auth";
import { closeAllPools, RestClient } from "../provider/client/rest-client";
import { ResourceEngine } from "../provider/engine/engine";
import { resourceDefinitions } from "../provider/resources";

let answer: unknown;
let server: http.Server;
let engine: ResourceEngine;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = new RestClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, programmaticAccessTokenAuth("t"));
  engine = new ResourceEngine(resourceDefinitions.Warehouse, { accountOf: () => "TEST", clientFor: () => client });
});
afterAll(async () => {
  await closeAllPools();
  server.close();
});

test("null for an unset field reads as unset", async () => {
  answer = { name: "WH", comment: null, resource_monitor: null, auto_suspend: 60, state: "STARTED" };
  const result = await engine.read("WH", { name: "WH", autoSuspend: 60 });
  expect(result.props).toEqual({ name: "WH", autoSuspend: 60, state: "STARTED", fullyQualifiedName: "WH", account: "TEST" });
});

test("a snapshot that does not fit the spec's model is reported with the field", async () => {
  answer = { name: "WH", auto_suspend: "sixty" };
  await expect(engine.read("WH", { name: "WH" })).rejects.toThrow(/GET \/api\/v2\/warehouses\/WH with a warehouse that does not match the REST API model: auto_suspend: /);
});
