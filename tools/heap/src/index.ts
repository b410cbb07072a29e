// Public API of @pugo/heap: the pugo-heap driver, for running it in-process.

export { type RunIo, run } from './cli/run.js';
export { HeapError, type HeapErrorCode } from './errors.js';
export { type CliArgs, type Command, parseArgs } from './settings/args.js';
export type { Config } from './settings/config.js';
export type { ReportKind } from './settings/flags.js';
