// The default error handler and the status an error maps to.
import { STATUS_CODES } from 'node:http';
import type { Context } from '../types.js';

/** The HTTP status for `error`: its `statusCode` (or `status`) when 400–599, else 500. */
export function statusOf(error: unknown): number {
  if (error !== null && typeof error === 'object') {
    const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
    const code = typeof statusCode === 'number' ? statusCode : status;
    if (typeof code === 'number' && Number.isInteger(code) && code >= 400 && code <= 599) {
      return code;
    }
  }
  return 500;
}

/** The error's message, or its string form for a thrown non-Error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The default error handler: JSON `{ statusCode, error, message, code? }`. A 5xx is logged with the
 * route through fastify's logger; its message is only shown outside production.
 */
export function defaultErrorHandler(error: unknown, ctx: Context): unknown {
  const status = statusOf(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (status >= 500) {
    ctx.request.log.error({ err: error, route: ctx.route.name }, `${ctx.route.name} failed`);
  }
  const hide = status >= 500 && process.env.NODE_ENV === 'production';
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: hide ? 'Internal Server Error' : messageOf(error),
      ...(typeof code === 'string' ? { code } : {}),
    },
  };
}
