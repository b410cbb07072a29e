// `/`, `/page/:n`, `/tags/:tag` and `/tags/:tag/page/:n`: newest published posts, paged.
import type { Context } from '@pugo/router';
import { isValidSlug } from '../../content/index.js';
import { notFound } from '../http-errors.js';
import { pageParam, pagerLinks } from '../paging.js';
import type { Site } from '../site.js';

/** The home and tag list controllers, bound to the site. */
export function listControllers(site: Site) {
  class HomeController {
    async get(ctx: Context) {
      const page = pageParam(ctx.params.n);
      if (ctx.params.n === '1') return ctx.redirect('/', 301);
      const snapshot = await site.state.get();
      const list = await site.storage.posts.listPublished({
        page,
        pageSize: snapshot.settings.pageSize,
        now: site.now(),
      });
      if (page > 1 && page > list.pageCount) throw notFound('There is no such page.');
      return site.render(
        'index',
        snapshot,
        {
          section: page === 1 ? 'home' : undefined,
          path: ctx.request.url,
          title: page > 1 ? `Page ${page}` : undefined,
          canonical: site.absolute(snapshot, page > 1 ? `/page/${page}` : '/'),
        },
        { posts: list.items, pager: pagerLinks('/', '', page, list.pageCount), heading: null },
      );
    }
  }

  class TagController {
    async get(ctx: Context) {
      const slug = ctx.params.tag ?? '';
      if (!isValidSlug(slug)) throw notFound('There is no such tag.');
      const page = pageParam(ctx.params.n);
      const base = `/tags/${encodeURIComponent(slug)}`;
      if (ctx.params.n === '1') return ctx.redirect(base, 301);
      const snapshot = await site.state.get();
      // Throws PUGO_ERR_NOT_FOUND for an unknown tag: the error handler makes it a 404.
      const list = await site.storage.posts.listByTag(slug, {
        page,
        pageSize: snapshot.settings.pageSize,
        now: site.now(),
      });
      if (page > 1 && page > list.pageCount) throw notFound('There is no such page.');
      const tag = list.tag;
      return site.render(
        'index',
        snapshot,
        {
          title: page > 1 ? `#${tag.name} · page ${page}` : `#${tag.name}`,
          path: ctx.request.url,
          canonical: site.absolute(snapshot, page > 1 ? `${base}/page/${page}` : base),
        },
        {
          posts: list.items,
          pager: pagerLinks(base, base, page, list.pageCount),
          heading: `Posts tagged #${tag.name}`,
        },
      );
    }
  }

  return { HomeController, TagController };
}
