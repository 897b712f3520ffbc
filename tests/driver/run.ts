// One driver run: what the CLI does for `pulumi preview|up|refresh|destroy` on a local backend, with the
// dynamic-provider host as the only plugin.
import * as path from "path";
import { Deployment } from "./deployment";
import { destroy } from "./destroy";
import { Journal } from "./journal";
import { CrypterCache, DEFAULT_DRIVER_PASSPHRASE } from "./passphrase-crypter";
import { runProgram } from "./program-runner";
import { projectPulumiSdk } from "./pulumi-sdk-range";
import { loadProject, loadStackConfig, Project, StackConfig } from "./project";
import { isObject, PropertyMap, PropertyValue, UNKNOWN } from "./property-values";
import { NODEJS_PROVIDER_TYPE, ProviderRegistry, providerReference } from "./providers";
import { warnAboutPendingOperations } from "./pending-creates";
import { refresh } from "./refresh";
import { isSecret, makeSecret, revealMap } from "./secrets";
import { Snapshot } from "./snapshot";
import { StateFile, StateResource } from "./state-file";
import { stackReferenceReader, StackReferenceReader } from "./stack-references";
import { renderSummary } from "./summary";
import { DriverOptions, DriverResult } from "./types";
import { STACK_TYPE } from "./urns";

export async function runDriver(options: DriverOptions): Promise<DriverResult> {
  const startedAt = Date.now();
  const stack = options.stack ?? "dev";
  const journal = new Journal();
  const diagnostics: string[] = [];
  const restoreEnv = applyEnv(options.env ?? {});
  let providers: ProviderRegistry | undefined;
  let stackOutputs: PropertyMap = {};
  try {
    const project = loadProject(options.programDir);
    const crypters = new CrypterCache(process.env.PULUMI_CONFIG_PASSPHRASE ?? DEFAULT_DRIVER_PASSPHRASE);
    const config = loadStackConfig(project, stack, options.config ?? {}, options.secretConfigKeys ?? [], crypters);
    const pulumiSdk = projectPulumiSdk(project.dir);
    const pulumiVersion = pulumiSdk.version;
    const file = path.resolve(options.stateFile ?? path.join(project.dir, ".pulumi-state", `${stack}.json`));
    const stateFile = new StateFile({ file, project: project.name, stack, pulumiVersion, crypters, defaultSaltState: config.encryptionSalt });
    const readStackReference = stackReferenceReader({ explicit: options.stackReferences ?? {}, stateFile: file, crypters, pulumiVersion });
    const resources = stateFile.load();

    providers = new ProviderRegistry({
      // The engine runs the plugin from the project directory, so the project's @pulumi/pulumi hosts it and the
      // serialized providers' require()s resolve from there.
      script: require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [project.dir] }),
      cwd: project.dir,
      env: hostEnvironment(project, config),
      diagnostics,
    });
    // Providers in the state are configured from their recorded inputs (registry.go loads them from the snapshot).
    for (const resource of resources) {
      if (resource.type === NODEJS_PROVIDER_TYPE && resource.id) {
        providers.define(providerReference(resource.urn, resource.id), revealMap(resource.inputs));
      }
    }

    if (options.mode !== "refresh") warnAboutPendingOperations(stateFile, journal);
    switch (options.mode) {
      case "preview":
      case "up":
        stackOutputs = await update(options.mode === "preview", { project, stack, config, resources, stateFile, providers, journal, readStackReference });
        break;
      case "refresh":
        stackOutputs = stackOutputsOf(await refresh(resources, providers, journal, stateFile, options));
        break;
      case "destroy":
        await destroy(resources, providers, journal, stateFile);
        break;
    }
  } catch (error) {
    journal.fail(undefined, error);
  } finally {
    await providers?.stopAll();
    restoreEnv();
  }

  const outputs = presentOutputs(stackOutputs, options.showSecrets ?? false);
  const summary = renderSummary({
    mode: options.mode,
    stack,
    changes: journal.changes,
    outputs,
    errors: journal.errors,
    warnings: journal.warnings,
    diagnostics,
    verbose: options.verbose ?? false,
    durationMs: Date.now() - startedAt,
  });
  const [first] = journal.errors;
  return {
    ok: !journal.failed,
    changes: journal.changes,
    outputs,
    summary,
    ...(first ? { error: first.urn ? `${first.urn}: ${first.message}` : first.message } : {}),
    errors: journal.errors,
    warnings: journal.warnings,
    diagnostics,
  };
}

