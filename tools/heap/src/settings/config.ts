// The report settings pprof calls its config: their names, defaults and help, shared by flags and the shell.
import type { Granularity } from '@pugo/profile';
import { usageError } from '../errors.js';

/** Settings a report is made with; unset means pprof's default for that report. */
export interface Config {
  /** Write the report to this file instead of stdout. Default: stdout. */
  output?: string;
  /** Sample value to report, by name or 0-based index. Default: the profile's default (last) type. */
  sampleIndex?: string;
  /** Scale the profile to the base profile's total before subtracting it. Default: false. */
  normalize?: boolean;
  /** Sort entries by own (`flat`) or cumulative (`cum`) weight. Default: `flat`. */
  sort?: 'flat' | 'cum';
  /** Max number of nodes to show. Default: all for `top`, 80 for `tree` (10 for `top` in the shell). */
  nodeCount?: number;
  /** Hide nodes below this fraction of the total. Default: 0.005. */
  nodeFraction?: number;
  /** Hide edges below this fraction of the total. Default: 0.001. */
  edgeFraction?: number;
  /** Keep only samples through a node matching this regexp. Default: none. */
  focus?: string;
  /** Drop samples through a node matching this regexp. Default: none. */
  ignore?: string;
  /** Drop nodes matching this regexp (their samples stay). Default: none. */
  hide?: string;
  /** Show only nodes matching this regexp. Default: none. */
  show?: string;
  /** Aggregation level of the graph. Default: `functions`. */
  granularity?: Granularity;
  /** Search path for source files of `list`, separated by the platform's path delimiter. Default: none. */
  sourcePath?: string;
  /** Path prefix to trim from source paths before searching. Default: none. */
  trimPath?: string;
}

type Kind = 'bool' | 'int' | 'float' | 'string';

/** One setting as pprof names it (`nodecount`), with where it goes and its help line. */
export interface Setting {
  readonly name: string;
  readonly key: keyof Config;
  readonly kind: Kind;
  /** Shown by `o` when unset. */
  readonly defaultValue: string;
  readonly help: string;
  /** For a setting chosen by flags of its own (`-cum`, `-lines`): those choices. */
  readonly choices?: readonly string[];
}

export const granularities: readonly Granularity[] = [
  'functions',
  'filefunctions',
  'files',
  'lines',
  'addresses',
];

/** pprof's settings that pugo-heap supports, in pprof's spelling. */
export const settings: readonly Setting[] = [
  {
    name: 'output',
    key: 'output',
    kind: 'string',
    defaultValue: '',
    help: 'Output filename for reports',
  },
  {
    name: 'sample_index',
    key: 'sampleIndex',
    kind: 'string',
    defaultValue: '',
    help: 'Sample value to report (0-based index or name)',
  },
  {
    name: 'normalize',
    key: 'normalize',
    kind: 'bool',
    defaultValue: 'false',
    help: 'Scales profile based on the base profile.',
  },
  {
    name: 'sort',
    key: 'sort',
    kind: 'string',
    defaultValue: 'flat',
    help: 'Sort order',
    choices: ['cum', 'flat'],
  },
  {
    name: 'nodecount',
    key: 'nodeCount',
    kind: 'int',
    defaultValue: '-1',
    help: 'Max number of nodes to show',
  },
  {
    name: 'nodefraction',
    key: 'nodeFraction',
    kind: 'float',
    defaultValue: '0.005',
    help: 'Hide nodes below <f>*total',
  },
  {
    name: 'edgefraction',
    key: 'edgeFraction',
    kind: 'float',
    defaultValue: '0.001',
    help: 'Hide edges below <f>*total',
  },
  {
    name: 'focus',
    key: 'focus',
    kind: 'string',
    defaultValue: '',
    help: 'Restricts to samples going through a node matching regexp',
  },
  {
    name: 'ignore',
    key: 'ignore',
    kind: 'string',
    defaultValue: '',
    help: 'Skips paths going through any nodes matching regexp',
  },
  {
    name: 'hide',
    key: 'hide',
    kind: 'string',
    defaultValue: '',
    help: 'Skips nodes matching regexp',
  },
  {
    name: 'show',
    key: 'show',
    kind: 'string',
    defaultValue: '',
    help: 'Only show nodes matching regexp',
  },
  {
    name: 'granularity',
    key: 'granularity',
    kind: 'string',
    defaultValue: 'functions',
    help: 'Output granularity',
    choices: granularities,
  },
  {
    name: 'source_path',
    key: 'sourcePath',
    kind: 'string',
    defaultValue: '',
    help: 'Search path for source files',
  },
  {
    name: 'trim_path',
    key: 'trimPath',
    kind: 'string',
    defaultValue: '',
    help: 'Path to trim from source paths before search',
  },
];

