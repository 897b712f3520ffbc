// Runs a Pulumi program in this process the way the Node language host does (cmd/run/run.js: config set first,
// program required inside a root `pulumi:pulumi:Stack` component, its exports the stack outputs), with the SDK's
// mock machinery standing in for the engine connection: a MockMonitor subclass receives the raw
// RegisterResource requests (every resource option included) and hands them to the deployment.
import * as fs from "fs";
import * as path from "path";
import type { Registration, RegistrationResult } from "./deployment";
import type { Project, StackConfig } from "./project";
import type { PropertyMap } from "./property-values";
import { projectPulumiSdk } from "./pulumi-sdk-range";
import { STACK_REFERENCE_TYPE, StackReferenceReader } from "./stack-references";
import { registerTypeScriptLoader } from "./typescript-loader";

/** The engine side of the resource monitor. */
export interface MonitorBackend {
  register(registration: Registration): Promise<RegistrationResult>;
  registerOutputs(urn: string, outputs: PropertyMap): void;
}

export interface ProgramRun {
  project: Project;
  stack: string;
  preview: boolean;
  config: StackConfig;
  backend: MonitorBackend;
  /** Answers `new pulumi.StackReference(name)` with the other stack's outputs. */
  readStackReference?: StackReferenceReader;
}

type Callback = (error: Error | null, response?: unknown) => void;

/** Runs the program until all its registrations are done; returns the errors the program itself raised. */
export async function runProgram(run: ProgramRun): Promise<Error[]> {
  const sdk = loadSdk(projectPulumiSdk(run.project.dir).dir);
  const { project, stack, preview } = run;

  // The language host hands the program its config before loading it (PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS).
  sdk.runtime.setAllConfig(run.config.values, [...run.config.secretKeys]);
  installMonitor(sdk, run, project.name, stack, preview);

  const errors: Error[] = [];
  const recordError = (error: unknown) => errors.push(error instanceof Error ? error : new Error(String(error)));
  // Failed registrations surface as unhandled rejections by design (runtime/resource.js runAsyncResourceOp).
  process.on("unhandledRejection", recordError);
  process.on("uncaughtException", recordError);
  const previousCwd = process.cwd();
  process.chdir(project.dir); // programs run in the project directory
  try {
    registerTypeScriptLoader(project.dir);
    forgetProjectModules(project.dir);
    await sdk.runtime.runInPulumiStack(async () => {
      const exported = require(entryPoint(project.main));
      // An exported function is the program (run.js); its result, like plain exports, becomes the stack outputs.
      return typeof exported === "function" ? exported() : exported;
    });
  } catch (error) {
    recordError(error);
  } finally {
    await sdk.runtime.waitForRPCs().catch(recordError);
    process.chdir(previousCwd);
    process.off("unhandledRejection", recordError);
    process.off("uncaughtException", recordError);
  }
  return errors;
}

interface Sdk {
  runtime: {
    setAllConfig(config: Record<string, string>, secretKeys?: string[]): void;
    setMocks(mocks: object, project: string, stack: string, preview: boolean, organization?: string): Promise<void>;
    setMockOptions(monitor: object, project: string, stack: string, preview: boolean, organization?: string): void;
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
    waitForRPCs(): Promise<void>;
  };
  MockMonitor: new (mocks: object) => object;
  getStore(): Record<string, unknown>;
  // The program's copies of proto/resource_pb and google-protobuf, loaded at run time (untyped on purpose).
  resproto: any;
  Struct: any;
}

function loadSdk(pulumiDir: string): Sdk {
  const load = (subpath: string) => require(path.join(pulumiDir, subpath));
  return {
    runtime: load("index.js").runtime,
    MockMonitor: load("runtime/mocks.js").MockMonitor,
    getStore: load("runtime/state.js").getStore,
    resproto: load("proto/resource_pb.js"),
    Struct: require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] })).Struct,
  };
}

function installMonitor(sdk: Sdk, run: ProgramRun, project: string, stack: string, preview: boolean): void {
  const { backend } = run;
  const unsupported = {
    // The mock monitor's readResource: a StackReference is a read of another stack's outputs; others are `get`s.
    newResource(args: { type: string; inputs: { name?: unknown } }): { id: string; state: object } {
      if (args.type === STACK_REFERENCE_TYPE && run.readStackReference) {
        const state = run.readStackReference(String(args.inputs.name));
        return { id: state.name, state };
      }
      throw new Error("reading existing resources (`get`, static `.get()`) is not supported by dynamic providers");
    },
    call(args: { token: string }): never {
      throw new Error(`invoke '${args.token}' is not supported by the driver`);
    },
  };

  class EngineMonitor extends sdk.MockMonitor {
    async registerResource(request: any, callback: Callback): Promise<void> {
      try {
        const result = await backend.register(toRegistration(request));
        const response = new sdk.resproto.RegisterResourceResponse();
        response.setUrn(result.urn);
        response.setId(result.id);
        response.setObject(sdk.Struct.fromJavaScript(result.outputs));
        callback(null, response);
      } catch (error) {
        callback(error as Error);
      }
    }

    registerResourceOutputs(request: any, callback: Callback): void {
      backend.registerOutputs(request.getUrn(), (request.getOutputs()?.toJavaScript() ?? {}) as PropertyMap);
      callback(null, {});
    }
  }

  // setMocks enables the monitor features the mock machinery supports (secrets, resource references, ...) but
  // installs its own MockMonitor; keep its feature flags and install ours instead. (Its body runs synchronously.)
  void sdk.runtime.setMocks(unsupported, project, stack, preview, "organization");
  const features = Object.fromEntries(Object.entries(sdk.getStore()).filter(([key]) => key.startsWith("supports")));
  sdk.runtime.setMockOptions(new EngineMonitor(unsupported), project, stack, preview, "organization");
  Object.assign(sdk.getStore(), features);
}

function toRegistration(request: any): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  request.getPropertydependenciesMap().forEach((dependencies: any, key: string) => {
    propertyDependencies[key] = dependencies.getUrnsList();
  });
  return {
    type: request.getType(),
    name: request.getName(),
    custom: request.getCustom(),
    parent: request.getParent() || undefined,
    provider: request.getProvider() || undefined,
    // The raw wire form: unknowns are still the sentinel string and secrets still wrapped.
    inputs: (request.getObject()?.toJavaScript() ?? {}) as PropertyMap,
    dependencies: request.getDependenciesList(),
    propertyDependencies,
    protect: request.getProtect() || undefined,
    retainOnDelete: request.getRetainondelete() || undefined,
    deleteBeforeReplace: request.getDeletebeforereplacedefined() ? request.getDeletebeforereplace() : undefined,
    additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
    ignoreChanges: request.getIgnorechangesList(),
    replaceOnChanges: request.getReplaceonchangesList(),
    importId: request.getImportid() || undefined,
  };
}

/** Like run.js: a directory is required as "<dir>/" (package.json main, else index.js / index.ts). */
function entryPoint(main: string): string {
  return fs.existsSync(main) && fs.statSync(main).isDirectory() ? main + path.sep : main;
}

/** A second run in the same process must execute the program again, not reuse cached modules. */
function forgetProjectModules(projectDir: string): void {
  const prefix = projectDir + path.sep;
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(prefix) && !file.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[file];
  }
}
