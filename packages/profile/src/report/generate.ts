// Runs a report as go tool pprof's driver does: combine, pick the sample, filter, aggregate, print.
import { dotReport } from '../dot/dot-report.js';
import { fail } from '../errors.js';
import { aggregate, type Granularity } from '../profile/aggregate.js';
import { combineWithBase, copyProfile } from '../profile/combine.js';
import { copyStreamed } from '../profile/copy-streamed.js';
import { filterSamplesByName } from '../profile/filter.js';
import type { Profile } from '../profile/model.js';
import type { StreamedProfile } from '../profile/open-file.js';
import { removeUninteresting } from '../profile/prune.js';
import { sampleIndexByName } from '../profile/sample-index.js';
import { isStreamed, type ReportProfile } from '../profile/samples.js';
import { compileRegExp } from '../regexp.js';
import { ReportContext, type ResolvedOptions } from './context.js';
import { listReport } from './list.js';
import { numLabelUnits } from './num-label-units.js';
import type { Report, ReportData, ReportOptions } from './options.js';
import { topReport } from './top.js';
import { tracesReport } from './traces.js';
import { treeReport } from './tree.js';

const GRANULARITIES: readonly Granularity[] = [
  'functions',
  'filefunctions',
  'files',
  'lines',
  'addresses',
];
const KINDS = ['top', 'peek', 'tree', 'traces', 'list', 'dot'] as const;

/**
 * The profile a report reads: a copy, with the base subtracted or compared and frames pruned. A
 * streamed profile stays streamed (its tables are copied), unless a base must be merged with it.
 */
export function prepareProfile(profile: Profile, options: ReportOptions): Profile;
export function prepareProfile(
  profile: Profile | StreamedProfile,
  options: ReportOptions,
): ReportProfile;
export function prepareProfile(
  profile: Profile | StreamedProfile,
  options: ReportOptions,
): ReportProfile {
  if (options.base !== undefined && options.diffBase !== undefined) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      'generating the report failed: both base and diffBase are set; pass only one',
    );
  }
  const base = options.diffBase ?? options.base;
  let p: ReportProfile;
  if (base !== undefined) {
    p = combineWithBase(inMemory(profile), base, {
      diff: options.diffBase !== undefined,
      normalize: options.normalize === true,
    });
  } else if (isStreamedProfile(profile)) {
    p = profile.hasNegativeValues ? copyProfile(profile.load()) : copyStreamed(profile);
  } else p = copyProfile(profile);
  removeUninteresting(p);
  return p;
}

function isStreamedProfile(p: Profile | StreamedProfile): p is StreamedProfile {
  return isStreamed(p.sample);
}

/** The samples in memory: merging with a base, or printing each merged sample, needs them. */
function inMemory(p: Profile | StreamedProfile): Profile {
  return isStreamedProfile(p) ? p.load() : p;
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

/** Generates a report: `text` as go tool pprof prints it, `data` for `--json`. */
export function generateReport(profile: Profile | StreamedProfile, options: ReportOptions): Report {
  if (!KINDS.includes(options.kind)) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: unknown kind ${JSON.stringify(options.kind)}; use one of ${KINDS.join(', ')}`,
    );
  }
  let granularity = options.granularity ?? 'functions';
  if (!GRANULARITIES.includes(granularity)) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: unknown granularity ${JSON.stringify(granularity)}; use one of ${GRANULARITIES.join(', ')}`,
    );
  }
  const kind = options.kind;
  if (
    (kind === 'peek' || kind === 'list') &&
    (options.regexp === undefined || options.regexp === '')
  ) {
    fail(
      'PUGO_ERR_PROFILE_OPTION',
      `generating the report failed: ${kind} needs a regexp; pass options.regexp`,
    );
  }
  // Compile every expression before any work, so a bad one fails fast.
  const focus = options.focus ? compileRegExp(options.focus, 'focus') : undefined;
  const ignore = options.ignore ? compileRegExp(options.ignore, 'ignore') : undefined;
  const hide = options.hide ? compileRegExp(options.hide, 'hide') : undefined;
  const show = options.show ? compileRegExp(options.show, 'show') : undefined;
  const symbol = options.regexp ? compileRegExp(options.regexp, 'argument') : undefined;

  // traces prints every sample of the merged profile: it reads them in memory.
  const p = prepareProfile(kind === 'traces' ? inMemory(profile) : profile, options);
  const units = numLabelUnits(p);

  // pprof's applyCommandOverrides.
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
  const o: ResolvedOptions = {
    cum: options.cum === true,
    nodeCount: Math.max(0, Math.trunc(nodeCount)),
    nodeFraction,
    edgeFraction,
    activeFilters,
    sampleIndex,
    sampleType: st.type,
    sampleUnit: st.unit,
    symbol,
    symbolSource: options.regexp ?? '',
    sourcePath: (options.sourcePath ?? []).join(':'),
    trimPath: options.trimPath ?? '',
    numLabelUnits: units,
  };
  const rpt = new ReportContext(p, o);
  const warnings: string[] = [];
  const matches = filterSamplesByName(p, { focus, ignore, hide, show });
  if (focus && !matches.focus) warnings.push('Focus expression matched no samples');
  if (ignore && !matches.ignore) warnings.push('Ignore expression matched no samples');
  if (hide && !matches.hide) warnings.push('Hide expression matched no samples');
  if (show && !matches.show) warnings.push('Show expression matched no samples');
  aggregate(p, granularity);

  let out: { text: string; data: Partial<ReportData> };
  switch (kind) {
    case 'top':
      out = topReport(rpt);
      break;
    case 'tree':
    case 'peek':
      out = treeReport(rpt);
      break;
    case 'traces':
      out = tracesReport(rpt);
      break;
    case 'list':
      out = listReport(rpt, o.sourcePath !== '' ? o.sourcePath : process.cwd());
      break;
    case 'dot':
      out = dotReport(rpt);
      break;
  }
  const data: ReportData = {
    kind,
    labels: [],
    sampleType: st.type,
    unit: st.unit,
    outputUnit: rpt.outputUnit,
    total: rpt.total,
    ...out.data,
  };
  return { text: out.text, data, warnings };
}
