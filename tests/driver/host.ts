// One dynamic-provider host process (@pulumi/pulumi/cmd/dynamic-provider) and a gRPC client for it, started the
// way the engine starts the `pulumi-nodejs` plugin: `node <script> <engine address>` in the project directory,
// port read from the first stdout line, later output kept as provider diagnostics.
import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import type * as Grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";
import { PropertyMap } from "./property-values";

// gRPC and protobuf come from the copies @pulumi/pulumi's generated stubs use: the stubs check credentials and
// messages against their own classes, and an installed package then needs neither as a dependency of its own.
const requireFromStubs = createRequire(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb"));
const grpc = requireFromStubs("@grpc/grpc-js") as typeof Grpc;
const { Struct } = requireFromStubs("google-protobuf/google/protobuf/struct_pb") as typeof StructModule;
type Struct = StructModule.Struct;

export interface HostLaunch {
  /** The resolved `@pulumi/pulumi/cmd/dynamic-provider` entry point (the project's own copy). */
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Prefix for diagnostics lines, e.g. the provider reference. */
  label: string;
  diagnostics: string[];
}

export type DiffChanges = "none" | "some" | "unknown";

export interface DiffResult {
  changes: DiffChanges;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export interface CheckResult {
  inputs: PropertyMap;
  failures: { property: string; reason: string }[];
}

const STARTUP_TIMEOUT_MS = 30_000;

export class ProviderHost {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: provrpc.ResourceProviderClient,
  ) {}

  static async start(launch: HostLaunch): Promise<ProviderHost> {
    // Any non-empty argument will do: the Node host only checks that an engine address was given.
    const child = spawn(process.execPath, [launch.script, "127.0.0.1:0"], {
      cwd: launch.cwd,
      env: launch.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await readPort(child, launch);
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client);
  }

  async configure(config: PropertyMap): Promise<void> {
    const request = new provproto.ConfigureRequest();
    request.setArgs(Struct.fromJavaScript(config));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    await this.call("configure", request);
  }

  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const request = new provproto.CheckRequest();
    request.setUrn(urn);
    request.setOlds(Struct.fromJavaScript(olds));
    request.setNews(Struct.fromJavaScript(news));
    const response = await this.call<provproto.CheckResponse>("check", request);
    return {
      inputs: toMap(response.getInputs()),
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(id: string, urn: string, olds: PropertyMap, oldInputs: PropertyMap, news: PropertyMap): Promise<DiffResult> {
    const request = new provproto.DiffRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(Struct.fromJavaScript(olds));
    request.setOldInputs(Struct.fromJavaScript(oldInputs));
    request.setNews(Struct.fromJavaScript(news));
    const response = await this.call<provproto.DiffResponse>("diff", request);
    const Changes = provproto.DiffResponse.DiffChanges;
    const changes = response.getChanges();
    return {
      changes: changes === Changes.DIFF_SOME ? "some" : changes === Changes.DIFF_NONE ? "none" : "unknown",
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  async create(urn: string, properties: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
    const request = new provproto.CreateRequest();
    request.setUrn(urn);
    request.setProperties(Struct.fromJavaScript(properties));
    const response = await this.call<provproto.CreateResponse>("create", request);
    // The engine rejects an empty id from Create (`plugin returned empty resource.ID`).
    if (!response.getId()) throw new Error("provider returned an empty resource id from create");
    return { id: response.getId(), properties: toMap(response.getProperties()) };
  }

  async read(id: string, urn: string, properties: PropertyMap, inputs: PropertyMap) {
    const request = new provproto.ReadRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(Struct.fromJavaScript(properties));
    request.setInputs(Struct.fromJavaScript(inputs));
    const response = await this.call<provproto.ReadResponse>("read", request);
    const returnedInputs = response.getInputs();
    return {
      id: response.getId(),
      properties: toMap(response.getProperties()),
      inputs: returnedInputs ? toMap(returnedInputs) : undefined,
    };
  }

  async update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<PropertyMap> {
    const request = new provproto.UpdateRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(Struct.fromJavaScript(olds));
    request.setNews(Struct.fromJavaScript(news));
    request.setOldInputs(Struct.fromJavaScript(oldInputs));
    const response = await this.call<provproto.UpdateResponse>("update", request);
    return toMap(response.getProperties());
  }

  async delete(id: string, urn: string, properties: PropertyMap, inputs: PropertyMap): Promise<void> {
    const request = new provproto.DeleteRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(Struct.fromJavaScript(properties));
    request.setOldInputs(Struct.fromJavaScript(inputs));
    await this.call("delete", request);
  }

  stop(): void {
    this.client.close();
    if (this.child.exitCode === null) this.child.kill();
  }

  private call<Response>(method: string, request: unknown): Promise<Response> {
    return new Promise((resolve, reject) => {
      const fn = (this.client as unknown as Record<string, Function>)[method].bind(this.client);
      fn(request, (error: Grpc.ServiceError | null, response: Response) => {
        // grpc-js prefixes the provider's message with the status ("2 UNKNOWN: ..."); `details` is the message.
        if (error) reject(new Error(error.details || error.message));
        else resolve(response);
      });
    });
  }
}

function toMap(struct: Struct | undefined): PropertyMap {
  return (struct?.toJavaScript() ?? {}) as PropertyMap;
}

function readPort(child: ChildProcess, launch: HostLaunch): Promise<number> {
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    let startupOutput = "";
    const timer = setTimeout(() => fail(new Error(`provider host did not report a port within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (port === undefined) reject(new Error(`${error.message}\n${startupOutput}`.trim()));
    };
    forwardLines(child.stdout!, (line) => {
      if (port === undefined && /^\d+$/.test(line.trim())) {
        port = Number(line.trim());
        clearTimeout(timer);
        resolve(port);
      } else {
        launch.diagnostics.push(`[${launch.label}] ${line}`);
      }
    });
    forwardLines(child.stderr!, (line) => {
      if (port === undefined) startupOutput += line + "\n";
      launch.diagnostics.push(`[${launch.label}] ${line}`);
    });
    child.on("error", fail);
    child.on("exit", (code) => fail(new Error(`provider host exited with code ${code} before reporting its port`)));
  });
}

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split(/\r?\n/);
    buffered = lines.pop() ?? "";
    lines.forEach(onLine);
  });
  stream.on("end", () => buffered && onLine(buffered));
}
