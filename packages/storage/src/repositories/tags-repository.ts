// Tags: listing with post counts, renaming and deleting, and attaching tags to posts by name.
import type { Kysely } from 'kysely';
import { slugify } from '../blog/slugify.js';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { Database } from '../schema.js';
import { required, validSlug } from '../values.js';

/** A tag. */
export interface Tag {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

/** A tag with how many posts readers can see under it. */
export interface TagWithCount extends Tag {
  readonly postCount: number;
}

const WHAT = 'saving the tag';

export class TagsRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Creates a tag; `slug` defaults to `slugify(name)`. Throws PUGO_ERR_SLUG_TAKEN. */
  async create(name: string, slug: string = slugify(name)): Promise<Tag> {
    required(WHAT, 'name', name);
    validSlug(WHAT, slug);
    return this.#ctx.write(
      (db) =>
        db
          .insertInto('tags')
          .values({ name: name.trim(), slug })
          .returning(['id', 'name', 'slug'])
          .executeTakeFirstOrThrow(),
      { entity: 'tag', slug },
    );
  }

  /** Renames a tag (and its slug when given). Throws PUGO_ERR_NOT_FOUND, PUGO_ERR_SLUG_TAKEN. */
  async update(id: number, patch: { name?: string; slug?: string }): Promise<Tag> {
    const values: { name?: string; slug?: string } = {};
    if (patch.name !== undefined) values.name = required(WHAT, 'name', patch.name).trim();
    if (patch.slug !== undefined) values.slug = validSlug(WHAT, patch.slug);
    return this.#ctx.write(
      async (db) => {
        const row =
          Object.keys(values).length === 0
            ? await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst()
            : await db
                .updateTable('tags')
                .set(values)
                .where('id', '=', id)
                .returning(['id', 'name', 'slug'])
                .executeTakeFirst();
        if (row === undefined) throw notFound(`id ${id}`);
        return row;
      },
      { entity: 'tag', slug: patch.slug },
    );
  }

  /** Deletes a tag (posts lose it). Throws PUGO_ERR_NOT_FOUND. */
  async delete(id: number): Promise<void> {
    await this.#ctx.write(
      async (db) => {
        const result = await db.deleteFrom('tags').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw notFound(`id ${id}`);
      },
      { entity: 'tag' },
    );
  }

  /** Deletes tags no post uses any more; returns how many. */
  async deleteUnused(): Promise<number> {
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .deleteFrom('tags')
          .where('id', 'not in', db.selectFrom('post_tags').select('tag_id'))
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      },
      { entity: 'tag' },
    );
  }

  /** The tag with `slug`, or undefined. */
  async findBySlug(slug: string): Promise<Tag | undefined> {
    return this.#ctx.read(
      (db) => db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst(),
      { entity: 'tag' },
    );
  }

  /** The tag with `slug`. Throws PUGO_ERR_NOT_FOUND. */
  async getBySlug(slug: string): Promise<Tag> {
    const tag = await this.findBySlug(slug);
    if (tag === undefined) throw notFound(`slug "${slug}"`);
    return tag;
  }

  /**
   * Every tag by name with the number of posts readers can see at `now` (a tag cloud). With
   * `all`, counts every post that is not trashed (the admin).
   */
  async list(options: { now?: Date; all?: boolean } = {}): Promise<TagWithCount[]> {
    const now = (options.now ?? this.#ctx.now()).toISOString();
    return this.#ctx.read(
      async (db) => {
        const rows = await db
          .selectFrom('tags')
          .select(['tags.id', 'tags.name', 'tags.slug'])
          .select((eb) =>
            eb
              .selectFrom('post_tags')
              .innerJoin('posts', 'posts.id', 'post_tags.post_id')
              .select((c) => c.fn.countAll<number>().as('n'))
              .whereRef('post_tags.tag_id', '=', 'tags.id')
              .$if(options.all === true, (q) => q.where('posts.status', '<>', 'trashed'))
              .$if(options.all !== true, (q) =>
                q.where('posts.status', '=', 'published').where('posts.published_at', '<=', now),
              )
              .as('post_count'),
          )
          .orderBy('tags.name')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          name: r.name,
          slug: r.slug,
          postCount: r.post_count ?? 0,
        }));
      },
      { entity: 'tag' },
    );
  }
}

/** Gives post `postId` exactly the tags `names` (created when missing), inside the caller's write. */
export async function setPostTags(
  db: Kysely<Database>,
  postId: number,
  names: readonly string[],
): Promise<void> {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = String(raw).trim();
    const slug = slugify(name);
    if (slug === '') {
      throw storageError('PUGO_ERR_INVALID_INPUT', {
        what: 'saving the post',
        reason: `the tag "${raw}" has no letters or digits; give it a name`,
      });
    }
    if (!bySlug.has(slug)) bySlug.set(slug, name);
  }
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (bySlug.size === 0) return;
  await db
    .insertInto('tags')
    .values([...bySlug].map(([slug, name]) => ({ name, slug })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const tags = await db
    .selectFrom('tags')
    .select('id')
    .where('slug', 'in', [...bySlug.keys()])
    .execute();
  await db
    .insertInto('post_tags')
    .values(tags.map((t) => ({ post_id: postId, tag_id: t.id })))
    .execute();
}

function notFound(key: string) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'tag', key });
}
