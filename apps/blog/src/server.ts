// startBlog(): storage, first-run content, the app, pprof; listening, with one line saying where.

import { dirname, join } from 'node:path';
import { type PprofServer, registerStatsProvider, startPprofServer } from '@pugo/pprof';
import { openStorage, type Storage } from '@pugo/storage';
import { adminExtension } from './admin/admin.js';
import { ensureAdmin } from './admin/first-run.js';
import { buildApp } from './app.js';
import type { BlogConfig } from './config.js';
import { hasContent, seedWelcomeContent } from './seed/welcome-content.js';

/** A running blog. */
export interface RunningBlog {
  /** `http://127.0.0.1:3000` */
  readonly url: string;
  /** The pprof base URL, when pprof runs. */
  readonly pprofUrl: string | undefined;
  /** The one line describing where everything is. */
  readonly summary: string;
  close(): Promise<void>;
}

/** Starts the blog as configured. Throws on a port in use or a database that cannot be opened. */
export async function startBlog(config: BlogConfig): Promise<RunningBlog> {
  const storage: Storage = await openStorage({ url: config.db });
  const seeded = config.seed && !(await hasContent(storage));
  if (seeded) await seedWelcomeContent(storage);
  const firstRun = await ensureAdmin(storage, {
    email: process.env.PUGO_ADMIN_EMAIL,
    password: process.env.PUGO_ADMIN_PASSWORD,
    development: config.env === 'development',
  });
  // Uploads live beside the database (data/media/YYYY/MM/…); an in-memory blog uses ./data/media.
  const mediaDir = join(storage.path ? dirname(storage.path) : 'data', 'media');
  const blog = await buildApp({
    storage,
    theme: config.theme,
    cacheTemplates: config.env === 'production',
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    commentLimit: config.commentLimit,
    avatars: config.avatars,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel === 'silent' ? false : config.logLevel,
    hsts: config.baseUrl?.startsWith('https:') ?? false,
    ...(config.injectLeak ? { injectLeak: config.injectLeak } : {}),
    extend: adminExtension({ storage, mediaDir, cacheTemplates: config.env === 'production' }),
  });
  const unregister = [
    registerStatsProvider('router', () => blog.router.poolStats()),
    registerStatsProvider('blog', () => ({
      commentLimiterKeys: blog.site.limiter.size,
      ...(blog.leak ? { injectedLeakEntries: blog.leak.size } : {}),
    })),
  ];
  let pprof: PprofServer | undefined;
  let pprofNote = 'pprof off';
  try {
    const url = await blog.app.listen({ host: config.host, port: config.port });
    if (config.pprof) {
      try {
        pprof = await startPprofServer({
          host: config.pprofHost,
          port: config.pprofPort,
          ...(config.pprofToken ? { token: config.pprofToken } : {}),
        });
        pprofNote = `pprof ${pprof.url}`;
      } catch (error) {
        // A second dev server on the same machine should still serve the blog.
        pprofNote = `pprof not started (${(error as Error).message})`;
      }
    }
    const db = storage.path ?? ':memory:';
    const leakNote = config.injectLeak ? ` · injected leak ${config.injectLeak}` : '';
    const summary = `pugo blog (${config.env}) at ${url} · db ${db}${seeded ? ' (seeded with sample content)' : ''} · ${pprofNote} · theme ${config.theme}${leakNote} · admin ${url}/admin${firstRun.note ? ` (${firstRun.note})` : ''}`;
    return {
      url,
      pprofUrl: pprof?.url,
      summary,
      async close() {
        for (const off of unregister) off();
        await pprof?.close();
        await blog.app.close();
        await storage.close();
      },
    };
  } catch (error) {
    for (const off of unregister) off();
    await blog.app.close();
    await storage.close();
    throw error;
  }
}
