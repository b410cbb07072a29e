// The paged post lists besides the home page: one tag's posts (readers) and every post (the admin).
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { Database } from '../schema.js';
import { oneOf, type Paged, type PageRequest, pageOf, paging } from '../values.js';
import {
  POST_STATUSES,
  type PostListItem,
  type PostListRequest,
  selectPosts,
  toPost,
  visible,
} from './post-rows.js';
import type { Tag } from './tags-repository.js';

/** Published posts with the tag `tagSlug`, newest first. Throws PUGO_ERR_NOT_FOUND for no such tag. */
export async function listByTag(
  ctx: Context,
  tagSlug: string,
  request?: PageRequest & { now?: Date },
): Promise<Paged<PostListItem> & { tag: Tag }> {
  const now = (request?.now ?? ctx.now()).toISOString();
  const tag = await ctx.read(
    (db) => db.selectFrom('tags').selectAll().where('slug', '=', tagSlug).executeTakeFirst(),
    { entity: 'tag' },
  );
  if (tag === undefined) {
    throw storageError('PUGO_ERR_NOT_FOUND', { table: 'tag', key: `slug "${tagSlug}"` });
  }
  const withTag = (db: Kysely<Database>) =>
    db.selectFrom('post_tags').select('post_tags.post_id').where('post_tags.tag_id', '=', tag.id);
  const page = await pageOfPosts(
    ctx,
    'listing posts by tag',
    request,
    (db) => visible(db.selectFrom('posts'), now).where('posts.id', 'in', withTag(db)),
    (db) =>
      visible(selectPosts(ctx, db, false), now)
        .where('posts.id', 'in', withTag(db))
        .orderBy('posts.published_at', 'desc')
        .orderBy('posts.id', 'desc'),
  );
  return { ...page, tag };
}

/** Every post for the admin, most recently updated first, filtered by status. */
export function listForAdmin(
  ctx: Context,
  request?: PostListRequest,
): Promise<Paged<PostListItem>> {
  const now = ctx.nowIso();
  const status = request?.status;
  const where = (db: Kysely<Database>) => {
    const q = db.selectFrom('posts');
    if (status === undefined) return q.where('posts.status', '<>', 'trashed');
    if (status === 'scheduled') {
      return q.where('posts.status', '=', 'published').where('posts.published_at', '>', now);
    }
    if (status === 'published') return visible(q, now);
    return q.where('posts.status', '=', oneOf('listing posts', 'status', status, POST_STATUSES));
  };
  return pageOfPosts(
    ctx,
    'listing posts',
    request,
    (db) => where(db),
    (db) =>
      selectPosts(ctx, db, false)
        .where('posts.id', 'in', where(db).select('posts.id'))
        .orderBy('posts.updated_at', 'desc')
        .orderBy('posts.id', 'desc'),
  );
}

/** One page of `items` and the total `count` would give, in one read. */
async function pageOfPosts(
  ctx: Context,
  what: string,
  request: PageRequest | undefined,
  count: (db: Kysely<Database>) => SelectQueryBuilder<Database, 'posts', object>,
  items: (db: Kysely<Database>) => ReturnType<typeof selectPosts>,
): Promise<Paged<PostListItem>> {
  const { page, pageSize, offset } = paging(what, request);
  return ctx.read(
    async (db) => {
      const rows = await items(db).limit(pageSize).offset(offset).execute();
      const total = await count(db)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return pageOf(rows.map(toPost), Number(total.n), page, pageSize);
    },
    { entity: 'post' },
  );
}
