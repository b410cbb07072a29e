// Parses pugo-heap's argv with Go's flag syntax (go tool pprof's flags) and the `pugo-heap top SOURCE` form.

import { heapError, usageError } from '../errors.js';
import {
  type Config,
  configure,
  goParseBool,
  goParseFloat,
  goParseInt,
  settings,
} from './config.js';
import {
  legacySampleFlags,
  type ReportKind,
  reportCommands,
  sourceFlags,
  unsupportedFlags,
} from './flags.js';

/** A report to make: its kind and, for `peek` and `list`, the regexp that picks functions. */
export interface Command {
  readonly kind: ReportKind;
  readonly regexp?: string;
}

/** What the command line asks for. */
export interface CliArgs {
  /** `-h`, `-help`, `--help` or `pugo-heap help`: print usage and exit 0. */
  readonly help: boolean;
  /** `--version`: print the version and exit 0. */
  readonly version: boolean;
  /** The report to print; undefined opens the interactive shell. */
  readonly command?: Command;
  /** Profile files or URLs, merged. */
  readonly sources: readonly string[];
  /** Profiles to subtract (`-base`) or compare against (`-diff_base`), merged. */
  readonly base: readonly string[];
  /** Whether `base` came from `-diff_base`. */
  readonly diffBase: boolean;
  /** `-seconds`: profile duration for URL sources; -1 when unset. */
  readonly seconds: number;
  /** `-timeout`: fetch timeout in seconds; -1 when unset (pprof's default then applies). */
  readonly timeout: number;
  /** `--json`: print the report's data as JSON instead of text. */
  readonly json: boolean;
  /** `-http=HOST:PORT`: serve the web UI there instead of printing a report. */
  readonly http?: string;
  /** `-no_browser`: with `-http` or `-web`, do not open a browser. */
  readonly noBrowser: boolean;
  /** `-http_remote`: let `-http` listen on a host that is not loopback. */
  readonly httpRemote: boolean;
  /** Report settings given as flags. */
  readonly config: Config;
  /** Non-fatal notes for stderr, as pprof prints them ("Multiple value selections, …"). */
  readonly warnings: readonly string[];
}

type FlagKind = 'bool' | 'string' | 'int' | 'float' | 'list';
type Setter = (value: string) => void;

