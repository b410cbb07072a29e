// `/search?q=…&page=n`: full-text search with highlighted snippets, paged.
import type { Context } from '@pugo/router';
import { badRequest } from '../http-errors.js';
import type { Site } from '../site.js';

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** The search controller, bound to the site. */
export function searchController(site: Site) {
  return class SearchController {
    async get(ctx: Context) {
      const raw = ctx.query.q;
      if (raw !== undefined && typeof raw !== 'string')
        throw badRequest('Give one search query, as ?q=words.');
      const query = (raw ?? '').trim();
      if ([...query].length > MAX_QUERY_LENGTH) {
        throw badRequest(`Search queries may be at most ${MAX_QUERY_LENGTH} characters.`);
      }
      const pageRaw = ctx.query.page;
      if (
        pageRaw !== undefined &&
        (typeof pageRaw !== 'string' || !/^[1-9]\d{0,5}$/.test(pageRaw))
      ) {
        throw badRequest('The page must be a whole number from 1.');
      }
      const page = pageRaw === undefined ? 1 : Number(pageRaw);
      const snapshot = await site.state.get();
      const result =
        query === ''
          ? null
          : await site.storage.posts.search(query, {
              page,
              pageSize: snapshot.settings.pageSize,
              prefix: true,
              now: site.now(),
            });
      const link = (n: number) =>
        `/search?q=${encodeURIComponent(query)}${n > 1 ? `&page=${n}` : ''}`;
      const pageCount = result?.pageCount ?? 0;
      return site.render(
        'search',
        snapshot,
        { title: query ? `Search: ${query}` : 'Search', path: '/search', noindex: true, query },
        {
          hits: result?.items ?? [],
          total: result?.total ?? 0,
          pager: {
            page,
            pageCount,
            newer: page > 1 ? link(page - 1) : null,
            older: page < pageCount ? link(page + 1) : null,
          },
        },
      );
    }
  };
}
