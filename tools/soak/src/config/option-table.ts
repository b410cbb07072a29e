// The one table of pugo-soak's options: the command line, config files, --help and the defaults read it.
import { MB } from '../units.js';
import type { HelpSection, OptionRow } from './option-row.js';
import { defaultRoutes } from './route-spec.js';

type Rows = Readonly<Record<string, OptionRow>>;

// Each group is a section of --help, its rows in --help order. A row's doc comment documents the
// SoakOptions key it names, with its default: stated once, here.

/** What to start or reach. */
const target = {
  /**
   * Command that starts the target, run by the shell. `{port}` and `{pprofPort}` are replaced by free
   * ports, also given as `PORT` and `PPROF_PORT` in its environment. Default: none.
   */
  cmd: {
    kind: 'text',
    flag: 'cmd',
    configKey: 'cmd',
    metavar: 'CMD',
    help: 'start the target with the shell; {port} and {pprofPort} (and PORT, PPROF_PORT\nin its environment) are free ports',
  },
  /** Working directory of `cmd`. Default: the config file's folder, else the current one. */
  cwd: {
    kind: 'path',
    flag: 'cwd',
    configKey: 'cwd',
    metavar: 'DIR',
    help: 'working directory of --cmd',
    showDefault: "the config's folder, else the current one",
  },
  /** Extra environment for `cmd`. Default: none. */
  env: {
    kind: 'env',
    flag: 'env',
    configKey: 'env',
    metavar: 'NAME=VALUE',
    help: 'extra environment for --cmd (repeatable)',
  },
  /** Base URL of a service that is already running (instead of `cmd`). Default: none. */
  url: {
    kind: 'url',
    flag: 'url',
    configKey: 'url',
    metavar: 'URL',
    help: 'a service that is already running, instead of --cmd',
  },
  /**
   * Base URL of its pprof endpoints, e.g. `http://127.0.0.1:6060/debug/pprof`. Default: tried on
   * `PPROF_PORT`, then under the service's own port.
   */
  pprof: {
    kind: 'url',
    flag: 'pprof',
    configKey: 'pprof',
    metavar: 'URL',
    help: 'its /debug/pprof base',
    showDefault: "on PPROF_PORT, then under the service's port",
  },
  /** Path polled until the target answers (any status below 500). Default: `/`. */
  ready: {
    kind: 'text',
    flag: 'ready',
    configKey: 'ready',
    metavar: 'PATH',
    help: 'polled until it answers below 500',
    default: '/',
  },
  /** How long the target gets to answer `ready`. Default: 30 s. */
  readyTimeoutMs: {
    kind: 'duration',
    flag: 'ready-timeout',
    configKey: 'readyTimeout',
    metavar: 'DUR',
    help: 'how long the target gets to answer --ready',
    default: 30_000,
  },
  config: {
    scope: 'cli',
    kind: 'path',
    flag: 'config',
    metavar: 'FILE',
    help: 'soak.config.json, .js or .mjs (flags override it)',
  },
  scenario: {
    scope: 'cli',
    kind: 'text',
    flag: 'scenario',
    alias: 'inject',
    metavar: 'NAME',
    help: "merge the config's scenarios.NAME over it",
  },
  /** The request mix (`--routes` names a JSON file of it). Default: every request `GET /`. */
  routes: {
    kind: 'routes',
    flag: 'routes',
    configKey: 'routes',
    metavar: 'FILE',
    help: 'JSON list of {method, path, weight, body, headers, expect}',
    default: defaultRoutes,
    showDefault: 'GET /',
  },
} as const satisfies Rows;

/** The load and the polling. */
const load = {
  /** Length of the load phase. Default: 5 min (`--quick`: 60 s). */
  durationMs: {
    kind: 'duration',
    flag: 'duration',
    configKey: 'duration',
    metavar: 'DUR',
    help: 'load phase',
    default: 300_000,
  },
  /** `--quick`: the load phase it sets unless `--duration` is given. Default: 60 s. */
  quick: {
    scope: 'cli',
    kind: 'switch',
    flag: 'quick',
    help: 'a {default} load, for CI',
    default: 60_000,
    showDefault: (ms: number) => `${ms / 1000}s`,
  },
  /** Metrics polling period (each poll forces a full GC in the target). Default: 5 s. */
  intervalMs: {
    kind: 'duration',
    flag: 'interval',
    configKey: 'interval',
    metavar: 'DUR',
    help: 'metrics poll with a full GC',
    default: 5_000,
  },
  /** Concurrent connections. Default: 10. */
  connections: {
    kind: 'number',
    flag: 'connections',
    short: 'c',
    configKey: 'connections',
    metavar: 'N',
    help: 'concurrent connections',
    default: 10,
  },
  /** Cap on requests per second across connections; 0 for none. Default: 0. */
  rate: {
    kind: 'number',
    flag: 'rate',
    configKey: 'rate',
    metavar: 'N',
    help: 'cap on requests per second',
    default: 0,
    showDefault: 'none',
  },
  /** Share of the load phase left out of the trend (JIT, caches filling). Default: 0.2. */
  warmup: {
    kind: 'fraction',
    flag: 'warmup',
    configKey: 'warmup',
    metavar: 'FRACTION',
    help: 'share of the load left out of the trend, 0.2 or 20%',
    default: 0.2,
  },
  /** Idle time after the load, before the final GCs. Default: 5 s. */
  drainMs: {
    kind: 'duration',
    flag: 'drain',
    configKey: 'drain',
    metavar: 'DUR',
    help: 'idle time before the final GCs',
    default: 5_000,
  },
} as const satisfies Rows;

