// The public routes: tango-style controllers on @pugo/router, one pool per route.
import { type Context, createRouter, type Router, statusOf } from '@pugo/router';
import { isStorageError } from '@pugo/storage';
import { archiveController } from './controllers/archive-controller.js';
import { feedController } from './controllers/feed-controller.js';
import { listControllers } from './controllers/home-controller.js';
import { pageController } from './controllers/page-controller.js';
import { postController } from './controllers/post-controller.js';
import { searchController } from './controllers/search-controller.js';
import { renderError } from './error-page.js';
import type { Site } from './site.js';

/** Builds the router with every public route. */
export function publicRouter(site: Site, options: { poolSize?: number } = {}): Router {
  const router = createRouter({
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    errorHandler: (error, ctx) => errorResult(site, error, ctx),
  });
  const { HomeController, TagController } = listControllers(site);
  const PostController = postController(site);
  const PageController = pageController(site);
  const FeedController = feedController(site);

  router.get('/', HomeController);
  router.get('/page/:n', HomeController);
  router.get('/posts/:slug', PostController);
  router.post('/posts/:slug/comments', PostController, 'comment');
  router.get('/tags/:tag', TagController);
  router.get('/tags/:tag/page/:n', TagController);
  router.get('/archive', archiveController(site));
  router.get('/search', searchController(site));
  router.get('/feed.xml', FeedController, 'rss');
  router.get('/atom.xml', FeedController, 'atom');
  router.get('/feed.json', FeedController, 'json');
  router.get('/sitemap.xml', FeedController, 'sitemap');
  router.get('/robots.txt', FeedController, 'robots');
  router.get('/healthz', () => ({ ok: true }));
  // Last, and the least specific: fastify matches static paths (/archive, /admin…) before it.
  router.get('/:slug', PageController);
  router.post('/:slug/comments', PageController, 'comment');
  return router;
}

/** A thrown error as a themed page: storage's not-found is a 404, its bad input a 400. */
async function errorResult(site: Site, error: unknown, ctx: Context) {
  let status = statusOf(error);
  if (isStorageError(error)) {
    status =
      error.code === 'PUGO_ERR_NOT_FOUND'
        ? 404
        : error.code === 'PUGO_ERR_INVALID_INPUT'
          ? 400
          : 500;
  }
  if (status >= 500) ctx.request.log.error({ err: error, route: ctx.route.name }, 'request failed');
  const headers = (error as { headers?: Record<string, string> }).headers ?? {};
  const message = status >= 500 ? undefined : (error as Error).message;
  return {
    status,
    headers: { ...headers, 'cache-control': 'no-store' },
    body: await renderError(site, status, message),
  };
}
