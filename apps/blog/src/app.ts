// buildApp(): the blog as a fastify instance (not listening): headers, caching, compression, routes.
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { type AvatarMode, GRAVATAR_ORIGIN } from './content/index.js';
import { registerConditionalGet } from './http/conditional-get.js';
import { RateLimiter } from './http/rate-limit.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { type InjectedLeak, type LeakScenario, registerLeak } from './leaks/index.js';
import { renderError } from './site/error-page.js';
import { publicRouter } from './site/routes.js';
import { Site, type SiteStorage } from './site/site.js';
import { SiteState } from './site/site-state.js';
import { loadTheme, type Theme } from './theme/theme.js';

export interface BlogAppOptions {
  /** An open storage (the caller closes it). */
  readonly storage: SiteStorage;
  /** Theme folder name under themes/. Default: 'default' */
  readonly theme?: string;
  /** Cache compiled templates. Default: true */
  readonly cacheTemplates?: boolean;
  /** PUGO_BASE_URL, which wins over the baseUrl setting. Default: none */
  readonly baseUrl?: string;
  /** Comments one IP may post per 10 minutes. Default: 5 */
  readonly commentLimit?: number;
  /** How commenters' avatars are drawn (gravatar adds its origin to the CSP). Default: 'initials' */
  readonly avatars?: AvatarMode;
  /** Trust X-Forwarded-For. Default: false */
  readonly trustProxy?: boolean;
  /** Fastify logger level, or false for none. Default: false */
  readonly logLevel?: string | false;
  /** Controller pool size per route (see @pugo/router). Default: the router's */
  readonly poolSize?: number;
  /** Clock, for tests. Default: `new Date()` */
  readonly now?: () => Date;
  /** Send HSTS (https deployments). Default: false */
  readonly hsts?: boolean;
  /** A leak on demand for pugo-soak (PUGO_INJECT_LEAK; src/leaks/). Default: none */
  readonly injectLeak?: LeakScenario;
  /**
   * Called with the app and the site after the public routes are registered and before the app is
   * ready: where the admin (sessions, settings screens, media) adds its plugins and routes. After a
   * settings or page change it calls `site.state.invalidate()`. Default: none
   */
  readonly extend?: (blog: { app: FastifyInstance; site: Site }) => Promise<void> | void;
}

/** The app and what a caller (main, tests, the admin) may need of it. */
export interface BlogApp {
  readonly app: FastifyInstance;
  readonly site: Site;
  readonly theme: Theme;
  /** The public router (poolStats() for /debug/pprof/metrics). */
  readonly router: ReturnType<typeof publicRouter>;
  /** The injected leak, when one was asked for. */
  readonly leak: InjectedLeak | undefined;
}

const YEAR = 365 * 24 * 3600;

/** Builds the blog; `await blog.app.ready()` or `listen()` next. */
export async function buildApp(options: BlogAppOptions): Promise<BlogApp> {
  const theme = loadTheme({
    name: options.theme ?? 'default',
    cache: options.cacheTemplates ?? true,
  });
  const state = new SiteState(options.storage, { baseUrl: options.baseUrl });
  const site = new Site({
    storage: options.storage,
    theme,
    state,
    limiter: new RateLimiter({ limit: options.commentLimit ?? 5 }),
    avatars: options.avatars ?? 'initials',
    ...(options.now ? { now: options.now } : {}),
  });
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    trustProxy: options.trustProxy ?? false,
    // Slugs are matched case-sensitively; /posts/x/ is /posts/x.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });
  // First of the onSend hooks: the leak sees the page as rendered, before ETag and compression.
  const leak = options.injectLeak ? registerLeak(app, options.injectLeak) : undefined;
  registerSecurityHeaders(app, {
    imageOrigins: options.avatars === 'gravatar' ? [GRAVATAR_ORIGIN] : [],
    hsts: options.hsts ?? false,
  });
  // Order matters: the ETag hook must see the body before compression encodes it.
  registerConditionalGet(app);
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
  });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // Cookies for the admin (and @pugo/router's ctx.cookies): parsed on every request, nothing signed.
  await app.register(cookie);

  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const asset = theme.assets.byHashedName(request.params['*']);
    if (!asset) {
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(await renderError(site, 404));
    }
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply
      .header('cache-control', `public, max-age=${YEAR}, immutable`)
      .header('etag', asset.etag)
      .type(asset.contentType)
      .send(asset.body);
  });

  const router = publicRouter(
    site,
    options.poolSize === undefined ? {} : { poolSize: options.poolSize },
  );
  await app.register(router.plugin());
  await options.extend?.({ app, site });

  app.setNotFoundHandler(async (_request, reply) =>
    reply
      .code(404)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(await renderError(site, 404)),
  );
  app.setErrorHandler(async (error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const code = status >= 400 && status < 600 ? status : 500;
    return reply
      .code(code)
      .type('text/html; charset=utf-8')
      .send(await renderError(site, code, code < 500 ? (error as Error).message : undefined));
  });
  return { app, site, theme, router, leak };
}
