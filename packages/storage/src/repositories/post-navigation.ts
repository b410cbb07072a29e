// How readers move among published posts: the archive by month, previous/next, the sitemap's slugs.
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import { fromIso, type PublishedSlug } from '../values.js';
import { type PostLink, visible } from './post-rows.js';

/** A month of the archive, newest first, with its posts. */
export interface ArchiveMonth {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly count: number;
  readonly posts: PostLink[];
}

/** The neighbours of a post in publication order. */
export interface Adjacent {
  /** The next older published post. */
  readonly previous: PostLink | null;
  /** The next newer published post. */
  readonly next: PostLink | null;
}

/** Published posts grouped by year and month, newest first. */
export async function archive(ctx: Context, now: Date): Promise<ArchiveMonth[]> {
  const rows = await ctx.read(
    (db) =>
      visible(db.selectFrom('posts'), now.toISOString())
        .select(['id', 'title', 'slug', 'published_at'])
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    { entity: 'post' },
  );
  const months: { year: number; month: number; count: number; posts: PostLink[] }[] = [];
  for (const row of rows) {
    const at = fromIso(row.published_at!);
    const year = at.getUTCFullYear();
    const month = at.getUTCMonth() + 1;
    let last = months[months.length - 1];
    if (last === undefined || last.year !== year || last.month !== month) {
      last = { year, month, count: 0, posts: [] };
      months.push(last);
    }
    last.count++;
    last.posts.push({ id: row.id, title: row.title, slug: row.slug, publishedAt: at });
  }
  return months;
}

/** The published posts just before (older) and after (newer) post `id`; null at either end. */
export async function adjacent(ctx: Context, id: number, now: Date): Promise<Adjacent> {
  const at = now.toISOString();
  return ctx.read(
    async (db) => {
      const current = await db
        .selectFrom('posts')
        .select(['id', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (current === undefined) throw notFound(id);
      if (current.published_at === null) return { previous: null, next: null };
      const key = [current.published_at, current.id] as const;
      const link = async (dir: '<' | '>') => {
        const row = await visible(db.selectFrom('posts'), at)
          .select(['id', 'title', 'slug', 'published_at'])
          .where((eb) => eb(eb.refTuple('published_at', 'id'), dir, eb.tuple(key[0], key[1])))
          .orderBy('published_at', dir === '<' ? 'desc' : 'asc')
          .orderBy('id', dir === '<' ? 'desc' : 'asc')
          .limit(1)
          .executeTakeFirst();
        return row === undefined
          ? null
          : {
              id: row.id,
              title: row.title,
              slug: row.slug,
              publishedAt: fromIso(row.published_at),
            };
      };
      return { previous: await link('<'), next: await link('>') };
    },
    { entity: 'post' },
  );
}

/** Slugs and last changes of the posts readers can see at `now`, newest first (for a sitemap). */
export async function publishedSlugs(
  ctx: Context,
  now: Date,
  limit: number,
): Promise<PublishedSlug[]> {
  const rows = await ctx.read(
    (db) =>
      visible(db.selectFrom('posts'), now.toISOString())
        .select(['slug', 'updated_at'])
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    { entity: 'post' },
  );
  return rows.map((row) => ({ slug: row.slug, updatedAt: fromIso(row.updated_at) }));
}

function notFound(id: number) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'post', key: `id ${id}` });
}
