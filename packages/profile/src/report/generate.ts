// Runs a report as go tool pprof's driver does: combine, pick the sample, filter, aggregate, print.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md

import { fail } from '../errors.js';
import { copyStreamed } from '../file/copy-streamed.js';
import type { StreamedProfile } from '../file/open-file.js';
import { aggregate } from '../profile/aggregate.js';
import { combineWithBase, copyProfile } from '../profile/combine.js';
import { filterSamplesByName } from '../profile/filter.js';
import type { Profile } from '../profile/model.js';
import { removeUninteresting } from '../profile/prune.js';
import { isStreamed, type ReportProfile } from '../profile/samples.js';
import { ReportContext } from './context.js';
import { dotReport } from './dot-report.js';
import { listReport } from './list.js';
import type { ReportOptions } from './options.js';
import type { Report, ReportData } from './report-data.js';
import { checkOptions, resolveOptions } from './resolve-options.js';
import { topReport } from './top.js';
import { tracesReport } from './traces.js';
import { treeReport } from './tree.js';

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

/** Generates a report: `text` as go tool pprof prints it, `data` for `--json`. */
export function generateReport(profile: Profile | StreamedProfile, options: ReportOptions): Report {
  const checked = checkOptions(options);
  const { kind, filters } = checked;
  // traces prints every sample of the merged profile: it reads them in memory.
  const p = prepareProfile(kind === 'traces' ? inMemory(profile) : profile, options);
  const o = resolveOptions(options, checked, p);
  const rpt = new ReportContext(p, o);
  const warnings: string[] = [];
  const matches = filterSamplesByName(p, filters);
  if (filters.focus && !matches.focus) warnings.push('Focus expression matched no samples');
  if (filters.ignore && !matches.ignore) warnings.push('Ignore expression matched no samples');
  if (filters.hide && !matches.hide) warnings.push('Hide expression matched no samples');
  if (filters.show && !matches.show) warnings.push('Show expression matched no samples');
  aggregate(p, checked.granularity);

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
    sampleType: o.sampleType,
    unit: o.sampleUnit,
    outputUnit: rpt.outputUnit,
    total: rpt.total,
    ...out.data,
  };
  return { text: out.text, data, warnings };
}
