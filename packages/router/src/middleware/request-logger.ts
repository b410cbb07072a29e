// Request logging through fastify's logger: method, url, route, status and time, one line each.
import { statusOf } from '../request/error-handler.js';
import { resultStatus } from '../request/send-result.js';
import type { Middleware } from '../types.js';

export interface RequestLoggerOptions {
  /** The log level of a request that did not fail. Default: `info`. */
  level?: 'trace' | 'debug' | 'info' | 'warn';
}

/**
 * Logs each request after it ran: `{ method, url, route, statusCode, durationMs }` at `level`, or at
 * `error` level with the error when it failed (the error still goes on to the error handler).
 */
export function requestLogger(options: RequestLoggerOptions = {}): Middleware {
  const level = options.level ?? 'info';
  return async function requestLoggerMiddleware(ctx, next) {
    const start = performance.now();
    const { method, url } = ctx.request;
    try {
      await next();
    } catch (error) {
      const durationMs = Math.round((performance.now() - start) * 1000) / 1000;
      ctx.request.log.error(
        { method, url, route: ctx.route.name, statusCode: statusOf(error), durationMs, err: error },
        `${method} ${url} failed`,
      );
      throw error;
    }
    const durationMs = Math.round((performance.now() - start) * 1000) / 1000;
    ctx.request.log[level](
      {
        method,
        url,
        route: ctx.route.name,
        statusCode: resultStatus(ctx.reply, ctx.result),
        durationMs,
      },
      `${method} ${url} ${resultStatus(ctx.reply, ctx.result)}`,
    );
  };
}
