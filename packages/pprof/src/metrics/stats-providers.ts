// The process-wide registry of stats providers: named functions whose objects become /metrics sections.
import { pprofError } from '../errors.js';

/** Returns a JSON-serialisable object (or a promise of one) for one `/metrics` section. */
export type StatsProvider = () => object | Promise<object>;

const registry = new Map<string, StatsProvider>();

/**
 * Adds a section named `name` to `/metrics` of every pprof plugin and server in this process, e.g.
 * `registerStatsProvider('router', () => app.poolStats())`. Returns a function that removes it.
 */
export function registerStatsProvider(name: string, provider: StatsProvider): () => void {
  if (typeof name !== 'string' || name.length === 0) {
    throw pprofError('PUGO_ERR_PPROF_BAD_OPTION', {
      option: 'name',
      value: JSON.stringify(name),
      want: 'a non-empty string',
    });
  }
  if (typeof provider !== 'function') {
    throw pprofError('PUGO_ERR_PPROF_BAD_OPTION', {
      option: 'provider',
      value: typeof provider,
      want: 'a function returning an object',
    });
  }
  if (registry.has(name)) throw pprofError('PUGO_ERR_PPROF_DUPLICATE_PROVIDER', { name });
  registry.set(name, provider);
  return () => {
    if (registry.get(name) === provider) registry.delete(name);
  };
}

/**
 * Runs the process-wide providers and `local` ones (which win on a name clash). A provider that
 * throws gets `{ error: message }` instead of failing the whole response.
 */
export async function collectProviders(
  local: Readonly<Record<string, StatsProvider>>,
): Promise<Record<string, unknown>> {
  const all = new Map<string, StatsProvider>([...registry, ...Object.entries(local)]);
  const out: Record<string, unknown> = {};
  for (const [name, provider] of all) {
    try {
      out[name] = await provider();
    } catch (error) {
      out[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return out;
}
