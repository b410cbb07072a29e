// @pugo/router: tango-style routes, middleware and pooled controllers on fastify, pools that cannot leak.

export { Context, type CookieOptions, type RouteInfo } from './context.js';
export type { PoolStat } from './controller-pool.js';
export { defaultErrorHandler, statusOf } from './error-handler.js';
export { errorMessages, RouterError, type RouterErrorCode } from './errors.js';
export { type RecoveryOptions, recovery } from './middleware/recovery.js';
export { type RequestLoggerOptions, requestLogger } from './middleware/request-logger.js';
export { DEFAULT_POOL_SIZE, type RetentionFinding, type RouterOptions } from './options.js';
export { RouteBuilder, type VerbMethod } from './route-builder.js';
export { createRouter, type PoolStats, Router } from './router.js';
export type {
  ControllerClass,
  ErrorHandler,
  Handler,
  HandlerFunction,
  HttpMethod,
  Middleware,
  Next,
  ResponseResult,
  Result,
  RouteTarget,
} from './types.js';
