// Public API of @pugo/soak: run a soak from code, and the pieces of its verdict.
export type { CliArgs } from './args.js';
export { loadConfigFile, loadRoutesFile, type SoakFileOptions } from './config-file.js';
export { SoakError, type SoakErrorCode } from './errors.js';
export { type Frame, type Grower, topGrowers } from './growers.js';
export type { LoadSummary, RouteStats } from './load.js';
export { defaults, type ResolvedSoakOptions, resolveOptions, type SoakOptions } from './options.js';
export type { ReportParameters, SoakReport } from './report.js';
export type { RouteSpec } from './routes.js';
export { type RunIo, run } from './run.js';
export type { Metric, Phase, Sample } from './samples.js';
export type { Capture, SetupContext, SetupHook, SetupResult, SetupStep } from './setup.js';
export { runSoak, type SoakHooks, type SoakRun } from './soak.js';
export {
  type MannKendall,
  mannKendall,
  median,
  normalSurvival,
  type TheilSen,
  theilSen,
} from './stats.js';
export {
  computeRetained,
  computeTrends,
  decide,
  minSamples,
  type Retained,
  type Trend,
  type Verdict,
  type VerdictThresholds,
} from './verdict.js';
export { writeReport } from './write-report.js';
