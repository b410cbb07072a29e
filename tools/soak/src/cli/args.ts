// Parses pugo-soak's command line with node:util's parseArgs, its flags and their kinds read from the
// option table; a bad flag is one PUGO_ERR_SOAK_USAGE line.
import { type ParseArgsConfig, parseArgs as parseNodeArgs } from 'node:util';
import type { OptionRow } from '../config/option-row.js';
import { type OptionKey, optionRows } from '../config/option-table.js';
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

type FlagRow = OptionRow & { readonly flag: string };
const flagRows = optionRows.filter((entry): entry is [OptionKey, FlagRow] => !!entry[1].flag);

/** parseArgs' options: one per flag (and alias) of the table. */
const parseConfig: NonNullable<ParseArgsConfig['options']> = {};
for (const [, row] of flagRows) {
  const option = {
    type: row.kind === 'switch' ? 'boolean' : 'string',
    ...(row.short ? { short: row.short } : {}),
    ...(row.kind === 'env' ? { multiple: true } : {}),
  } as const;
  parseConfig[row.flag] = option;
  if (row.alias) parseConfig[row.alias] = option;
}

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): CliArgs {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseNodeArgs({
      args: [...argv],
      options: parseConfig,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw usageError(describeParseError(error));
  }
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
  const given = new Map<OptionKey, string | boolean | string[]>();
  const options: Record<string, unknown> = {};
  for (const [key, row] of flagRows) {
    const raw = values[row.flag] as string | boolean | string[] | undefined;
    if (raw === undefined) continue;
    given.set(key, raw);
    // `--routes` names a file, read by the driver: only SoakOptions values are converted here.
    if (row.scope !== 'cli' && row.kind !== 'routes') options[key] = flagValue(row, raw);
  }
  const text = (key: OptionKey) => given.get(key) as string | undefined;
  const on = (key: OptionKey) => given.get(key) === true;
  if (on('noReport') && text('out') !== undefined)
    throw usageError('pass --out or --no-report, not both');
  const inject = values.inject as string | undefined;
  if (text('scenario') !== undefined && inject !== undefined)
    throw usageError('--inject is another name for --scenario: pass one');
  return {
    scenario: text('scenario') ?? inject,
    help: on('help'),
    version: on('version'),
    config: text('config'),
    routes: text('routes'),
    quick: on('quick'),
    json: on('json'),
    out: text('out'),
    report: !on('noReport'),
    options: options as SoakOptions,
  };
}

/** A flag's text as the option's value, by its kind. */
function flagValue(row: FlagRow, raw: string | boolean | string[]): unknown {
  const flag = `--${row.flag}`;
  const text = String(raw);
  switch (row.kind) {
    case 'env': {
      const env: Record<string, string> = {};
      for (const pair of raw as string[]) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw usageError(`${flag} takes NAME=VALUE, got "${pair}"`);
        env[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return env;
    }
    case 'duration': {
      const ms = parseDuration(text);
      if (ms === undefined)
        throw usageError(`${flag} takes a duration such as 90s, 5m or 500ms, got "${text}"`);
      return ms;
    }
    case 'size': {
      const bytes = parseBytes(text);
      if (bytes === undefined)
        throw usageError(`${flag} takes a size such as 64, 2KB or 16MB, got "${text}"`);
      return bytes;
    }
    case 'number':
    case 'fraction': {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
      if (m === null || (m[2] === '%' && row.kind !== 'fraction'))
        throw usageError(`${flag} takes a number, got "${text}"`);
      return m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
    }
    default:
      return raw;
  }
}

function describeParseError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? '';
  const flag = /'(-[^' ]*)/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${flag ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message)) return `${flag ?? 'a flag'} needs a value`;
      // `--drain -1`: a value that looks like a flag.
      if (/ambiguous/.test(message))
        return `${flag ?? 'a flag'} needs a value (one that starts with - is written ${flag ?? '--flag'}=VALUE)`;
      return `${flag ?? 'a flag'} takes no value`;
    default:
      return (message || String(error)).split('\n')[0] ?? 'bad arguments';
  }
}
