// The engine's rules for `pulumi preview` / `pulumi up`: every resource the program registers becomes a step
// (create / same / update / replace) decided with the provider's Check and Diff; afterwards, resources no longer
// registered are deleted. Only dynamic resources reach a provider host; components are recorded as they are.
import { randomUUID } from "crypto";
import { deleteResource } from "./delete-step";
import { applyIgnoreChanges, planChange } from "./diff-rules";
import { Journal } from "./journal";
import { StepSlots } from "./parallelism";
import { changedKeys, downgradeResourceReferences, mapValues, PropertyMap } from "./property-values";
import { isDynamicResourceType, NODEJS_PROVIDER_TYPE, ProviderRegistry, providerReference } from "./providers";
import { annotateSecrets, markSecret, revealMap } from "./secrets";
import { Snapshot } from "./snapshot";
import { StateResource } from "./state-file";
import { makeUrn, STACK_TYPE } from "./urns";

/** A RegisterResource request, as the program's SDK sent it (inputs in wire form: secrets and unknowns intact). */
export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  parent?: string;
  /** Explicit provider reference ("<urn>::<id>"), if the program passed `provider`. */
  provider?: string;
  inputs: PropertyMap;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  protect?: boolean;
  retainOnDelete?: boolean;
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs: string[];
  ignoreChanges: string[];
  replaceOnChanges: string[];
  importId?: string;
}

export interface RegistrationResult {
  urn: string;
  /** "" while unknown (a preview of a create or replace). */
  id: string;
  /** Wire form; keys missing in a preview are unknown to the program. */
  outputs: PropertyMap;
}

export interface DeploymentContext {
  preview: boolean;
  project: string;
  stack: string;
  /** The default provider's inputs: the stack config, secrets wrapped. */
  stackConfig: PropertyMap;
  snapshot: Snapshot;
  providers: ProviderRegistry;
  journal: Journal;
}

/** Thrown for registrations the engine no longer serves after a failed step; not a new error of its own. */
class SkippedRegistration extends Error {}

export class Deployment {
  readonly defaultProviderUrn: string;
  readonly defaultProviderRef: string;
  stackOutputs: PropertyMap = {};
  private readonly registered = new Set<string>();
  private readonly slots = new StepSlots();
  private defaultProviderRecorded = false;

  constructor(private readonly ctx: DeploymentContext) {
    this.defaultProviderUrn = makeUrn(ctx.stack, ctx.project, NODEJS_PROVIDER_TYPE, "default");
    const id = ctx.snapshot.findOld(this.defaultProviderUrn)?.id ?? randomUUID();
    this.defaultProviderRef = providerReference(this.defaultProviderUrn, id);
    // An update configures the default provider with the current stack config (deletes included).
    ctx.providers.define(this.defaultProviderRef, revealMap(ctx.stackConfig));
  }

