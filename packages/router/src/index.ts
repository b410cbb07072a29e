// @pugo/router: tango-style routes, middleware and pooled controllers on fastify, pools that cannot leak.

export { errorMessages, RouterError, type RouterErrorCode } from './errors.js';
export { type RecoveryOptions, recovery } from './middleware/recovery.js';
export { type RequestLoggerOptions, requestLogger } from './middleware/request-logger.js';
export { DEFAULT_POOL_SIZE, type RouterOptions } from './options.js';
export type { RetentionFinding } from './pool/retention-guard.js';
export { defaultErrorHandler, statusOf } from './request/error-handler.js';
export { createRouter } from './router.js';
export type {
  Context,
  ControllerClass,
  CookieOptions,
  ErrorHandler,
  Handler,
  HandlerFunction,
  HttpMethod,
  Middleware,
  Next,
  PoolStat,
  PoolStats,
  ResponseResult,
  Result,
  RouteBuilder,
  RouteInfo,
  Router,
  RouteTarget,
  VerbMethod,
} from './types.js';
