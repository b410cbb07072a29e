// Public API of @pugo/heap: the pugo-heap driver, for running it in-process.
export { type CliArgs, type Command, parseArgs } from './cli/args.js';
export type { Config } from './cli/config.js';
export type { ReportKind } from './cli/flags.js';
export { type RunIo, run } from './cli/run.js';
export { HeapError, type HeapErrorCode } from './errors.js';