/** The thresholds of the verdict (their calibration is in the README). */
const verdict = {
  /** Growth under load, in bytes per request, above which a significant trend is a leak. Default: 32 B. */
  maxGrowth: {
    kind: 'size',
    flag: 'max-growth',
    configKey: 'maxGrowth',
    metavar: 'SIZE',
    help: 'bytes per request a significant trend may grow',
    default: 32,
  },
  /** Heap used + external, final minus baseline after the drain, above which it is a leak. Default: 16 MB. */
  maxRetained: {
    kind: 'size',
    flag: 'max-retained',
    configKey: 'maxRetained',
    metavar: 'SIZE',
    help: 'heap used + external kept after the drain',
    default: 16 * MB,
  },
  /** Share of failed requests above which the soak fails (exit 2). Default: 0.01. */
  maxErrorRate: {
    kind: 'fraction',
    flag: 'max-error-rate',
    configKey: 'maxErrorRate',
    metavar: 'X',
    help: 'failed requests above this fail the soak, exit 2',
    default: 0.01,
  },
  /** Significance level of the Mann–Kendall test. Default: 0.01. */
  alpha: {
    kind: 'number',
    flag: 'alpha',
    configKey: 'alpha',
    metavar: 'P',
    help: 'Mann–Kendall significance level',
    default: 0.01,
  },
  /** Growing allocation sites listed. Default: 10. */
  top: {
    kind: 'number',
    flag: 'top',
    configKey: 'top',
    metavar: 'N',
    help: 'growing allocation sites listed',
    default: 10,
  },
} as const satisfies Rows;

/** What the command prints and writes. */
const output = {
  json: {
    scope: 'cli',
    kind: 'switch',
    flag: 'json',
    help: 'print report.json on stdout instead of the summary',
  },
  /** `--out` and a config's `out`: the report folder. Default: `soak-report`. */
  out: {
    scope: 'cli',
    kind: 'path',
    flag: 'out',
    configKey: 'out',
    metavar: 'DIR',
    help: 'report folder; a <timestamp>/ is created in it',
    default: 'soak-report',
  },
  noReport: { scope: 'cli', kind: 'switch', flag: 'no-report', help: 'write no report folder' },
  help: { scope: 'cli', kind: 'switch', flag: 'help', short: 'h', help: 'this help' },
  version: { scope: 'cli', kind: 'switch', flag: 'version', help: "print pugo-soak's version" },
} as const satisfies Rows;

/** Options no flag sets: the API's run name, and a config file's setup, scenarios and teardown. */
const withoutFlags = {
  /** A name for the run, shown in reports (`--scenario` sets it). Default: none. */
  name: { kind: 'text' },
  /** Steps or a hook run before the baseline (log in, fetch a CSRF token). Default: none. */
  setup: { kind: 'setup', configKey: 'setup' },
  /** A config's `scenarios`: named option sets merged over it by `--scenario NAME`. */
  scenarios: { scope: 'cli', kind: 'scenarios', configKey: 'scenarios', topLevelOnly: true },
  /** A JS config's `teardown`: run once when the soak is over, whatever its outcome. */
  teardown: { scope: 'cli', kind: 'function', configKey: 'teardown', topLevelOnly: true },
} as const satisfies Rows;

/** Every option: SoakOptions keys, and the command's own (`json`, `quick`, a config's `scenarios`…). */
export const optionTable = { ...target, ...load, ...verdict, ...output, ...withoutFlags };

/** The table's keys. */
export type OptionKey = keyof typeof optionTable;

/** The rows, in table order, with their keys. */
export const optionRows = Object.entries(optionTable) as [OptionKey, OptionRow][];

/** The sections of --help and the rows each lists. */
export const helpSections: readonly (readonly [HelpSection, Rows])[] = [
  ['Target', target],
  ['Load', load],
  ['Verdict', verdict],
  ['Output', output],
];