interface UpdateInputs {
  project: Project;
  stack: string;
  config: StackConfig;
  resources: StateResource[];
  stateFile: StateFile;
  providers: ProviderRegistry;
  journal: Journal;
  readStackReference: StackReferenceReader;
}

async function update(preview: boolean, inputs: UpdateInputs): Promise<PropertyMap> {
  const { project, stack, config, providers, journal } = inputs;
  // A preview never writes the checkpoint.
  const snapshot = new Snapshot(inputs.resources, preview ? undefined : inputs.stateFile);
  const deployment = new Deployment({
    preview,
    project: project.name,
    stack,
    stackConfig: configAsProviderInputs(config),
    snapshot,
    providers,
    journal,
  });
  // Start the default provider's host while the program loads; errors surface when a resource needs it.
  providers.hostFor(deployment.defaultProviderRef).catch(() => undefined);

  try {
    return await runUpdate(deployment, { project, stack, preview, config, journal, readStackReference: inputs.readStackReference });
  } finally {
    // The checkpoint is rewritten once, whatever happened; until then the journal holds each step.
    snapshot.persist();
  }
}

async function runUpdate(deployment: Deployment, inputs: Pick<UpdateInputs, "project" | "stack" | "config" | "journal" | "readStackReference"> & { preview: boolean }): Promise<PropertyMap> {
  const { project, stack, preview, config, journal, readStackReference } = inputs;
  const programErrors = await runProgram({ project, stack, preview, config, backend: deployment, readStackReference });
  // A failed registration comes back from the SDK as a program error too; the resource's own error says it.
  // One failure often arrives several times (the stack's rejection, unhandled rejections): report it once.
  const echoes = /failed to register new resource|the deployment failed earlier/;
  const enginesOwn = journal.failed;
  for (const message of new Set(programErrors.map((error) => error.message))) {
    if (!(enginesOwn && echoes.test(message))) journal.fail(undefined, message);
  }
  await deployment.deleteUnregistered();
  return deployment.stackOutputs;
}

/** The default provider's inputs: the whole stack config, namespaced, secrets wrapped. */
function configAsProviderInputs(config: StackConfig): PropertyMap {
  const inputs: PropertyMap = {};
  for (const key of Object.keys(config.values).sort()) {
    inputs[key] = config.secretKeys.has(key) ? makeSecret(config.values[key]) : config.values[key];
  }
  return inputs;
}

function hostEnvironment(project: Project, config: StackConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PULUMI_NODEJS_PROJECT: project.name,
    PULUMI_PROJECT: project.name,
    PULUMI_CONFIG: JSON.stringify(config.values),
  };
}

function stackOutputsOf(resources: StateResource[]): PropertyMap {
  return resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
}

/** Outputs as the CLI prints them: secrets hidden unless asked for, unknowns (preview) marked. */
function presentOutputs(outputs: PropertyMap, showSecrets: boolean): Record<string, unknown> {
  const present = (value: PropertyValue): unknown => {
    if (value === UNKNOWN) return "[unknown]";
    if (isSecret(value)) return showSecrets ? present(value.value) : "[secret]";
    if (Array.isArray(value)) return value.map(present);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, present(v)]));
    return value;
  };
  return Object.fromEntries(Object.entries(outputs).map(([key, value]) => [key, present(value)]));
}

/** DriverOptions.env applies to the program (this process) and the hosts for the duration of the run. */
function applyEnv(env: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
