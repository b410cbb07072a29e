// Public API of @pugo/pprof: Go-compatible /debug/pprof endpoints for fastify apps and plain Node.

export { pprofPlugin } from './adapters/fastify.js';
export { type PprofServer, startPprofServer } from './adapters/node-http.js';
export type { PprofOptions, PprofServerOptions } from './core/options.js';
export { maxSeconds } from './core/query-params.js';
export { isLoopback } from './core/security.js';
export { PprofError, type PprofErrorCode } from './errors.js';
export type { PprofMetrics } from './metrics/metrics.js';
export { registerStatsProvider, type StatsProvider } from './metrics/stats-providers.js';
