// What every admin route shares: storage, the site, views, limiter, clock, and the activity log.
import type { Storage, User } from '@pugo/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Site } from '../site/site.js';
import type { AdminViews } from './admin-views.js';
import type { LoginLimiter } from './login-limiter.js';

/** The parts of storage the admin uses. */
export type AdminStorage = Pick<
  Storage,
  | 'posts'
  | 'pages'
  | 'tags'
  | 'comments'
  | 'users'
  | 'sessions'
  | 'media'
  | 'settings'
  | 'activity'
  | 'dashboard'
  | 'backup'
  | 'path'
>;

/** The signed-in user of a request, with its session token's CSRF token. */
export interface AdminSession {
  readonly user: User;
  readonly tokenHash: string;
  readonly csrf: string;
}

export interface AdminContext {
  readonly storage: AdminStorage;
  readonly site: Site;
  readonly views: AdminViews;
  readonly limiter: LoginLimiter;
  readonly now: () => Date;
  readonly sessionTtlMs: number;
  /** Where uploads go (`<mediaDir>/YYYY/MM/<sha256>.<ext>`). */
  readonly mediaDir: string;
}

const SESSIONS = new WeakMap<FastifyRequest, AdminSession>();

/** Attaches the session found for a request. */
export function setSession(request: FastifyRequest, session: AdminSession): void {
  SESSIONS.set(request, session);
}

/** The request's session; routes behind the auth hook always have one. */
export function sessionOf(request: FastifyRequest): AdminSession {
  const session = SESSIONS.get(request);
  if (!session) throw new Error('admin route reached without a session');
  return session;
}

/** Records an activity entry for the signed-in user. */
export async function record(
  ctx: AdminContext,
  request: FastifyRequest,
  action: string,
  subjectType: string,
  subjectId: number | null,
  summary: string,
): Promise<void> {
  await ctx.storage.activity.record({
    action,
    subjectType,
    subjectId,
    actorId: sessionOf(request).user.id,
    summary,
    at: ctx.now(),
  });
}

/** Renders an admin screen with the layout's data (user, CSRF token, current section). */
export function page(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: { title: string; section: string } & Record<string, unknown>,
  status = 200,
) {
  const session = sessionOf(request);
  const query = request.query as Record<string, string | undefined>;
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      ctx.views.render(template, {
        ...data,
        user: session.user,
        csrf: session.csrf,
        notice: typeof query.notice === 'string' ? query.notice.slice(0, 200) : '',
      }),
    );
}