/** Parses `argv` (without node and the script). Throws a HeapError for bad usage. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const config: Config = {};
  const positionals: string[] = [];
  const bools = new Map<string, boolean>();
  const params = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const numbers = new Map<string, number>();
  const flags = new Map<string, { kind: FlagKind; set: Setter }>();
  const boolFlag = (name: string) =>
    flags.set(name, { kind: 'bool', set: (v) => bools.set(name, goParseBool(`flag -${name}`, v)) });

  for (const [name, command] of Object.entries(reportCommands)) {
    if (command.hasParam) flags.set(name, { kind: 'string', set: (v) => params.set(name, v) });
    else boolFlag(name);
  }
  for (const setting of settings) {
    if (setting.choices !== undefined) {
      for (const choice of setting.choices) boolFlag(choice);
      continue;
    }
    const flagName = `flag -${setting.name}`;
    const set: Setter =
      setting.kind === 'int'
        ? (v) => configure(config, setting.name, String(goParseInt(flagName, v)))
        : setting.kind === 'float'
          ? (v) => configure(config, setting.name, String(goParseFloat(flagName, v)))
          : setting.kind === 'bool'
            ? (v) => configure(config, setting.name, String(goParseBool(flagName, v)))
            : (v) => configure(config, setting.name, v);
    flags.set(setting.name, { kind: setting.kind, set });
  }
  for (const [name, { kind }] of Object.entries(sourceFlags)) {
    const set: Setter =
      kind === 'list'
        ? (v) => lists.set(name, [...(lists.get(name) ?? []), v])
        : (v) => numbers.set(name, goParseInt(`flag -${name}`, v));
    flags.set(name, { kind, set });
  }
  for (const [name] of legacySampleFlags) boolFlag(name);
  for (const name of ['json', 'help', 'h', 'version', 'no_browser', 'http_remote']) boolFlag(name);
  let http: string | undefined;
  flags.set('http', { kind: 'string', set: (v) => (http = v) });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.slice(arg[1] === '-' ? 2 : 1);
    if (body === '' || body[0] === '-' || body[0] === '=') {
      throw usageError(`bad flag syntax: ${arg}`);
    }
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const flag = flags.get(name);
    if (flag === undefined) {
      if (unsupportedFlags.has(name))
        throw heapError('PUGO_ERR_HEAP_UNSUPPORTED', { flag: `-${name}` });
      throw usageError(`flag provided but not defined: -${name}`);
    }
    if (eq !== -1) {
      const value = body.slice(eq + 1);
      if (flag.kind === 'bool' && value === '') {
        throw usageError(`invalid boolean value "" for flag -${name}`);
      }
      flag.set(value);
    } else if (flag.kind === 'bool') {
      flag.set('true');
    } else if (i + 1 < argv.length) {
      flag.set(argv[++i]!);
    } else {
      throw usageError(`flag needs an argument: -${name}`);
    }
  }

  if (bools.get('help') || bools.get('h') || positionals[0] === 'help') {
    return finish({ help: true });
  }
  if (bools.get('version')) return finish({ version: true });

  // Choice groups: -cum/-flat, -functions/-lines/…; two in one group conflict, as in pprof.
  for (const setting of settings) {
    if (setting.choices === undefined) continue;
    const set = setting.choices.filter((choice) => bools.get(choice) === true);
    if (set.length > 1) throw usageError(`conflicting options set: [${set.join(' ')}]`);
    if (set.length === 1) configure(config, setting.name, set[0]!);
  }

  let command = commandFromFlags(bools, params);
  const first = positionals[0];
  if (first !== undefined && Object.hasOwn(reportCommands, first) && positionals.length > 1) {
    if (command !== undefined) throw usageError('must set at most one output format');
    const spec = reportCommands[first]!;
    positionals.shift();
    if (spec.hasParam) {
      const regexp = positionals.shift()!;
      if (positionals.length === 0) {
        throw usageError(
          `${first} needs a regexp and a source, e.g. pugo-heap ${first} 'main\\.' heap.pb.gz`,
        );
      }
      command = { kind: spec.kind, regexp };
    } else {
      command = { kind: spec.kind };
    }
  }

  const warnings: string[] = [];
  for (const [flag, sampleIndex] of legacySampleFlags) {
    if (bools.get(flag) !== true) continue;
    if (config.sampleIndex === undefined) config.sampleIndex = sampleIndex;
    else warnings.push(`Multiple value selections, ignoring -${flag}`);
  }

  const base = (lists.get('base') ?? []).filter((s) => s !== '');
  const diffBase = (lists.get('diff_base') ?? []).filter((s) => s !== '');
  if (base.length > 0 && diffBase.length > 0) {
    throw usageError('-base and -diff_base flags cannot both be specified');
  }
  if (config.normalize === true && base.length === 0 && diffBase.length === 0) {
    throw usageError('must have base profile to normalize by');
  }
  if (positionals.length === 0) throw heapError('PUGO_ERR_HEAP_NO_SOURCE');

  return finish({
    command,
    sources: positionals,
    base: base.length > 0 ? base : diffBase,
    diffBase: diffBase.length > 0,
    seconds: numbers.get('seconds') ?? -1,
    timeout: numbers.get('timeout') ?? -1,
    json: bools.get('json') === true,
    ...(http !== undefined && http !== '' ? { http } : {}),
    noBrowser: bools.get('no_browser') === true,
    httpRemote: bools.get('http_remote') === true,
    config,
    warnings,
  });
}

function commandFromFlags(
  bools: ReadonlyMap<string, boolean>,
  params: ReadonlyMap<string, string>,
): Command | undefined {
  const chosen: Command[] = [];
  for (const [name, spec] of Object.entries(reportCommands)) {
    if (spec.hasParam) {
      const regexp = params.get(name);
      if (regexp !== undefined && regexp !== '') chosen.push({ kind: spec.kind, regexp });
    } else if (bools.get(name) === true) {
      chosen.push({ kind: spec.kind });
    }
  }
  if (chosen.length > 1) throw usageError('must set at most one output format');
  return chosen[0];
}

function finish(partial: Partial<CliArgs>): CliArgs {
  return {
    help: false,
    version: false,
    sources: [],
    base: [],
    diffBase: false,
    seconds: -1,
    timeout: -1,
    json: false,
    noBrowser: false,
    httpRemote: false,
    config: {},
    warnings: [],
    ...partial,
  };
}
