// Reads a soak configuration file (JSON, or a JS module exporting the object or a function returning it).
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { soakError } from '../errors.js';
import { parseBytes, parseDuration } from '../units.js';
import type { SoakOptions } from './options.js';
import { validateRoutes } from './route-spec.js';
import { validateSteps } from './setup-spec.js';

/** What a configuration file can set: the options, plus where reports go. */
export interface SoakFileOptions extends SoakOptions {
  /** Report folder (`--out`). */
  out?: string;
  /**
   * Named option sets merged over the file's options by `--scenario NAME` (alias `--inject`), e.g.
   * `{ "cache": { "env": { "PUGO_INJECT_LEAK": "cache" } } }`. Default: none.
   */
  scenarios?: Readonly<Record<string, SoakOptions>>;
  /**
   * Run once when the soak is over, whatever its outcome (JS configs): removes what the config made
   * for this run, such as a temporary database. Default: none.
   */
  teardown?: () => unknown;
}

const durationKeys = {
  readyTimeout: 'readyTimeoutMs',
  duration: 'durationMs',
  interval: 'intervalMs',
  drain: 'drainMs',
} as const;
const byteKeys = ['maxGrowth', 'maxRetained'] as const;
const plainKeys = [
  'cmd',
  'url',
  'pprof',
  'ready',
  'connections',
  'rate',
  'warmup',
  'maxErrorRate',
  'alpha',
  'top',
  'out',
] as const;

/**
 * Loads `file`. Durations are numbers of seconds or strings (`"60s"`, `"5m"`), sizes numbers of bytes
 * or strings (`"16MB"`); `routes` is a list or the path of a JSON file; `cwd` and file paths are
 * relative to the config's folder. Throws PUGO_ERR_SOAK_CONFIG.
 */
export async function loadConfigFile(file: string): Promise<SoakFileOptions> {
  const path = resolve(file);
  const dir = dirname(path);
  const fail = (reason: string, cause?: unknown) =>
    soakError('PUGO_ERR_SOAK_CONFIG', { file, reason }, cause);
  let raw: unknown;
  const ext = extname(path);
  if (ext === '.json') {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw fail((error as Error).message, error);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw fail(`not valid JSON: ${(error as Error).message}`, error);
    }
  } else if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
    try {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      raw = mod.default;
      if (typeof raw === 'function') raw = await (raw as () => unknown)();
    } catch (error) {
      throw fail((error as Error).message ?? String(error), error);
    }
  } else {
    throw fail('unknown extension; use .json, .js or .mjs');
  }
  return normalize(raw, dir, file, fail, true);
}

/** Checks and converts one options object (the file's, or one of its scenarios). */
async function normalize(
  raw: unknown,
  dir: string,
  file: string,
  fail: (reason: string, cause?: unknown) => Error,
  top: boolean,
): Promise<SoakFileOptions> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw fail(
      top
        ? 'expected an object of options (a JS config exports it as default)'
        : 'a scenario must be an object of options',
    );
  const o = raw as Record<string, unknown>;
  const known = new Set<string>([
    ...Object.keys(durationKeys),
    ...byteKeys,
    ...plainKeys,
    'cwd',
    'env',
    'routes',
    'setup',
    ...(top ? ['scenarios', 'teardown'] : []),
  ]);
  for (const key of Object.keys(o)) if (!known.has(key)) throw fail(`unknown option "${key}"`);
  const out: Record<string, unknown> = {};
  for (const key of plainKeys) if (o[key] !== undefined) out[key] = o[key];
  for (const key of ['cmd', 'url', 'pprof', 'ready', 'out'] as const)
    if (out[key] !== undefined && typeof out[key] !== 'string')
      throw fail(`"${key}" must be a string`);
  for (const key of ['connections', 'rate', 'warmup', 'maxErrorRate', 'alpha', 'top'] as const)
    if (out[key] !== undefined && typeof out[key] !== 'number')
      throw fail(`"${key}" must be a number`);
  for (const [key, target] of Object.entries(durationKeys)) {
    const v = o[key];
    if (v === undefined) continue;
    const ms =
      typeof v === 'number' ? v * 1000 : typeof v === 'string' ? parseDuration(v) : undefined;
    if (ms === undefined) throw fail(`"${key}" must be seconds or a duration such as "60s"`);
    out[target] = ms;
  }
  for (const key of byteKeys) {
    const v = o[key];
    if (v === undefined) continue;
    const bytes = typeof v === 'number' ? v : typeof v === 'string' ? parseBytes(v) : undefined;
    if (bytes === undefined) throw fail(`"${key}" must be bytes or a size such as "16MB"`);
    out[key] = bytes;
  }
  if (typeof o.cwd === 'string') out.cwd = resolve(dir, o.cwd);
  else if (top) out.cwd = dir;
  if (typeof out.out === 'string') out.out = resolve(dir, out.out);
  if (o.env !== undefined) {
    if (
      typeof o.env !== 'object' ||
      o.env === null ||
      !Object.values(o.env).every((v) => typeof v === 'string')
    )
      throw fail('"env" must be an object of strings');
    out.env = o.env;
  }
  if (o.routes !== undefined) {
    if (typeof o.routes === 'string') out.routes = await loadRoutesFile(resolve(dir, o.routes));
    else out.routes = validateRoutes(o.routes, file);
  }
  if (o.setup !== undefined) {
    if (typeof o.setup === 'function') out.setup = o.setup;
    else out.setup = validateSteps(o.setup, fail);
  }
  if (top && o.teardown !== undefined) {
    if (typeof o.teardown !== 'function')
      throw fail('"teardown" must be a function (in a JS config)');
    out.teardown = o.teardown;
  }
  if (top && o.scenarios !== undefined) {
    if (typeof o.scenarios !== 'object' || o.scenarios === null || Array.isArray(o.scenarios))
      throw fail('"scenarios" must be an object of named option sets');
    const scenarios: Record<string, SoakOptions> = {};
    for (const [name, value] of Object.entries(o.scenarios)) {
      const scenarioFail = (reason: string, cause?: unknown) =>
        fail(`scenario "${name}": ${reason}`, cause);
      scenarios[name] = await normalize(value, dir, file, scenarioFail, false);
    }
    out.scenarios = scenarios;
  }
  return out as SoakFileOptions;
}

/** Reads a `--routes` JSON file. */
export async function loadRoutesFile(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw soakError(
      'PUGO_ERR_SOAK_ROUTES',
      { where: file, reason: (error as Error).message },
      error,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw soakError(
      'PUGO_ERR_SOAK_ROUTES',
      { where: file, reason: `not valid JSON: ${(error as Error).message}` },
      error,
    );
  }
  return validateRoutes(value, file);
}