  async register(registration: Registration): Promise<RegistrationResult> {
    const urn = makeUrn(this.ctx.stack, this.ctx.project, registration.type, registration.name, registration.parent);
    try {
      if (this.registered.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      this.registered.add(urn);
      // After a failed step the engine starts no new ones.
      if (this.ctx.journal.failed) throw new SkippedRegistration(`skipped ${urn}: the deployment failed earlier`);
      if (!registration.custom) return this.registerComponent(urn, registration);
      if (registration.type === NODEJS_PROVIDER_TYPE) return this.registerExplicitProvider(urn, registration);
      if (!isDynamicResourceType(registration.type)) {
        throw new Error(`'${registration.type}' is not a dynamic resource; the driver only runs pulumi-nodejs:dynamic resources`);
      }
      if (registration.importId) throw new Error("importing resources (the `import` option) is not supported by dynamic providers");
      // Steps run up to the engine's parallelism at once; the rest wait for a slot.
      return await this.slots.run(() => this.registerDynamic(urn, registration));
    } catch (error) {
      if (!(error instanceof SkippedRegistration)) this.ctx.journal.fail(urn, error);
      throw error;
    }
  }

  /** RegisterResourceOutputs: a component's (or the stack's) outputs. */
  registerOutputs(urn: string, outputs: PropertyMap): void {
    const isStack = this.ctx.snapshot.findProcessed(urn)?.type === STACK_TYPE;
    // A failed program still registers (empty) stack outputs on its way out; keep the last good ones.
    if (isStack && this.ctx.journal.failed) return;
    if (isStack) this.stackOutputs = outputs;
    this.ctx.snapshot.replaceProcessed(urn, (resource) => ({ ...resource, outputs }));
  }

  /** After the program: delete what it no longer declares, and the old halves of replacements, newest first. */
  async deleteUnregistered(): Promise<void> {
    const { snapshot, journal } = this.ctx;
    if (journal.failed) return; // a failed update deletes nothing
    const doomed = snapshot.old.filter(
      (r) => !snapshot.isRetired(r) && (snapshot.isPendingDelete(r) || !this.registered.has(r.urn)),
    );
    for (const resource of doomed.reverse()) {
      try {
        await this.deleteResource(resource);
        // The old half of a replacement made in this run is part of its "replace", not a change of its own.
        const replacedThisRun = snapshot.isPendingDelete(resource) && !resource.delete;
        if (!replacedThisRun && resource.urn !== this.defaultProviderUrn) journal.record(resource.urn, "delete");
        snapshot.retire(resource);
      } catch (error) {
        journal.fail(resource.urn, error);
        return;
      }
    }
  }

  private registerComponent(urn: string, registration: Registration): RegistrationResult {
    const old = this.ctx.snapshot.findOld(urn);
    const inputs = registration.inputs;
    const changed = old ? changedKeys(old.inputs, inputs) : [];
    this.ctx.snapshot.add(
      { ...this.stateFields(urn, registration, old), custom: false, inputs, outputs: old?.outputs ?? {} },
      { supersedes: old },
    );
    this.ctx.journal.record(urn, !old ? "create" : changed.length > 0 ? "update" : "same", changed);
    return { urn, id: "", outputs: {} };
  }

  /**
   * An explicit `pulumi-nodejs` provider resource: the engine gives it an id and a plugin process of its own,
   * configured with its inputs. CheckConfig/DiffConfig are unimplemented by the host, so changed inputs are an
   * update, never a replacement.
   */
  private registerExplicitProvider(urn: string, registration: Registration): RegistrationResult {
    const old = this.ctx.snapshot.findOld(urn);
    const inputs = mapValues(registration.inputs, downgradeResourceReferences);
    const id = old?.id ?? randomUUID();
    this.ctx.providers.define(providerReference(urn, id), revealMap(inputs));
    const changed = old ? changedKeys(old.inputs, inputs) : [];
    this.ctx.snapshot.add({ ...this.stateFields(urn, registration, old), id, inputs, outputs: inputs }, { supersedes: old });
    this.ctx.journal.record(urn, !old ? "create" : changed.length > 0 ? "update" : "same", changed);
    return { urn, id, outputs: inputs };
  }

  private async registerDynamic(urn: string, registration: Registration): Promise<RegistrationResult> {
    const { snapshot, journal, preview } = this.ctx;
    const providerRef = registration.provider || this.useDefaultProvider();
    const host = await this.ctx.providers.hostFor(providerRef);
    const old = snapshot.findOld(urn);

    let news = mapValues(registration.inputs, downgradeResourceReferences);
    if (old && registration.ignoreChanges.length > 0) news = applyIgnoreChanges(news, old.inputs, registration.ignoreChanges);
    // Check gets the old inputs, or {} for a new resource: "the NodeJS provider implementation relies on this".
    const checked = await host.check(urn, old ? revealMap(old.inputs) : {}, revealMap(news));
    if (checked.failures.length > 0) {
      const problems = checked.failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason));
      throw new Error(`${registration.type} resource '${registration.name}' has a problem: ${problems.join("; ")}`);
    }
    const inputs = annotateSecrets(checked.inputs, news);
    const fields = { ...this.stateFields(urn, registration, old), provider: providerRef };
    const secretOutputs = (outs: PropertyMap) => markSecret(annotateSecrets(outs, inputs), registration.additionalSecretOutputs);

    const create = async (): Promise<StateResource> => {
      // The host has supportsPreview=false, so a preview never calls Create: the checked inputs stand in.
      if (preview) return { ...fields, id: "", inputs, outputs: markSecret(inputs, registration.additionalSecretOutputs) };
      const created = await this.ctx.snapshot.journaled("creating", { ...fields, inputs, outputs: {} }, () => host.create(urn, revealMap(inputs)));
      return { ...fields, id: created.id, inputs, outputs: secretOutputs(created.properties), created: now(), modified: now() };
    };

