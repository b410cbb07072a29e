// The options of a soak, typed from the option table: defaults applied, every value checked, frozen.
import { usageError } from '../errors.js';
import type { KindValue } from './option-row.js';
import { type OptionKey, optionRows, optionTable } from './option-table.js';

type Table = typeof optionTable;
type SoakKey = { [K in keyof Table]: Table[K] extends { scope: 'cli' } ? never : K }[keyof Table];

/**
 * Everything a soak needs. Give `cmd` (start the target) or `url` (it is already running). Each key is
 * documented, with its default, in the option table (`config/option-table.ts`).
 */
export type SoakOptions = {
  -readonly [K in keyof Table as K extends SoakKey ? K : never]?: KindValue<Table[K]['kind']>;
};

/** The options that may stay unset after resolution (mapped twice: `-?` alone would drop `undefined`). */
type Unset = 'name' | 'cmd' | 'url' | 'pprof' | 'setup';

type Given = Required<SoakOptions>;

/** Options after defaults and validation, frozen. */
export type ResolvedSoakOptions = {
  readonly [K in keyof Given]: K extends Unset ? Given[K] | undefined : Given[K];
};

/** A default from the table, widened from its literal type (`30000` → `number`). */
function defaultOf<K extends OptionKey>(key: K) {
  const value = (optionTable[key] as { default?: unknown }).default;
  if (typeof value !== 'number' && typeof value !== 'string')
    throw new TypeError(`option table: "${key}" has no default`);
  return value as Table[K] extends { default: number } ? number : string;
}

/** The defaults, from the option table (their calibration is in the README). */
export const defaults = Object.freeze({
  ready: defaultOf('ready'),
  readyTimeoutMs: defaultOf('readyTimeoutMs'),
  durationMs: defaultOf('durationMs'),
  quickDurationMs: defaultOf('quick'),
  intervalMs: defaultOf('intervalMs'),
  connections: defaultOf('connections'),
  rate: defaultOf('rate'),
  warmup: defaultOf('warmup'),
  drainMs: defaultOf('drainMs'),
  maxGrowth: defaultOf('maxGrowth'),
  maxRetained: defaultOf('maxRetained'),
  maxErrorRate: defaultOf('maxErrorRate'),
  alpha: defaultOf('alpha'),
  top: defaultOf('top'),
});

/** A value resolveOptions accepts, and what the refusal says it must be. */
interface Rule<V> {
  readonly test: (value: V) => boolean;
  readonly want: string;
}
const rule = <V>(test: (value: V) => boolean, want: string): Rule<V> => ({ test, want });
const httpUrl = rule((v: string) => /^https?:\/\/[^/\s]+/.test(v), 'an http(s) URL');

/** What each option accepts, whatever set it (flag, config file or code). */
const rules: { readonly [K in SoakKey]?: Rule<Exclude<SoakOptions[K], undefined>> } = {
  url: httpUrl,
  pprof: httpUrl,
  ready: rule((v) => v.startsWith('/'), 'a path starting with /'),
  readyTimeoutMs: rule((v) => v > 0, 'a positive duration'),
  durationMs: rule((v) => v >= 1000, 'a duration of at least 1s'),
  intervalMs: rule((v) => v >= 100, 'a duration of at least 100ms'),
  connections: rule(
    (v) => Number.isInteger(v) && v >= 1 && v <= 10_000,
    'an integer from 1 to 10000',
  ),
  rate: rule((v) => v >= 0, 'a number of requests per second ≥ 0'),
  warmup: rule((v) => v >= 0 && v < 0.9, 'a fraction from 0 to 0.9'),
  drainMs: rule((v) => v >= 0, 'a duration ≥ 0'),
  maxGrowth: rule((v) => v >= 0, 'bytes per request ≥ 0'),
  maxRetained: rule((v) => v >= 0, 'a size ≥ 0'),
  maxErrorRate: rule((v) => v >= 0 && v <= 1, 'a fraction from 0 to 1'),
  alpha: rule((v) => v > 0 && v < 0.5, 'a significance level between 0 and 0.5'),
  top: rule((v) => Number.isInteger(v) && v >= 1, 'a positive integer'),
};

const numeric = new Set(['duration', 'size', 'number', 'fraction']);

/** Applies defaults and checks every option; a bad one is a PUGO_ERR_SOAK_USAGE. */
export function resolveOptions(options: SoakOptions): ResolvedSoakOptions {
  const o = options;
  if (o.cmd === undefined && o.url === undefined)
    throw usageError(
      'nothing to soak: pass --cmd "node server.js" (start it) or --url (already running)',
    );
  if (o.cmd !== undefined && o.url !== undefined) throw usageError('pass --cmd or --url, not both');
  if (o.cmd !== undefined && o.cmd.trim() === '') throw usageError('--cmd is empty');
  const resolved: Record<string, unknown> = {};
  for (const [key, r] of optionRows) {
    if (r.scope === 'cli') continue;
    const given = (o as Record<string, unknown>)[key];
    const value = given ?? r.default;
    const check = rules[key as SoakKey] as Rule<unknown> | undefined;
    const badNumber = numeric.has(r.kind) && !(typeof value === 'number' && Number.isFinite(value));
    if (value !== undefined && (badNumber || (check !== undefined && !check.test(value)))) {
      const shown = numeric.has(r.kind) ? String(given) : `"${String(given)}"`;
      throw usageError(`--${r.flag} must be ${check?.want ?? 'a number'}, got ${shown}`);
    }
    resolved[key] =
      r.kind === 'url' && typeof value === 'string' ? value.replace(/\/+$/, '') : value;
  }
  resolved.cwd = o.cwd ?? process.cwd();
  resolved.env = Object.freeze({ ...o.env });
  const r = resolved as ResolvedSoakOptions;
  if (r.intervalMs > r.durationMs)
    throw usageError('--interval is longer than --duration: no samples would be taken under load');
  return Object.freeze(r);
}
