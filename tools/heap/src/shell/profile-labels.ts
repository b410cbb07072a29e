// The profile's header lines (File, Type, Time, Duration) that the shell greets with, taken from the library's report.
import { generateReport } from '@pugo/profile';
import type { Config } from '../settings/config.js';
import { type ReportSources, toReportOptions } from '../settings/report-options.js';

/** Where the labels end in a text report: the first line that is not a label. */
const afterLabels = /^(Active filters:|Showing |Dropped |\s+flat\s)/;

/** The shell's greeting: the profile's label lines and the report total they describe. */
export interface ProfileHeader {
  readonly labels: string[];
  /** Total of the selected sample value, before filters; 0 for an empty profile. */
  readonly total: number;
}

/**
 * The label lines pprof prints when the shell starts: the header of a `top` report under the same
 * settings, so the library stays the one place that formats them. A focus that matches nothing
 * keeps that report cheap; labels and total are computed before filters, as in pprof. Empty when
 * the report cannot be made (the shell then reports the error on first use).
 */
export function profileHeader(sources: ReportSources, config: Config): ProfileHeader {
  try {
    const options = {
      ...toReportOptions({ kind: 'top' }, config, sources),
      nodeCount: 1,
      focus: '$^',
    };
    const report = generateReport(sources.profile, options);
    const lines = report.text.split('\n');
    const end = lines.findIndex((line) => afterLabels.test(line));
    return { labels: lines.slice(0, end === -1 ? 0 : end), total: report.data.total };
  } catch {
    return { labels: [], total: 0 };
  }
}

/**
 * `text` with pprof's compact labels, as the shell prints `top`, `tree` and `peek`: without the
 * profile's label lines, starting at "Active filters:" or "Showing nodes". A no-op when the library
 * already left them out.
 */
export function compactLabels(text: string, kind: string): string {
  if (kind !== 'top' && kind !== 'tree' && kind !== 'peek') return text;
  const lines = text.split('\n');
  const start = lines.findIndex((line) =>
    /^(Active filters:|Showing nodes accounting for )/.test(line),
  );
  return start <= 0 ? text : lines.slice(start).join('\n');
}
