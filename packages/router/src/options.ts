// Router options: each default documented, copied and frozen on the way in.
import { routerError } from './errors.js';
import type { RetentionFinding } from './pool/retention-guard.js';
import type { ErrorHandler } from './types.js';

export interface RouterOptions {
  /**
   * Idle controller instances kept per route; a released instance beyond that is dropped.
   * `0` turns pooling off (a new instance per request). Default: 8 (measured; see the README).
   */
  poolSize?: number;
  /**
   * Compare every released controller with a pristine instance and report fields that still hold
   * request data. Default: on unless `NODE_ENV` is `production`.
   */
  retentionGuard?: boolean;
  /** Report retention as an error (the request fails with PUGO_ERR_ROUTER_RETAINED). Default: false. */
  strict?: boolean;
  /**
   * The one error handler: an error thrown by a handler, a middleware, a reset or fastify's parsing
   * and validation of a router route comes here; what it returns is sent like a handler's result.
   * Default: JSON `{ statusCode, error, message, code }`, 5xx logged with the route.
   */
  errorHandler?: ErrorHandler;
  /**
   * Called for every retention finding when not `strict`. Default: a warning through fastify's
   * logger, once per route and field (every finding is still counted in `poolStats()`).
   */
  onRetention?: (finding: RetentionFinding) => void;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly poolSize: number;
  readonly retentionGuard: boolean;
  readonly strict: boolean;
  readonly errorHandler: ErrorHandler | undefined;
  readonly onRetention: ((finding: RetentionFinding) => void) | undefined;
}

/** The default pool size: see "Choosing the default" in the README for the measurement. */
export const DEFAULT_POOL_SIZE = 8;

/** Validates `options`, fills in defaults and freezes the result. */
export function resolveOptions(options: RouterOptions = {}): ResolvedOptions {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 0) {
    throw routerError('PUGO_ERR_ROUTER_BAD_OPTION', {
      option: 'poolSize',
      value: String(poolSize),
      want: 'an integer >= 0 (0 turns pooling off)',
    });
  }
  for (const name of ['errorHandler', 'onRetention'] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'function') {
      throw routerError('PUGO_ERR_ROUTER_BAD_OPTION', {
        option: name,
        value: typeof value,
        want: 'a function',
      });
    }
  }
  return Object.freeze({
    poolSize,
    retentionGuard: options.retentionGuard ?? process.env.NODE_ENV !== 'production',
    strict: options.strict ?? false,
    errorHandler: options.errorHandler,
    onRetention: options.onRetention,
  });
}
