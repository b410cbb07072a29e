// The admin's gate: every /admin route but the login and its static assets needs a valid session;
// every state-changing request needs the session's CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AdminContext, setSession } from './admin-context.js';
import { SESSION_COOKIE } from './cookies.js';
import { csrfTokenFor, hashToken, safeEqual } from './tokens.js';

/** Routes (as registered, not as requested) reachable without a session. */
export const PUBLIC_ADMIN_ROUTES: ReadonlySet<string> = new Set([
  '/admin/login',
  '/admin/assets/*',
]);

/**
 * Whether the route that matched is public. The matched pattern, not the raw URL, decides: no
 * spelling of a path (`/admin/assets/../posts`, encodings) can reach another route's handler.
 */
export function isPublicAdminRoute(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined && PUBLIC_ADMIN_ROUTES.has(route);
}

/** Whether the client wants JSON (fetch, API calls) rather than a page. */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const type = request.headers['content-type'] ?? '';
  return (
    request.url.startsWith('/admin/api/') ||
    type.startsWith('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Adds the session (onRequest) and CSRF (preHandler) checks to the admin's routes. */
export function registerAuth(app: FastifyInstance, ctx: AdminContext): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isPublicAdminRoute(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    const found = token
      ? await ctx.storage.sessions.findValid(hashToken(token), ctx.now())
      : undefined;
    if (!token || !found) return deny(request, reply);
    setSession(request, {
      user: found.user,
      tokenHash: found.session.tokenHash,
      csrf: csrfTokenFor(token),
    });
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    if (isPublicAdminRoute(request)) return; // the login checks its own token
    // Multipart bodies are streamed: the upload route checks the _csrf field before any file.
    if ((request.headers['content-type'] ?? '').startsWith('multipart/form-data')) return;
    const token = request.cookies[SESSION_COOKIE] ?? '';
    if (!csrfOk(request, csrfTokenFor(token))) return rejectCsrf(reply);
  });
}

/** Whether the request carries `expected` in the x-csrf-token header or a `_csrf` body field. */
export function csrfOk(request: FastifyRequest, expected: string, field?: string): boolean {
  const header = request.headers['x-csrf-token'];
  const body = request.body as Record<string, unknown> | undefined;
  const given =
    field ??
    (typeof header === 'string'
      ? header
      : typeof body?._csrf === 'string'
        ? (body._csrf as string)
        : '');
  return given !== '' && safeEqual(given, expected);
}

/** 403 for a missing or wrong CSRF token. */
export function rejectCsrf(reply: FastifyReply) {
  return reply
    .code(403)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(
      'Forbidden: the form’s security token is missing or stale; reload the page and try again.',
    );
}

function deny(request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  if (wantsJson(request)) {
    return reply
      .code(401)
      .send({ error: 'unauthorized', message: 'Sign in at /admin/login first.' });
  }
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/admin/login${next}`, 303);
}
