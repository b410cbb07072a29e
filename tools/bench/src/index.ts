// The harness API, for benches that live in their own package (the blog's): define a Bench, run it
// with runBenchCli, measure servers with startChild, runLoad and cpuSeconds.
export {
  type Bench,
  type BenchOptions,
  type BenchResult,
  formatResult,
  RESULTS_DIR,
  runBench,
  type Subject,
  type SubjectResult,
  saveResult,
} from './bench.js';
export { type BenchArgs, parseBenchArgs, positiveArg } from './bench-args.js';
export { type BenchCliIo, type BenchCliOptions, runBenchCli } from './bench-cli.js';
export { type ChildServer, type StartChildOptions, startChild } from './child.js';
export { cpuSeconds } from './cpu-time.js';
export { type LoadOptions, type LoadResult, runLoad } from './load.js';
export { median, ratio } from './stats.js';
export { type Cell, formatNumber, renderTable } from './table.js';
