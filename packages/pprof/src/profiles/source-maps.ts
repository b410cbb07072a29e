// Loads source maps once per set of directories, so profile frames point at the original sources.
import { SourceMapper } from '@datadog/pprof';
import { pprofError } from '../errors.js';

const loaded = new Map<string, Promise<SourceMapper>>();

/**
 * A SourceMapper for the `.js.map` files under `dirs` (node_modules skipped), or undefined for no
 * directories. The scan runs once per distinct list and is shared.
 */
export async function loadSourceMaps(dirs: readonly string[]): Promise<SourceMapper | undefined> {
  if (dirs.length === 0) return undefined;
  const key = JSON.stringify(dirs);
  let mapper = loaded.get(key);
  if (mapper === undefined) {
    mapper = SourceMapper.create([...dirs]);
    loaded.set(key, mapper);
  }
  try {
    return await mapper;
  } catch (error) {
    loaded.delete(key);
    throw pprofError(
      'PUGO_ERR_PPROF_SOURCE_MAPS',
      { dirs: dirs.join(', '), reason: error instanceof Error ? error.message : String(error) },
      error,
    );
  }
}
