// The storage bench's baseline: the home page and search hand-written as better-sqlite3 prepared
// statements, returning the same shapes as @pugo/storage (tags parsed, timestamps as Dates).
import type { RawConnection } from '@pugo/storage';

interface Row {
  id: number;
  title: string;
  slug: string;
  html: string;
  excerpt: string;
  status: string;
  comment_status: string;
  author_id: number | null;
  created_at: string;
  updated_at: string;
  published_at: string;
  hits: number;
  tags: string;
  comment_count: number;
}

const LIST = `select p.id, p.title, p.slug, p.html, p.excerpt, p.status, p.comment_status, p.author_id,
    p.created_at, p.updated_at, p.published_at, p.hits,
    (select coalesce(json_group_array(json_object('id', t.id, 'name', t.name, 'slug', t.slug)), '[]')
       from (select tags.id, tags.name, tags.slug from post_tags
             join tags on tags.id = post_tags.tag_id
             where post_tags.post_id = p.id order by tags.name) as t) as tags,
    (select count(*) from comments c where c.post_id = p.id and c.status = 'approved') as comment_count
  from posts p`;

function toItem(row: Row) {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    html: row.html,
    excerpt: row.excerpt,
    status: row.status,
    commentStatus: row.comment_status,
    authorId: row.author_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    publishedAt: new Date(row.published_at),
    hits: row.hits,
    tags: JSON.parse(row.tags) as { id: number; name: string; slug: string }[],
    commentCount: row.comment_count,
  };
}

const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
const mark = (s: string) =>
  escapeHtml(s).replaceAll('\u0002', '<mark>').replaceAll('\u0003', '</mark>');

/** Prepared once; each call is what a hand-written data layer would do per request. */
export function rawQueries(db: RawConnection) {
  const page = db.prepare(
    `${LIST} where p.status = 'published' and p.published_at <= ?
     order by p.published_at desc, p.id desc limit ? offset ?`,
  );
  const count = db.prepare(
    `select count(*) as n from posts where status = 'published' and published_at <= ?`,
  );
  const ranked = db.prepare(
    `select p.id as id, bm25(posts_fts, 10.0, 1.0) as rank
     from posts_fts cross join posts p on p.id = posts_fts.rowid
     where posts_fts match ? and p.status = 'published' and p.published_at <= ?
     order by rank, p.published_at desc, p.id desc limit ? offset ?`,
  );
  const hits = db.prepare(
    `select count(*) as n from posts_fts cross join posts p on p.id = posts_fts.rowid
     where posts_fts match ? and p.status = 'published' and p.published_at <= ?`,
  );
  const marked = db.prepare(
    `select rowid as id, highlight(posts_fts, 0, char(2), char(3)) as title,
       snippet(posts_fts, 1, char(2), char(3), '…', 24) as snippet
     from posts_fts where posts_fts match ? and rowid in (select value from json_each(?))`,
  );
  const byIds = db.prepare(`${LIST} where p.id in (select value from json_each(?))`);

  return {
    /** The 10 newest published posts with tags and comment counts, and the total for the pager. */
    home(pageSize = 10) {
      const now = new Date().toISOString();
      const items = (page.all(now, pageSize, 0) as Row[]).map(toItem);
      const { n } = count.get(now) as { n: number };
      return { items, total: n };
    },
    /** A full-text search: ranked ids, the total, highlights for the page, then the posts. */
    search(words: string, pageSize = 10) {
      const now = new Date().toISOString();
      const query = words
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `"${w.replaceAll('"', '""')}"`)
        .join(' ');
      const top = ranked.all(query, now, pageSize, 0) as { id: number; rank: number }[];
      const { n } = hits.get(query, now) as { n: number };
      const ids = JSON.stringify(top.map((r) => r.id));
      const marks = new Map(
        (marked.all(query, ids) as { id: number; title: string; snippet: string }[]).map((r) => [
          r.id,
          r,
        ]),
      );
      const posts = new Map((byIds.all(ids) as Row[]).map((r) => [r.id, toItem(r)]));
      const items = top.map((r) => ({
        post: posts.get(r.id)!,
        titleHtml: mark(marks.get(r.id)?.title ?? ''),
        snippetHtml: mark(marks.get(r.id)?.snippet ?? ''),
        rank: r.rank,
      }));
      return { items, total: n };
    },
  };
}
