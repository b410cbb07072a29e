// /admin/login and /admin/logout: Argon2id check, throttling, a new server-side session, revocation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AdminContext, record, sessionOf } from '../admin-context.js';
import {
  clearLoginCookie,
  clearSessionCookie,
  LOGIN_COOKIE,
  setLoginCookie,
  setSessionCookie,
} from '../cookies.js';
import { decoyHash, verifyPassword } from '../passwords.js';
import { hashToken, newToken, safeEqual } from '../tokens.js';

interface LoginBody {
  email?: unknown;
  password?: unknown;
  next?: unknown;
  _csrf?: unknown;
}

export function loginRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) =>
    loginForm(ctx, request, reply, { next: safeNext(request.query.next) }),
  );

  app.post<{ Body: LoginBody }>('/login', async (request, reply) => {
    const body = request.body ?? {};
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const cookieToken = request.cookies[LOGIN_COOKIE] ?? '';
    const formToken = typeof body._csrf === 'string' ? body._csrf : '';
    if (cookieToken === '' || !safeEqual(cookieToken, formToken)) {
      const message = 'The sign-in form expired; please try again.';
      return loginForm(ctx, request, reply, { email, next, error: message }, 403);
    }
    const lockedMs = ctx.limiter.lockedFor(email, request.ip);
    if (lockedMs > 0) {
      const minutes = Math.ceil(lockedMs / 60_000);
      const message = `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      reply.header('retry-after', String(Math.ceil(lockedMs / 1000)));
      return loginForm(ctx, request, reply, { email, next, error: message }, 429);
    }
    const user = email ? await ctx.storage.users.findByEmail(email) : undefined;
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || user.status !== 'active') {
      ctx.limiter.fail(email, request.ip);
      const message = 'Wrong email or password.';
      return loginForm(ctx, request, reply, { email, next, error: message }, 401);
    }
    ctx.limiter.succeed(email);
    const token = newToken();
    const now = ctx.now();
    await ctx.storage.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + ctx.sessionTtlMs),
      userAgent: (request.headers['user-agent'] ?? '').slice(0, 300) || null,
      ip: request.ip,
    });
    await ctx.storage.users.recordLogin(user.id, now);
    await ctx.storage.activity.record({
      action: 'user.login',
      subjectType: 'user',
      subjectId: user.id,
      actorId: user.id,
      summary: `${user.email} from ${request.ip}`,
      at: now,
    });
    await ctx.storage.sessions.purgeExpired(now); // sign-ins are rare: a good moment to tidy
    setSessionCookie(reply, token, ctx.sessionTtlMs / 1000);
    clearLoginCookie(reply);
    return reply.header('cache-control', 'no-store').redirect(next, 303);
  });

  app.post('/logout', async (request, reply) => {
    const session = sessionOf(request);
    await ctx.storage.sessions.revoke(session.tokenHash);
    await record(ctx, request, 'user.logout', 'user', session.user.id, session.user.email);
    clearSessionCookie(reply);
    return reply.redirect('/admin/login?notice=Signed%20out', 303);
  });
}

function loginForm(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  data: { email?: string; next: string; error?: string },
  status = 200,
) {
  const token = newToken();
  const query = request.query as { notice?: string } | undefined;
  setLoginCookie(reply, token);
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      ctx.views.render('login', {
        title: 'Sign in',
        email: data.email ?? '',
        next: data.next,
        error: data.error ?? '',
        notice: typeof query?.notice === 'string' ? query.notice.slice(0, 200) : '',
        csrf: token,
        siteTitle: '',
      }),
    );
}

/** Only same-site admin paths: never `//host` or an absolute URL. */
function safeNext(value: unknown): string {
  if (typeof value !== 'string') return '/admin';
  return /^\/admin(\/[^/\\]|$|\?)/.test(value) && !value.includes('\\') ? value : '/admin';
}
