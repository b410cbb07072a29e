// Page numbers from URLs: only canonical positive integers; anything else is a 404, never a 500.
import { notFound } from './http-errors.js';

/** Highest page number the blog will consider (beyond any real blog, below any overflow). */
export const MAX_PAGE = 1_000_000;

/** `/page/:n` → n; 404 for 0, -1, `abc`, `01`, `1.5` and absurd numbers. */
export function pageParam(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,6}$/.test(raw)) throw notFound('There is no such page number.');
  const n = Number(raw);
  if (n > MAX_PAGE) throw notFound('There is no such page number.');
  return n;
}

/** Newer/older links for a list whose page `n` lives at `base` + `/page/n` (page 1 at `first`). */
export function pagerLinks(
  first: string,
  base: string,
  page: number,
  pageCount: number,
): { page: number; pageCount: number; newer: string | null; older: string | null } {
  return {
    page,
    pageCount,
    newer: page <= 1 ? null : page === 2 ? first : `${base}/page/${page - 1}`,
    older: page < pageCount ? `${base}/page/${page + 1}` : null,
  };
}
