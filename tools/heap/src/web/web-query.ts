// The web UI's refinement in the URL, with pprof's query names (f, i, h, s, si, n, nf, ef, g, sort).
import type { Profile } from '@pugo/profile';
import { compileRegExp, ProfileError } from '@pugo/profile';
import { type Config, granularities } from '../settings/config.js';
import { resolveSampleIndex } from '../settings/resolve-sample-index.js';

/** pprof's urlparam names for the settings the web UI refines. */
export const queryNames = {
  focus: 'f',
  ignore: 'i',
  hide: 'h',
  show: 's',
  sampleIndex: 'si',
  nodeCount: 'n',
  nodeFraction: 'nf',
  edgeFraction: 'ef',
  granularity: 'g',
  sort: 'sort',
} as const satisfies Partial<Record<keyof Config, string>>;

/** A refinement that cannot be used: the page answers 400 with `message`. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

const regexpKeys = ['focus', 'ignore', 'hide', 'show'] as const;

/** The settings of a request: the command line's, overridden by the query. Throws QueryError. */
export function configFromQuery(base: Config, q: URLSearchParams, profile: Profile): Config {
  const config: Config = { ...base };
  for (const key of regexpKeys) {
    const v = q.get(queryNames[key]);
    if (v === null) continue;
    if (v === '') {
      delete config[key];
      continue;
    }
    try {
      compileRegExp(v, key);
    } catch (error) {
      throw new QueryError(error instanceof ProfileError ? error.message : `bad ${key} regexp`);
    }
    config[key] = v;
  }
  const si = q.get(queryNames.sampleIndex);
  if (si !== null && si !== '') {
    try {
      config.sampleIndex = resolveSampleIndex(profile, si);
    } catch (error) {
      throw new QueryError((error as Error).message);
    }
  }
  const int = (name: string, v: string) => {
    if (!/^-?\d+$/.test(v))
      throw new QueryError(`${name} must be an integer, got ${JSON.stringify(v)}`);
    return Number(v);
  };
  const fraction = (name: string, v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      throw new QueryError(`${name} must be a fraction between 0 and 1, got ${JSON.stringify(v)}`);
    }
    return n;
  };
  const n = q.get(queryNames.nodeCount);
  if (n !== null && n !== '') config.nodeCount = int('n (nodecount)', n);
  const nf = q.get(queryNames.nodeFraction);
  if (nf !== null && nf !== '') config.nodeFraction = fraction('nf (nodefraction)', nf);
  const ef = q.get(queryNames.edgeFraction);
  if (ef !== null && ef !== '') config.edgeFraction = fraction('ef (edgefraction)', ef);
  const g = q.get(queryNames.granularity);
  if (g !== null && g !== '') {
    if (!(granularities as readonly string[]).includes(g)) {
      throw new QueryError(
        `g (granularity) must be one of ${granularities.join(', ')}, got ${JSON.stringify(g)}`,
      );
    }
    config.granularity = g as Config['granularity'];
  }
  const sort = q.get(queryNames.sort);
  if (sort !== null && sort !== '') {
    if (sort !== 'cum' && sort !== 'flat')
      throw new QueryError(`sort must be cum or flat, got ${JSON.stringify(sort)}`);
    config.sort = sort;
  }
  return config;
}

/** The query string that carries the refinement of `q` to another view (pprof keeps it across views). */
export function refinementQuery(q: URLSearchParams, extra: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  for (const name of Object.values(queryNames)) {
    const v = q.get(name);
    if (v !== null && v !== '') out.set(name, v);
  }
  for (const [k, v] of Object.entries(extra)) out.set(k, v);
  const s = out.toString();
  return s === '' ? '' : `?${s}`;
}
