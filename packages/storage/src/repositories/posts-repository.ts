// Posts: create and edit (with tags), the public lists (home, tag, archive), neighbours, hits, counts.
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import { queryTemplate } from '../query-template.js';
import type { Database } from '../schema.js';
import {
  limitOf,
  MAX_SLUGS,
  type Paged,
  type PageRequest,
  type PublishedSlug,
  pageOf,
  paging,
} from '../values.js';
import { newPostRow, postPatchRow } from './post-input.js';
import { listByTag, listForAdmin } from './post-lists.js';
import {
  type Adjacent,
  type ArchiveMonth,
  adjacent,
  archive,
  publishedSlugs,
} from './post-navigation.js';
import {
  type NewPost,
  type Post,
  type PostListItem,
  type PostListRequest,
  type PostPatch,
  type PostRow,
  type PostStatus,
  selectPosts,
  toPost,
  visible,
} from './post-rows.js';
import { type SearchHit, type SearchRequest, searchPosts } from './post-search.js';
import { setPostTags, type Tag } from './tags-repository.js';

const REFS = 'user (authorId)';

export class PostsRepository {
  readonly #ctx: Context;
  // The reader's hot paths (home page, post page), compiled once.
  readonly #homeItems = queryTemplate<{ now: string; limit: number; offset: number }, PostRow>(
    (db, p) =>
      visible(selectPosts(this.#ctx, db, false), p('now'))
        .orderBy('posts.published_at', 'desc')
        .orderBy('posts.id', 'desc')
        .limit(p('limit'))
        .offset(p('offset')),
  );
  readonly #homeCount = queryTemplate<{ now: string }, { n: number }>((db, p) =>
    visible(db.selectFrom('posts'), p('now')).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  readonly #publishedBySlug = queryTemplate<{ now: string; slug: string }, PostRow>((db, p) =>
    visible(selectPosts(this.#ctx, db, true), p('now')).where('posts.slug', '=', p('slug')),
  );

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Creates a post with its tags. Throws PUGO_ERR_SLUG_TAKEN, PUGO_ERR_FOREIGN_KEY (author). */
  async create(input: NewPost): Promise<Post> {
    const ctx = this.#ctx;
    const values = newPostRow(input, ctx.nowIso());
    const id = await ctx.write(
      async (db) => {
        const row = await db
          .insertInto('posts')
          .values(values)
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.tags !== undefined) await setPostTags(db, row.id, input.tags);
        return row.id;
      },
      { entity: 'post', slug: input.slug, refs: REFS },
    );
    return this.get(id);
  }

  /** Changes a post. Publishing a post that never had a date dates it now. Throws PUGO_ERR_NOT_FOUND. */
  async update(id: number, patch: PostPatch): Promise<Post> {
    const ctx = this.#ctx;
    const values = postPatchRow(patch, ctx.nowIso());
    await ctx.write(
      async (db) => {
        const row = await db
          .updateTable('posts')
          .set(values)
          .where('id', '=', id)
          .returning(['id', 'status', 'published_at'])
          .executeTakeFirst();
        if (row === undefined) throw notFound(id);
        if (row.status === 'published' && row.published_at === null) {
          await db
            .updateTable('posts')
            .set({ published_at: values.updated_at })
            .where('id', '=', id)
            .execute();
        }
        if (patch.tags !== undefined) await setPostTags(db, id, patch.tags);
      },
      { entity: 'post', slug: patch.slug, refs: REFS },
    );
    return this.get(id);
  }

  /** Sets the status (trash, restore, publish). Throws PUGO_ERR_NOT_FOUND. */
  async setStatus(id: number, status: PostStatus): Promise<Post> {
    return this.update(id, { status });
  }

  /** Moves a post to the trash. */
  async trash(id: number): Promise<Post> {
    return this.setStatus(id, 'trashed');
  }

  /** Brings a trashed post back as a draft. */
  async restore(id: number): Promise<Post> {
    return this.setStatus(id, 'draft');
  }

  /** Deletes a post for good, with its comments and tag links. Throws PUGO_ERR_NOT_FOUND. */
  async delete(id: number): Promise<void> {
    await this.#ctx.write(
      async (db) => {
        const result = await db.deleteFrom('posts').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw notFound(id);
      },
      { entity: 'post' },
    );
  }

  /** The post with `id`, any status, or undefined. */
  async find(id: number): Promise<Post | undefined> {
    return this.#one((db) => selectPosts(this.#ctx, db, true).where('posts.id', '=', id));
  }

  /** The post with `id`, any status. Throws PUGO_ERR_NOT_FOUND. */
  async get(id: number): Promise<Post> {
    const post = await this.find(id);
    if (post === undefined) throw notFound(id);
    return post;
  }

