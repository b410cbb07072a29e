// tango's Recovery: an error below it becomes an error page, logged with its route; the process lives.
import { STATUS_CODES } from 'node:http';
import { messageOf, statusOf } from '../request/error-handler.js';
import type { Context, Middleware } from '../types.js';

export interface RecoveryOptions {
  /** Renders the error page; what it returns is sent like a handler's result. Default: a plain HTML page. */
  render?: (error: unknown, status: number, ctx: Context) => unknown;
  /** Put the stack trace on the default page. Default: on unless `NODE_ENV` is `production`. */
  showStack?: boolean;
}

// Five characters to escape for one error page: not worth a dependency.
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** The default error page: the status, the message of a 4xx, and the stack outside production. */
function errorPage(error: unknown, status: number, showStack: boolean): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const message = status < 500 ? `<p>${escapeHtml(messageOf(error))}</p>` : '';
  const stack =
    showStack && error instanceof Error && error.stack
      ? `<pre>${escapeHtml(error.stack)}</pre>`
      : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${message}${stack}</body></html>`;
}

/**
 * Catches what the middleware and handler after it throw, logs it through fastify's logger with
 * the route (error level for 5xx, info for 4xx) and answers with an error page.
 */
export function recovery(options: RecoveryOptions = {}): Middleware {
  const showStack = options.showStack ?? process.env.NODE_ENV !== 'production';
  const render = options.render;
  return async function recoveryMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      const status = statusOf(error);
      const log = { err: error, route: ctx.route.name, statusCode: status };
      if (status >= 500) ctx.request.log.error(log, `${ctx.route.name} failed; recovered`);
      else ctx.request.log.info(log, `${ctx.route.name} answered ${status}`);
      ctx.result =
        render !== undefined
          ? await render(error, status, ctx)
          : {
              status,
              headers: { 'content-type': 'text/html; charset=utf-8' },
              body: errorPage(error, status, showStack),
            };
    }
  };
}
