// Maps a command and the settings to @pugo/profile's ReportOptions; the report itself is the library's.
import { delimiter } from 'node:path';
import type { Profile, ReportOptions } from '@pugo/profile';
import type { Command } from './args.js';
import type { Config } from './config.js';

/** The profiles a report is made from. */
export interface ReportSources {
  readonly profile: Profile;
  /** The merged `-base` or `-diff_base` profile. */
  readonly base?: Profile;
  /** Whether `base` is a `-diff_base` (compared) rather than a `-base` (subtracted). */
  readonly diffBase: boolean;
}

/**
 * ReportOptions for `command` under `config`. Unset settings stay unset so that the library applies
 * pprof's per-report defaults. `shell` applies the interactive shell's differences: `top` shows 10
 * nodes unless told otherwise, and headers are compact (no File/Type/Time lines).
 */
export function toReportOptions(
  command: Command,
  config: Config,
  sources: Pick<ReportSources, 'base' | 'diffBase'>,
  shell = false,
): ReportOptions {
  // Pictures are drawn from pprof's dot report (svg, web) or, for flame graphs, a top report's header.
  const kind =
    command.kind === 'svg' || command.kind === 'web'
      ? 'dot'
      : command.kind === 'flame'
        ? 'top'
        : command.kind;
  const options: ReportOptions & { compactLabels?: boolean } = { kind };
  if (command.regexp !== undefined) options.regexp = command.regexp;
  if (config.sort === 'cum') options.cum = true;
  let nodeCount = config.nodeCount;
  if (nodeCount === -1) nodeCount = undefined;
  if (shell && nodeCount === undefined && command.kind === 'top') nodeCount = 10;
  if (nodeCount !== undefined) options.nodeCount = nodeCount;
  if (config.nodeFraction !== undefined) options.nodeFraction = config.nodeFraction;
  if (config.edgeFraction !== undefined) options.edgeFraction = config.edgeFraction;
  if (config.focus) options.focus = config.focus;
  if (config.ignore) options.ignore = config.ignore;
  if (config.hide) options.hide = config.hide;
  if (config.show) options.show = config.show;
  if (config.sampleIndex) options.sampleIndex = config.sampleIndex;
  if (config.granularity !== undefined) options.granularity = config.granularity;
  if (sources.base !== undefined) {
    if (sources.diffBase) options.diffBase = sources.base;
    else options.base = sources.base;
    if (config.normalize === true) options.normalize = true;
  }
  if (config.sourcePath) options.sourcePath = config.sourcePath.split(delimiter);
  if (config.trimPath) options.trimPath = config.trimPath;
  if (shell) options.compactLabels = true;
  return options;
}