  /** The post with `slug`, any status (for the admin), or undefined. */
  async findBySlug(slug: string): Promise<Post | undefined> {
    return this.#one((db) => selectPosts(this.#ctx, db, true).where('posts.slug', '=', slug));
  }

  /** The post with `slug` if readers may see it at `now` (published, date come), else undefined. */
  async findPublishedBySlug(slug: string, now: Date = this.#ctx.now()): Promise<Post | undefined> {
    const [row] = await this.#ctx.read(
      (db) => this.#publishedBySlug(db, { now: now.toISOString(), slug }),
      { entity: 'post' },
    );
    return row === undefined ? undefined : toPost(row);
  }

  /** Like {@link findPublishedBySlug}. Throws PUGO_ERR_NOT_FOUND. */
  async getPublishedBySlug(slug: string, now?: Date): Promise<Post> {
    const post = await this.findPublishedBySlug(slug, now);
    if (post === undefined) throw notFound(`slug "${slug}"`);
    return post;
  }

  /** The home page: published posts newest first, with tags and comment counts. */
  async listPublished(request?: PageRequest & { now?: Date }): Promise<Paged<PostListItem>> {
    const now = (request?.now ?? this.#ctx.now()).toISOString();
    const { page, pageSize, offset } = paging('listing posts', request);
    return this.#ctx.read(
      async (db) => {
        const rows = await this.#homeItems(db, { now, limit: pageSize, offset });
        const [count] = await this.#homeCount(db, { now });
        return pageOf(rows.map(toPost), Number(count?.n ?? 0), page, pageSize);
      },
      { entity: 'post' },
    );
  }

  /** Published posts with the tag `tagSlug`, newest first. Throws PUGO_ERR_NOT_FOUND for no such tag. */
  listByTag(
    tagSlug: string,
    request?: PageRequest & { now?: Date },
  ): Promise<Paged<PostListItem> & { tag: Tag }> {
    return listByTag(this.#ctx, tagSlug, request);
  }

  /** Every post for the admin, most recently updated first, filtered by status. */
  list(request?: PostListRequest): Promise<Paged<PostListItem>> {
    return listForAdmin(this.#ctx, request);
  }

  /** How many posts there are, in any status (trashed included). */
  async count(): Promise<number> {
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('posts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      { entity: 'post' },
    );
    return Number(row.n);
  }

  /** Published posts grouped by year and month, newest first. */
  archive(now: Date = this.#ctx.now()): Promise<ArchiveMonth[]> {
    return archive(this.#ctx, now);
  }

  /** The published posts just before (older) and after (newer) post `id`; null at either end. */
  adjacent(id: number, now: Date = this.#ctx.now()): Promise<Adjacent> {
    return adjacent(this.#ctx, id, now);
  }

  /**
   * The slug and last change of every post readers can see at `now`, newest first: what a
   * sitemap lists, without the HTML the other lists carry. `limit`: 1 to 50,000. Default: 50,000
   */
  async publishedSlugs(request: { now?: Date; limit?: number } = {}): Promise<PublishedSlug[]> {
    const limit = limitOf('listing post slugs', request.limit, MAX_SLUGS);
    return publishedSlugs(this.#ctx, request.now ?? this.#ctx.now(), limit);
  }

  /** Adds `by` (default 1) to the post's hit counter and returns the new count. Throws PUGO_ERR_NOT_FOUND. */
  async incrementHits(id: number, by = 1): Promise<number> {
    return this.#ctx.write(
      async (db) => {
        const row = await db
          .updateTable('posts')
          .set((eb) => ({ hits: eb('hits', '+', by) }))
          .where('id', '=', id)
          .returning('hits')
          .executeTakeFirst();
        if (row === undefined) throw notFound(id);
        return row.hits;
      },
      { entity: 'post' },
    );
  }

  /** Full-text search over titles and sources, best first, with highlighted HTML. */
  async search(query: string, request?: SearchRequest): Promise<Paged<SearchHit>> {
    return searchPosts(this.#ctx, query, request);
  }

  async #one(
    build: (db: Kysely<Database>) => ReturnType<typeof selectPosts>,
  ): Promise<Post | undefined> {
    const row = await this.#ctx.read((db) => build(db).executeTakeFirst(), { entity: 'post' });
    return row === undefined ? undefined : toPost(row);
  }
}

function notFound(key: number | string) {
  return storageError('PUGO_ERR_NOT_FOUND', {
    table: 'post',
    key: typeof key === 'number' ? `id ${key}` : key,
  });
}
