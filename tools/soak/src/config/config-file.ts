// Reads a soak configuration file (JSON, or a JS module exporting the object or a function returning it).
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { soakError } from '../errors.js';
import { parseBytes, parseDuration } from '../units.js';
import type { OptionRow } from './option-row.js';
import { optionRows } from './option-table.js';
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

type Fail = (reason: string, cause?: unknown) => Error;

/** The rows a config file may set, by their key in the file. */
const fileRows = new Map(
  optionRows.flatMap(([key, row]) =>
    row.configKey === undefined ? [] : [[row.configKey, { key, row }] as const],
  ),
);

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
  fail: Fail,
  top: boolean,
): Promise<SoakFileOptions> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw fail(
      top
        ? 'expected an object of options (a JS config exports it as default)'
        : 'a scenario must be an object of options',
    );
  const o = raw as Record<string, unknown>;
  for (const name of Object.keys(o)) {
    const known = fileRows.get(name);
    if (known === undefined || (!top && known.row.topLevelOnly))
      throw fail(`unknown option "${name}"`);
  }
  const out: Record<string, unknown> = {};
  for (const [name, { key, row }] of fileRows) {
    if (o[name] === undefined) continue;
    out[key] = await fileValue(row, name, o[name], { dir, file, fail });
  }
  if (top && out.cwd === undefined) out.cwd = dir;
  return out as SoakFileOptions;
}

/** A config file's value as the option's value, by its kind. */
async function fileValue(
  row: OptionRow,
  name: string,
  v: unknown,
  at: { dir: string; file: string; fail: Fail },
): Promise<unknown> {
  const { dir, file, fail } = at;
  switch (row.kind) {
    case 'text':
    case 'url':
    case 'path':
      if (typeof v !== 'string') throw fail(`"${name}" must be a string`);
      return row.kind === 'path' ? resolve(dir, v) : v;
    case 'number':
    case 'fraction':
      if (typeof v !== 'number') throw fail(`"${name}" must be a number`);
      return v;
    case 'duration': {
      const ms =
        typeof v === 'number' ? v * 1000 : typeof v === 'string' ? parseDuration(v) : undefined;
      if (ms === undefined) throw fail(`"${name}" must be seconds or a duration such as "60s"`);
      return ms;
    }
    case 'size': {
      const bytes = typeof v === 'number' ? v : typeof v === 'string' ? parseBytes(v) : undefined;
      if (bytes === undefined) throw fail(`"${name}" must be bytes or a size such as "16MB"`);
      return bytes;
    }
    case 'env':
      if (
        typeof v !== 'object' ||
        v === null ||
        Array.isArray(v) ||
        !Object.values(v).every((value) => typeof value === 'string')
      )
        throw fail(`"${name}" must be an object of strings`);
      return v;
    case 'routes':
      return typeof v === 'string' ? loadRoutesFile(resolve(dir, v)) : validateRoutes(v, file);
    case 'setup':
      return typeof v === 'function' ? v : validateSteps(v, fail);
    case 'function':
      if (typeof v !== 'function') throw fail(`"${name}" must be a function (in a JS config)`);
      return v;
    case 'scenarios': {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw fail(`"${name}" must be an object of named option sets`);
      const scenarios: Record<string, SoakOptions> = {};
      for (const [scenario, value] of Object.entries(v)) {
        const scenarioFail: Fail = (reason, cause) =>
          fail(`scenario "${scenario}": ${reason}`, cause);
        scenarios[scenario] = await normalize(value, dir, file, scenarioFail, false);
      }
      return scenarios;
    }
    default:
      throw new TypeError(`option table: "${name}" has a kind no config file takes (${row.kind})`);
  }
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
