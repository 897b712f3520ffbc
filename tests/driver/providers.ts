// The engine's provider registry (pkg/resource/deploy/providers/registry.go), reduced to `pulumi-nodejs`: each
// provider reference ("<provider urn>::<id>") gets its own plugin process, configured before first use with that
// provider's inputs. The default provider's inputs are the whole stack config (target.go GetPackageConfig).
import { HostLaunch, ProviderHost } from "./host";
import { deepEqual, PropertyMap } from "./property-values";

export const NODEJS_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

export function isDynamicResourceType(type: string): boolean {
  return type === DYNAMIC_TYPE_PREFIX || type.startsWith(`${DYNAMIC_TYPE_PREFIX}:`) || type.startsWith(`${DYNAMIC_TYPE_PREFIX}/`);
}

/** The engine's default provider for the package, `…::pulumi:providers:pulumi-nodejs::default` (hidden in displays). */
export function isDefaultProvider(resource: { type: string; urn: string }): boolean {
  return resource.type === NODEJS_PROVIDER_TYPE && resource.urn.endsWith("::default");
}

export function providerReference(urn: string, id: string): string {
  return `${urn}::${id}`;
}

interface ProviderEntry {
  config: PropertyMap;
  host?: Promise<ProviderHost>;
}

export class ProviderRegistry {
  private readonly providers = new Map<string, ProviderEntry>();

  constructor(private readonly launch: Omit<HostLaunch, "label">) {}

  /** Declares (or re-declares) a provider's configuration: plaintext, namespaced keys. */
  define(reference: string, config: PropertyMap): void {
    const existing = this.providers.get(reference);
    if (existing && deepEqual(existing.config, config)) return;
    // The host configures a provider object once per process (cmd/dynamic-provider getProvider), so a changed
    // configuration needs a fresh process.
    existing?.host?.then((host) => host.stop(), () => undefined);
    this.providers.set(reference, { config });
  }

  has(reference: string): boolean {
    return this.providers.has(reference);
  }

  /** The configured host for a provider reference, started on first use. */
  hostFor(reference: string): Promise<ProviderHost> {
    const entry = this.providers.get(reference);
    if (!entry) return Promise.reject(new Error(`unknown provider reference '${reference}'`));
    entry.host ??= this.start(reference, entry.config);
    return entry.host;
  }

  /** Stops every host that was started; safe to call more than once. */
  async stopAll(): Promise<void> {
    const hosts = [...this.providers.values()].map((entry) => entry.host).filter((host) => host !== undefined);
    this.providers.clear();
    for (const host of await Promise.allSettled(hosts)) if (host.status === "fulfilled") host.value.stop();
  }

  private async start(reference: string, config: PropertyMap): Promise<ProviderHost> {
    const label = `provider ${reference.split("::").slice(-2)[0]}`;
    const host = await ProviderHost.start({ ...this.launch, label });
    try {
      // Configure must come before any CRUD call: the host hands it to provider.configure() on first use.
      await host.configure(config);
    } catch (error) {
      host.stop();
      throw error;
    }
    return host;
  }
}
