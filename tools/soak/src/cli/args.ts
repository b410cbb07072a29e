// Parses pugo-soak's command line into options; a bad flag is one PUGO_ERR_SOAK_USAGE line.
import { parseArgs as parseNodeArgs } from 'node:util';
import type { SoakOptions } from '../config/options.js';
import { usageError } from '../errors.js';
import { parseBytes, parseDuration } from '../units.js';

/** What the command line asks for. */
export interface CliArgs {
  readonly help: boolean;
  readonly version: boolean;
  /** `--config`: a soak configuration file; flags override it. */
  readonly config: string | undefined;
  /** `--scenario` / `--inject`: a named option set from the config's `scenarios`. */
  readonly scenario: string | undefined;
  /** `--routes`: a JSON file of routes. */
  readonly routes: string | undefined;
  /** `--quick`: a 60 s load (unless --duration is given). */
  readonly quick: boolean;
  /** `--json`: print report.json on stdout instead of the summary. */
  readonly json: boolean;
  /** `--out`: the report folder; `--no-report` writes none. */
  readonly out: string | undefined;
  readonly report: boolean;
  /** Options given as flags (only those given). */
  readonly options: SoakOptions;
}

const flags = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  config: { type: 'string' },
  cmd: { type: 'string' },
  cwd: { type: 'string' },
  env: { type: 'string', multiple: true },
  url: { type: 'string' },
  pprof: { type: 'string' },
  ready: { type: 'string' },
  'ready-timeout': { type: 'string' },
  routes: { type: 'string' },
  scenario: { type: 'string' },
  inject: { type: 'string' },
  duration: { type: 'string' },
  quick: { type: 'boolean' },
  interval: { type: 'string' },
  connections: { type: 'string', short: 'c' },
  rate: { type: 'string' },
  warmup: { type: 'string' },
  drain: { type: 'string' },
  'max-growth': { type: 'string' },
  'max-retained': { type: 'string' },
  'max-error-rate': { type: 'string' },
  alpha: { type: 'string' },
  top: { type: 'string' },
  out: { type: 'string' },
  'no-report': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): CliArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseNodeArgs({
      args: [...argv],
      options: flags,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw usageError(describeParseError(error));
  }
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
  const str = (name: keyof typeof flags) => values[name] as string | undefined;
  const options: SoakOptions = {};
  const set = <K extends keyof SoakOptions>(key: K, value: SoakOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('cmd', str('cmd'));
  set('cwd', str('cwd'));
  set('url', str('url'));
  set('pprof', str('pprof'));
  set('ready', str('ready'));
  const envList = values.env as string[] | undefined;
  if (envList !== undefined) {
    const env: Record<string, string> = {};
    for (const pair of envList) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw usageError(`--env takes NAME=VALUE, got "${pair}"`);
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    options.env = env;
  }
  const duration = (flag: keyof typeof flags) => {
    const text = str(flag);
    if (text === undefined) return undefined;
    const ms = parseDuration(text);
    if (ms === undefined)
      throw usageError(`--${flag} takes a duration such as 90s, 5m or 500ms, got "${text}"`);
    return ms;
  };
  const bytes = (flag: keyof typeof flags) => {
    const text = str(flag);
    if (text === undefined) return undefined;
    const b = parseBytes(text);
    if (b === undefined)
      throw usageError(`--${flag} takes a size such as 64, 2KB or 16MB, got "${text}"`);
    return b;
  };
  const number = (flag: keyof typeof flags, percent = false) => {
    const text = str(flag);
    if (text === undefined) return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
    if (m === null || (m[2] === '%' && !percent))
      throw usageError(`--${flag} takes a number, got "${text}"`);
    return m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
  };
  set('readyTimeoutMs', duration('ready-timeout'));
  set('durationMs', duration('duration'));
  set('intervalMs', duration('interval'));
  set('drainMs', duration('drain'));
  set('connections', number('connections'));
  set('rate', number('rate'));
  set('warmup', number('warmup', true));
  set('maxGrowth', bytes('max-growth'));
  set('maxRetained', bytes('max-retained'));
  set('maxErrorRate', number('max-error-rate', true));
  set('alpha', number('alpha'));
  set('top', number('top'));
  if (values['no-report'] === true && str('out') !== undefined)
    throw usageError('pass --out or --no-report, not both');
  if (str('scenario') !== undefined && str('inject') !== undefined)
    throw usageError('--inject is another name for --scenario: pass one');
  return {
    scenario: str('scenario') ?? str('inject'),
    help: values.help === true,
    version: values.version === true,
    config: str('config'),
    routes: str('routes'),
    quick: values.quick === true,
    json: values.json === true,
    out: str('out'),
    report: values['no-report'] !== true,
    options,
  };
}

function describeParseError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const flag = /'(-[^' ]*)/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${flag ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${flag ?? 'a flag'} ${/argument missing/.test(e.message ?? '') ? 'needs a value' : 'takes no value'}`;
    default:
      return (e.message ?? String(error)).split('\n')[0] ?? 'bad arguments';
  }
}
