// Pages (About, Contact…): CRUD, lookup by slug for readers, the menu and the sitemap's slugs.
import type { Selectable, Updateable } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { PagesTable } from '../schema.js';
import {
  fromIso,
  limitOf,
  MAX_SLUGS,
  oneOf,
  type Paged,
  type PageRequest,
  type PublishedSlug,
  pageOf,
  paging,
  required,
  validSlug,
} from '../values.js';
import { publishableColumns } from './post-input.js';
import {
  POST_COMMENT_STATUSES,
  POST_STATUSES,
  type PostCommentStatus,
  type PostStatus,
} from './post-rows.js';

/** A standalone page. */
export interface Page {
  readonly id: number;
  readonly title: string;
  readonly slug: string;
  /** Markdown source. */
  readonly source: string;
  /** HTML rendered from `source` by the caller. */
  readonly html: string;
  /** Same states as posts; only `published` pages are public. */
  readonly status: PostStatus;
  readonly commentStatus: PostCommentStatus;
  /** The theme template that renders it, e.g. `page`. */
  readonly template: string;
  readonly inMenu: boolean;
  /** Position in the menu, lowest first. */
  readonly menuOrder: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What {@link PagesRepository.create} needs. */
export interface NewPage {
  readonly title: string;
  readonly slug: string;
  readonly source: string;
  readonly html: string;
  /** Default: 'published' */
  readonly status?: PostStatus;
  /** Default: 'closed' */
  readonly commentStatus?: PostCommentStatus;
  /** Default: 'page' */
  readonly template?: string;
  /** Default: false */
  readonly inMenu?: boolean;
  /** Default: 0 */
  readonly menuOrder?: number;
}

const WHAT = 'saving the page';

export class PagesRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Creates a page. Throws PUGO_ERR_SLUG_TAKEN. */
  async create(input: NewPage): Promise<Page> {
    const now = this.#ctx.nowIso();
    const row = await this.#ctx.write(
      (db) =>
        db
          .insertInto('pages')
          .values({
            title: required(WHAT, 'title', input.title),
            slug: validSlug(WHAT, input.slug),
            source: input.source,
            html: input.html,
            status: oneOf(WHAT, 'status', input.status ?? 'published', POST_STATUSES),
            comment_status: oneOf(
              WHAT,
              'commentStatus',
              input.commentStatus ?? 'closed',
              POST_COMMENT_STATUSES,
            ),
            template: required(WHAT, 'template', input.template ?? 'page'),
            in_menu: input.inMenu === true ? 1 : 0,
            menu_order: input.menuOrder ?? 0,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      { entity: 'page', slug: input.slug },
    );
    return toPage(row);
  }

  /** Changes a page. Throws PUGO_ERR_NOT_FOUND, PUGO_ERR_SLUG_TAKEN. */
  async update(id: number, patch: Partial<NewPage>): Promise<Page> {
    const values: Updateable<PagesTable> = {
      ...publishableColumns(WHAT, patch),
      updated_at: this.#ctx.nowIso(),
    };
    if (patch.template !== undefined) values.template = required(WHAT, 'template', patch.template);
    if (patch.inMenu !== undefined) values.in_menu = patch.inMenu ? 1 : 0;
    if (patch.menuOrder !== undefined) values.menu_order = patch.menuOrder;
    const row = await this.#ctx.write(
      async (db) => {
        const found = await db
          .updateTable('pages')
          .set(values)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (found === undefined) throw notFound(`id ${id}`);
        return found;
      },
      { entity: 'page', slug: patch.slug },
    );
    return toPage(row);
  }

  /** Deletes a page and its comments. Throws PUGO_ERR_NOT_FOUND. */
  async delete(id: number): Promise<void> {
    await this.#ctx.write(
      async (db) => {
        const result = await db.deleteFrom('pages').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw notFound(`id ${id}`);
      },
      { entity: 'page' },
    );
  }

  /** The page with `id`, or undefined. */
  async find(id: number): Promise<Page | undefined> {
    const row = await this.#ctx.read(
      (db) => db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst(),
      { entity: 'page' },
    );
    return row === undefined ? undefined : toPage(row);
  }

  /** The page with `id`. Throws PUGO_ERR_NOT_FOUND. */
  async get(id: number): Promise<Page> {
    const page = await this.find(id);
    if (page === undefined) throw notFound(`id ${id}`);
    return page;
  }

  /** The page with `slug` in any status (the admin), or undefined. */
  async findBySlug(slug: string): Promise<Page | undefined> {
    const row = await this.#ctx.read(
      (db) => db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst(),
      { entity: 'page' },
    );
    return row === undefined ? undefined : toPage(row);
  }

  /** The published page with `slug` (readers), or undefined. */
  async findPublishedBySlug(slug: string): Promise<Page | undefined> {
    const page = await this.findBySlug(slug);
    return page?.status === 'published' ? page : undefined;
  }

  /** Every page, by menu order then title; trashed ones only when asked for by status. */
  async list(request?: PageRequest & { status?: PostStatus }): Promise<Paged<Page>> {
    const { page, pageSize, offset } = paging('listing pages', request);
    const status = request?.status;
    return this.#ctx.read(
      async (db) => {
        const base = db
          .selectFrom('pages')
          .$if(status === undefined, (q) => q.where('status', '<>', 'trashed'))
          .$if(status !== undefined, (q) => q.where('status', '=', status!));
        const rows = await base
          .selectAll()
          .orderBy('menu_order')
          .orderBy('title')
          .limit(pageSize)
          .offset(offset)
          .execute();
        const total = await base
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return pageOf(rows.map(toPage), Number(total.n), page, pageSize);
      },
      { entity: 'page' },
    );
  }

  /** Published pages marked for the menu, in menu order. */
  async menu(): Promise<Page[]> {
    const rows = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('pages')
          .selectAll()
          .where('status', '=', 'published')
          .where('in_menu', '=', 1)
          .orderBy('menu_order')
          .orderBy('title')
          .execute(),
      { entity: 'page' },
    );
    return rows.map(toPage);
  }

  /**
   * The slug and last change of every published page, oldest first: what a sitemap lists,
   * without the HTML. `limit`: 1 to 50,000. Default: 50,000
   */
  async publishedSlugs(request: { limit?: number } = {}): Promise<PublishedSlug[]> {
    const limit = limitOf('listing page slugs', request.limit, MAX_SLUGS);
    const rows = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('pages')
          .select(['slug', 'updated_at'])
          .where('status', '=', 'published')
          .orderBy('id')
          .limit(limit)
          .execute(),
      { entity: 'page' },
    );
    return rows.map((row) => ({ slug: row.slug, updatedAt: fromIso(row.updated_at) }));
  }
}

function toPage(row: Selectable<PagesTable>): Page {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    source: row.source,
    html: row.html,
    status: row.status as PostStatus,
    commentStatus: row.comment_status as PostCommentStatus,
    template: row.template,
    inMenu: row.in_menu === 1,
    menuOrder: row.menu_order,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
  };
}

function notFound(key: string) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'page', key });
}