    if (!old) {
      const resource = await create();
      snapshot.add(resource);
      journal.record(urn, "create");
      return result(resource);
    }

    const diff = await host.diff(old.id ?? "", urn, revealMap(old.outputs), revealMap(old.inputs), revealMap(inputs));
    const plan = planChange(diff, old, inputs, registration);

    if (plan.op === "same") {
      // The old outputs stay, `__provider` included: the new serialized provider is not written (#16826).
      const resource = { ...fields, id: old.id, inputs, outputs: old.outputs, created: old.created, modified: old.modified };
      snapshot.add(resource, { supersedes: old });
      journal.record(urn, "same");
      return result(resource);
    }

    if (plan.op === "update") {
      const outputs = preview
        ? markSecret(inputs, registration.additionalSecretOutputs)
        : secretOutputs(await this.ctx.snapshot.journaled("updating", { ...fields, id: old.id, inputs, outputs: old.outputs }, () =>
            host.update(old.id ?? "", urn, revealMap(old.outputs), revealMap(inputs), revealMap(old.inputs))));
      const resource = { ...fields, id: old.id, inputs, outputs, created: old.created, modified: preview ? old.modified : now() };
      snapshot.add(resource, { supersedes: old });
      journal.record(urn, "update", plan.changedProperties);
      return result(resource);
    }

    if (old.protect) {
      throw new Error(
        `unable to replace resource "${urn}" as it is currently marked for protection. ` +
          "To unprotect the resource, remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`",
      );
    }
    if (plan.deleteBeforeReplace) {
      await this.deleteResource(old);
      snapshot.retire(old);
      const resource = await create();
      snapshot.add(resource);
      journal.record(urn, "replace", plan.changedProperties);
      return result(resource);
    }
    // Create-before-delete: the old resource waits, flagged `delete`, for the deletion phase.
    const resource = await create();
    snapshot.add(resource, { pendingDelete: old });
    journal.record(urn, "replace", plan.changedProperties);
    return result(resource);
  }

  private deleteResource(resource: StateResource): Promise<void> {
    const remove = () => deleteResource(resource, this.ctx.providers, { preview: this.ctx.preview });
    return this.ctx.preview ? remove() : this.ctx.snapshot.journaled("deleting", resource, remove);
  }

  /** The default provider enters the state the first time a resource needs it, just before that resource. */
  private useDefaultProvider(): string {
    if (!this.defaultProviderRecorded) {
      this.defaultProviderRecorded = true;
      const urn = this.defaultProviderUrn;
      const old = this.ctx.snapshot.findOld(urn);
      const id = this.defaultProviderRef.slice(urn.length + 2);
      this.registered.add(urn);
      this.ctx.snapshot.add(
        {
          urn,
          custom: true,
          id,
          type: NODEJS_PROVIDER_TYPE,
          inputs: this.ctx.stackConfig,
          outputs: this.ctx.stackConfig,
          created: old?.created ?? now(),
          modified: old?.modified ?? now(),
        },
        { supersedes: old },
      );
    }
    return this.defaultProviderRef;
  }

  private stateFields(urn: string, registration: Registration, old: StateResource | undefined): StateResource {
    const propertyDependencies = Object.keys(registration.propertyDependencies).length
      ? registration.propertyDependencies
      : undefined;
    return {
      urn,
      custom: registration.custom,
      type: registration.type,
      inputs: {},
      outputs: {},
      parent: registration.parent || undefined,
      protect: registration.protect || undefined,
      retainOnDelete: registration.retainOnDelete || undefined,
      dependencies: registration.dependencies.length ? registration.dependencies : undefined,
      propertyDependencies,
      additionalSecretOutputs: registration.additionalSecretOutputs.length ? registration.additionalSecretOutputs : undefined,
      created: old?.created ?? now(),
      modified: old?.modified ?? now(),
    };
  }
}

function result(resource: StateResource): RegistrationResult {
  return { urn: resource.urn, id: resource.id ?? "", outputs: resource.outputs };
}

function now(): string {
  return new Date().toISOString();
}