/** Help of the choices (`-cum`, `-lines`, …), pprof's words; the first line is the summary. */
export const choiceHelp: Readonly<Record<string, string>> = {
  flat: 'Sort entries based on own weight\n',
  cum: 'Sort entries based on cumulative weight\n',
  functions:
    'Aggregate at the function level.\nIgnores the filename where the function was defined.\n',
  filefunctions:
    'Aggregate at the function level.\nTakes into account the filename where the function was defined.\n',
  files: 'Aggregate at the file level.',
  lines: 'Aggregate at the source code line level.',
  addresses: "Aggregate at the address level.\nIncludes functions' addresses in the output.\n",
};

/** The setting named `name`, or the setting that `name` is a choice of (`cum` → sort). */
export function findSetting(name: string): Setting | undefined {
  return settings.find((s) => s.name === name || s.choices?.includes(name));
}

/**
 * Sets `name` to `value` in `config` as pprof's `configure` does: a choice name (`cum`) takes a
 * boolean value, everything else is parsed by its kind. Throws a usage error for a bad value.
 */
export function configure(config: Config, name: string, value: string): void {
  const setting = findSetting(name);
  if (setting === undefined) throw usageError(`unknown option ${JSON.stringify(name)}`);
  const target = config as Record<string, unknown>;
  if (setting.choices !== undefined) {
    if (setting.name === name) {
      if (!setting.choices.includes(value)) {
        throw usageError(
          `invalid ${name} ${JSON.stringify(value)}: use one of ${setting.choices.join(', ')}`,
        );
      }
      target[setting.key] = value;
    } else if (goParseBool(name, value)) {
      target[setting.key] = name;
    } else if (target[setting.key] === name) {
      delete target[setting.key];
    }
    return;
  }
  target[setting.key] = parseValue(setting.kind, name, value);
}

function parseValue(kind: Kind, name: string, value: string): string | number | boolean {
  switch (kind) {
    case 'bool':
      return goParseBool(name, value);
    case 'int':
      return goParseInt(name, value);
    case 'float':
      return goParseFloat(name, value);
    case 'string':
      return value;
  }
}

/** Go's strconv.ParseBool, plus pprof's empty string (a bare `cum` means true). */
export function goParseBool(name: string, value: string): boolean {
  if (['', '1', 't', 'T', 'true', 'TRUE', 'True', 'y', 'yes'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False', 'n', 'no'].includes(value)) return false;
  throw usageError(`invalid boolean value ${JSON.stringify(value)} for ${name}`);
}

/** Go's strconv.ParseInt(value, 0, 64): decimal, 0x, 0o, 0b, optional sign. */
export function goParseInt(name: string, value: string): number {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/.exec(value);
  if (match === null)
    throw usageError(`invalid value ${JSON.stringify(value)} for ${name}: parse error`);
  const digits = match[2]!;
  const n = /^0[0-7]+$/.test(digits)
    ? Number.parseInt(digits.slice(1), 8)
    : Number(digits.replace(/^0[oO]/, '0o'));
  return match[1] === '-' ? -n : n;
}

/** Go's strconv.ParseFloat: a finite decimal or exponent number. */
export function goParseFloat(name: string, value: string): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isNaN(n))
    throw usageError(`invalid value ${JSON.stringify(value)} for ${name}: parse error`);
  return n;
}

/** The value of a setting as `o` prints it. */
export function settingValue(config: Config, setting: Setting): string {
  const value = config[setting.key];
  return value === undefined ? setting.defaultValue : String(value);
}
