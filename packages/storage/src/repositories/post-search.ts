// Full-text search over posts: any input is a valid query; hits come ranked, with safe HTML marks.
import type { Context } from '../context.js';
import { HIT_END, HIT_START } from '../dialect/dialect.js';
import { queryTemplate } from '../query-template.js';
import { type Paged, type PageRequest, pageOf, paging } from '../values.js';
import { type PostListItem, type PostRow, selectPosts, toPost } from './post-rows.js';

/** Options of `posts.search`. */
export interface SearchRequest extends PageRequest {
  /** Search drafts, scheduled and trashed posts too (the admin). Default: false */
  readonly includeUnpublished?: boolean;
  /** The last word also matches longer words it begins ("leak" finds "leaking"). Default: false */
  readonly prefix?: boolean;
  /** What "published" is relative to. Default: the storage clock */
  readonly now?: Date;
}

/** One search hit. */
export interface SearchHit {
  readonly post: PostListItem;
  /** The title, HTML-escaped, hits wrapped in `<mark>`. */
  readonly titleHtml: string;
  /** A fragment of the markdown source around the hits, HTML-escaped, hits in `<mark>`. */
  readonly snippetHtml: string;
  /** Relevance, lower is better (bm25; a title hit weighs ten body hits). */
  readonly rank: number;
}

// One compiled query per storage (the SQL belongs to its dialect); the id list is a parameter.
const templates = new WeakMap<Context['dialect'], ReturnType<typeof postsByIds>>();

function postsByIds(ctx: Context) {
  return queryTemplate<{ ids: string }, PostRow>((db, p) =>
    selectPosts(ctx, db, false).where('posts.id', 'in', ctx.dialect.idsIn(p('ids'))),
  );
}

function byIds(ctx: Context) {
  let template = templates.get(ctx.dialect);
  if (template === undefined) {
    template = postsByIds(ctx);
    templates.set(ctx.dialect, template);
  }
  return template;
}

/** Runs a search; input without any letter or digit finds nothing (and never throws). */
export async function searchPosts(
  ctx: Context,
  input: string,
  request: SearchRequest = {},
): Promise<Paged<SearchHit>> {
  const { page, pageSize, offset } = paging('searching posts', request);
  const query = ctx.dialect.toSearchQuery(String(input), { prefix: request.prefix === true });
  if (query === undefined) return pageOf([], 0, page, pageSize);
  const visibleAt =
    request.includeUnpublished === true ? null : (request.now ?? ctx.now()).toISOString();
  return ctx.read(
    async (db) => {
      const { rows, total } = await ctx.dialect.searchPosts(db, query, {
        visibleAt,
        limit: pageSize,
        offset,
      });
      if (rows.length === 0) return pageOf([], total, page, pageSize);
      const posts = await byIds(ctx)(db, { ids: JSON.stringify(rows.map((r) => r.id)) });
      const byId = new Map(posts.map((p) => [p.id, toPost(p)]));
      const hits: SearchHit[] = [];
      for (const row of rows) {
        const post = byId.get(row.id);
        if (post === undefined) continue;
        hits.push({
          post,
          titleHtml: markHits(row.title),
          snippetHtml: markHits(row.snippet),
          rank: row.rank,
        });
      }
      return pageOf(hits, total, page, pageSize);
    },
    { entity: 'post' },
  );
}

/** Escapes text for HTML, then turns the hit markers into `<mark>` elements. */
export function markHits(text: string): string {
  return escapeHtml(text).replaceAll(HIT_START, '<mark>').replaceAll(HIT_END, '</mark>');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
