// The admin dashboard's counts, in one statement.
import { sql } from 'kysely';
import type { Context } from '../context.js';

/** What the dashboard shows. */
export interface DashboardCounts {
  readonly posts: {
    /** Public now. */
    readonly published: number;
    /** Published with a future date. */
    readonly scheduled: number;
    readonly drafts: number;
    readonly trashed: number;
  };
  /** Pages that are not trashed. */
  readonly pages: number;
  readonly comments: {
    /** Waiting for moderation. */
    readonly pending: number;
    readonly approved: number;
    readonly spam: number;
    readonly trashed: number;
  };
  readonly users: number;
  readonly media: number;
  readonly tags: number;
}

export class DashboardRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Every count of the dashboard at `now` (default: the storage clock). */
  async counts(now: Date = this.#ctx.now()): Promise<DashboardCounts> {
    const at = now.toISOString();
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectNoFrom((eb) => {
            const posts = (where: ReturnType<typeof sql<boolean>>) =>
              eb.selectFrom('posts').select(eb.fn.countAll<number>().as('n')).where(where);
            const comments = (status: string) =>
              eb
                .selectFrom('comments')
                .select(eb.fn.countAll<number>().as('n'))
                .where('status', '=', status);
            const all = (table: 'users' | 'media' | 'tags') =>
              eb.selectFrom(table).select(eb.fn.countAll<number>().as('n'));
            return [
              posts(sql`status = 'published' and published_at <= ${at}`).as('published'),
              posts(sql`status = 'published' and published_at > ${at}`).as('scheduled'),
              posts(sql`status = 'draft'`).as('drafts'),
              posts(sql`status = 'trashed'`).as('posts_trashed'),
              eb
                .selectFrom('pages')
                .select(eb.fn.countAll<number>().as('n'))
                .where('status', '<>', 'trashed')
                .as('pages'),
              comments('pending').as('pending'),
              comments('approved').as('approved'),
              comments('spam').as('spam'),
              comments('trashed').as('comments_trashed'),
              all('users').as('users'),
              all('media').as('media'),
              all('tags').as('tags'),
            ];
          })
          .executeTakeFirstOrThrow(),
      { entity: 'dashboard' },
    );
    const n = (v: unknown) => Number(v ?? 0);
    return {
      posts: {
        published: n(row.published),
        scheduled: n(row.scheduled),
        drafts: n(row.drafts),
        trashed: n(row.posts_trashed),
      },
      pages: n(row.pages),
      comments: {
        pending: n(row.pending),
        approved: n(row.approved),
        spam: n(row.spam),
        trashed: n(row.comments_trashed),
      },
      users: n(row.users),
      media: n(row.media),
      tags: n(row.tags),
    };
  }
}
