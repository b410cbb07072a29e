// The admin: mounted through buildApp's `extend` hook under /admin, plus /media/* for uploads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Site } from '../site/site.js';
import type { AdminContext, AdminStorage } from './admin-context.js';
import { AdminViews } from './admin-views.js';
import { registerAuth } from './auth.js';
import { LoginLimiter, type LoginLimiterOptions } from './login-limiter.js';
import { MEDIA_TYPES_BY_EXT } from './media-type.js';
import { backupRoutes } from './routes/backup-routes.js';
import { commentRoutes } from './routes/comment-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { loginRoutes } from './routes/login-routes.js';
import { mediaRoutes } from './routes/media-routes.js';
import { pageRoutes } from './routes/page-routes.js';
import { postRoutes } from './routes/post-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';

export interface AdminOptions {
  /** The open storage (the same the site uses). */
  readonly storage: AdminStorage;
  /** Folder for uploads. Default: `media/` beside the database file */
  readonly mediaDir: string;
  /** How long a session lasts, in ms. Default: 7 days */
  readonly sessionTtlMs?: number;
  /** Login throttling. Default: 5 failures an account, 20 an IP, in 15 minutes; locked 15 minutes */
  readonly loginLimits?: LoginLimiterOptions;
  /** Cache compiled admin templates. Default: true */
  readonly cacheTemplates?: boolean;
  /** Clock (sessions, scheduling, activity). Default: `new Date()` */
  readonly now?: () => Date;
}

const YEAR = 365 * 24 * 3600;
const MEDIA_PATH = /^\d{4}\/\d{2}\/[0-9a-f]{64}\.([a-z]+)$/;

/** The function to pass as `buildApp({ extend })`. */
export function adminExtension(options: AdminOptions) {
  return async ({ app, site }: { app: FastifyInstance; site: Site }) => {
    // buildApp registers @fastify/cookie once for the whole app; the session check reads it.
    if (!app.hasRequestDecorator('cookies')) {
      throw new Error('adminExtension: register @fastify/cookie on the app first (buildApp does)');
    }
    const now = options.now ?? (() => new Date());
    const ctx: AdminContext = {
      storage: options.storage,
      site,
      views: new AdminViews({ cache: options.cacheTemplates ?? true }),
      limiter: new LoginLimiter({ now: () => now().getTime(), ...options.loginLimits }),
      now,
      sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600_000,
      mediaDir: options.mediaDir,
    };
    await app.register(
      async (admin) => {
        await admin.register(multipart, { limits: { files: 1, fields: 10, parts: 12 } });
        registerAuth(admin, ctx);
        admin.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
          const asset = ctx.views.assets.byHashedName(request.params['*']);
          if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
          return reply
            .header('cache-control', `public, max-age=${YEAR}, immutable`)
            .header('etag', asset.etag)
            .type(asset.contentType)
            .send(asset.body);
        });
        loginRoutes(admin, ctx);
        dashboardRoutes(admin, ctx);
        postRoutes(admin, ctx);
        pageRoutes(admin, ctx);
        commentRoutes(admin, ctx);
        mediaRoutes(admin, ctx);
        settingsRoutes(admin, ctx);
        backupRoutes(admin, ctx);
      },
      { prefix: '/admin' },
    );

    // Uploads, by content hash: immutable, typed by the extension the sniffer chose.
    app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
      const path = request.params['*'];
      const ext = MEDIA_PATH.exec(path)?.[1];
      const type = ext ? MEDIA_TYPES_BY_EXT[ext] : undefined;
      if (!type) return reply.callNotFound();
      let body: Buffer;
      try {
        body = await readFile(join(ctx.mediaDir, path));
      } catch {
        return reply.callNotFound();
      }
      return reply
        .header('cache-control', `public, max-age=${YEAR}, immutable`)
        .header('content-disposition', 'inline')
        .type(type)
        .send(body);
    });
  };
}
