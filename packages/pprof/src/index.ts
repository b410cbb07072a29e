// Public API of @pugo/pprof: Go-compatible /debug/pprof endpoints for fastify apps and plain Node.
export { PprofError, type PprofErrorCode } from './errors.js';
export type { PprofMetrics } from './metrics.js';
export type { PprofOptions } from './options.js';
export { pprofPlugin } from './pprof-plugin.js';
export { maxSeconds } from './query-params.js';
export { isLoopback } from './security.js';
export {
  type PprofServer,
  type PprofServerOptions,
  startPprofServer,
} from './standalone-server.js';
export { registerStatsProvider, type StatsProvider } from './stats-providers.js';
