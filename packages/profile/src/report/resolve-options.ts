// Checks report options and applies pprof's defaults and per-command overrides (applyCommandOverrides).
import { fail } from '../errors.js';
import type { Granularity } from '../profile/aggregate.js';
import type { NameFilters } from '../profile/filter.js';
import { sampleIndexByName } from '../profile/sample-index.js';
import type { ReportProfile } from '../profile/samples.js';
import { compileRegExp } from '../regexp.js';
import { numLabelUnits } from './num-label-units.js';
import type { ReportKind, ReportOptions } from './options.js';

const GRANULARITIES: readonly Granularity[] = [
  'functions',
  'filefunctions',
  'files',
  'lines',
  'addresses',
];
const KINDS: readonly ReportKind[] = ['top', 'peek', 'tree', 'traces', 'list', 'dot'];

/** Options checked and compiled before any work: what does not depend on the profile. */
export interface CheckedOptions {
  kind: ReportKind;
  granularity: Granularity;
  nodeCount: number;
  nodeFraction: number;
  edgeFraction: number;
  filters: NameFilters;
  /** The compiled RE of peek and list. */
  symbol: RegExp | undefined;
}

/** Resolved settings of a report (defaults applied, per kind), as the report files read them. */
export interface ResolvedOptions {
  cum: boolean;
  nodeCount: number;
  nodeFraction: number;
  edgeFraction: number;
  activeFilters: string[];
  sampleIndex: number;
  sampleType: string;
  sampleUnit: string;
  symbol: RegExp | undefined;
  /** The RE as the user wrote it (for messages). */
  symbolSource: string;
  /** The -source_path as given ('' when not given), colon-separated as pprof takes it. */
  sourcePath: string;
  trimPath: string;
  numLabelUnits: Map<string, string>;
}

/**
 * Checks the options and compiles every expression, so that a bad one fails before any work;
 * then pprof's applyCommandOverrides: peek and list are never trimmed, list reads lines, top
 * shows every node and the other kinds 80. Throws PUGO_ERR_PROFILE_OPTION or _REGEX.
 */
export function checkOptions(options: ReportOptions): CheckedOptions {
  const kind = options.kind;
  if (!KINDS.includes(kind)) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: unknown kind ${JSON.stringify(kind)}; use one of ${KINDS.join(', ')}`,
    );
  }
  let granularity = options.granularity ?? 'functions';
  if (!GRANULARITIES.includes(granularity)) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: unknown granularity ${JSON.stringify(granularity)}; use one of ${GRANULARITIES.join(', ')}`,
    );
  }
  if (
    (kind === 'peek' || kind === 'list') &&
    (options.regexp === undefined || options.regexp === '')
  ) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: ${kind} needs a regexp; pass options.regexp`,
    );
  }
  const filters: NameFilters = {
    focus: options.focus ? compileRegExp(options.focus, 'focus') : undefined,
    ignore: options.ignore ? compileRegExp(options.ignore, 'ignore') : undefined,
    hide: options.hide ? compileRegExp(options.hide, 'hide') : undefined,
    show: options.show ? compileRegExp(options.show, 'show') : undefined,
  };
  const symbol = options.regexp ? compileRegExp(options.regexp, 'argument') : undefined;

  let trim = true;
  let nodeCount = options.nodeCount ?? -1;
  if (kind === 'peek') trim = false;
  else if (kind === 'list') {
    trim = false;
    granularity = 'lines';
  } else if (kind === 'top') {
    if (nodeCount === -1) nodeCount = 0;
  } else if (nodeCount === -1) nodeCount = 80;
  let nodeFraction = fraction(options.nodeFraction, 'nodeFraction', 0.005);
  let edgeFraction = fraction(options.edgeFraction, 'edgeFraction', 0.001);
  if (!trim) {
    nodeCount = 0;
    nodeFraction = 0;
    edgeFraction = 0;
  }
  return {
    kind,
    granularity,
    nodeCount: Math.max(0, Math.trunc(nodeCount)),
    nodeFraction,
    edgeFraction,
    filters,
    symbol,
  };
}

/** The settings of a report on `p`, the profile it reads (sample index, label units). */
export function resolveOptions(
  options: ReportOptions,
  checked: CheckedOptions,
  p: ReportProfile,
): ResolvedOptions {
  if (p.sampleType.length === 0) {
    fail('PUGO_ERR_PROFILE_SAMPLE_INDEX', 'generating the report failed: profile has no samples');
  }
  const sampleIndex = sampleIndexByName(p, options.sampleIndex);
  const st = p.sampleType[sampleIndex]!;
  const activeFilters: string[] = [];
  for (const [k, v] of [
    ['focus', options.focus],
    ['ignore', options.ignore],
    ['hide', options.hide],
    ['show', options.show],
  ] as const) {
    if (v) activeFilters.push(`${k}=${v}`);
  }
  return {
    cum: options.cum === true,
    nodeCount: checked.nodeCount,
    nodeFraction: checked.nodeFraction,
    edgeFraction: checked.edgeFraction,
    activeFilters,
    sampleIndex,
    sampleType: st.type,
    sampleUnit: st.unit,
    symbol: checked.symbol,
    symbolSource: options.regexp ?? '',
    sourcePath: (options.sourcePath ?? []).join(':'),
    trimPath: options.trimPath ?? '',
    numLabelUnits: numLabelUnits(p),
  };
}

function fraction(v: number | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isFinite(v) || v < 0) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: ${name} must be a number >= 0, got ${v}`,
    );
  }
  return v;
}
