// Public API of @pugo/soak: run a soak from code, and the pieces of its verdict.
export type { CliArgs } from './cli/args.js';
export { type RunIo, run } from './cli/run.js';
export { loadConfigFile, loadRoutesFile, type SoakFileOptions } from './config/config-file.js';
export {
  defaults,
  type ResolvedSoakOptions,
  resolveOptions,
  type SoakOptions,
} from './config/options.js';
export type { RouteSpec } from './config/route-spec.js';
export type {
  Capture,
  SetupContext,
  SetupHook,
  SetupResult,
  SetupStep,
} from './config/setup-spec.js';
export { SoakError, type SoakErrorCode } from './errors.js';
export type {
  LoadSummary,
  ReportParameters,
  RouteStats,
  SoakReport,
  SoakRun,
} from './report/soak-report.js';
export { writeReport } from './report/write-report.js';
export { runSoak, type SoakHooks } from './run/run-soak.js';
export { type Frame, type Grower, topGrowers } from './verdict/growers.js';
export type { Metric, Phase, Sample } from './verdict/samples.js';
export {
  type MannKendall,
  mannKendall,
  median,
  normalSurvival,
  type TheilSen,
  theilSen,
} from './verdict/stats.js';
export {
  computeRetained,
  computeTrends,
  decide,
  minSamples,
  type Retained,
  type Trend,
  type Verdict,
  type VerdictThresholds,
} from './verdict/verdict.js';
