// Public API of @pugo/heap: the pugo-heap driver, for running it in-process.
export { type CliArgs, type Command, parseArgs } from './args.js';
export type { Config } from './config.js';
export { HeapError, type HeapErrorCode } from './errors.js';
export type { ReportKind } from './flags.js';
export { type RunIo, run } from './run.js';
