// The activity feed: what happened, to what, by whom and when (Pugo's admin messages).
import type { SelectQueryBuilder } from 'kysely';
import type { Context } from '../context.js';
import type { Database } from '../schema.js';
import {
  fromIso,
  type Paged,
  type PageRequest,
  pageOf,
  paging,
  required,
  toIso,
} from '../values.js';

/** One entry of the feed. */
export interface Activity {
  readonly id: number;
  /** What happened, e.g. `post.created`, `comment.approved`, `media.uploaded`, `backup.made`. */
  readonly action: string;
  /** The kind of thing it happened to, e.g. `post`. */
  readonly subjectType: string;
  readonly subjectId: number | null;
  /** Who did it; null for readers and the system. */
  readonly actorId: number | null;
  /** The actor's name at read time, when there is one. */
  readonly actorName: string | null;
  /** A short human line, e.g. the post title. */
  readonly summary: string;
  readonly createdAt: Date;
}

/** What {@link ActivityRepository.record} needs. */
export interface NewActivity {
  readonly action: string;
  readonly subjectType: string;
  /** Default: null */
  readonly subjectId?: number | null;
  /** Default: null */
  readonly actorId?: number | null;
  /** Default: '' */
  readonly summary?: string;
  /** Default: now */
  readonly at?: Date;
}

const WHAT = 'recording the activity';

type ActivityQuery = SelectQueryBuilder<Database, 'activity', object>;

export class ActivityRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Adds an entry. Throws PUGO_ERR_FOREIGN_KEY when `actorId` is no user. */
  async record(input: NewActivity): Promise<Activity> {
    const id = await this.#ctx.write(
      async (db) => {
        const row = await db
          .insertInto('activity')
          .values({
            action: required(WHAT, 'action', input.action),
            subject_type: required(WHAT, 'subjectType', input.subjectType),
            subject_id: input.subjectId ?? null,
            actor_id: input.actorId ?? null,
            summary: input.summary ?? '',
            created_at: input.at === undefined ? this.#ctx.nowIso() : toIso(WHAT, 'at', input.at),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      },
      { entity: 'activity', refs: 'user (actorId)' },
    );
    const page = await this.#list((q) => q.where('activity.id', '=', id), { pageSize: 1 });
    return page.items[0]!;
  }

  /** The feed, newest first; `subjectType` narrows it (e.g. `comment`). */
  async list(request?: PageRequest & { subjectType?: string }): Promise<Paged<Activity>> {
    const type = request?.subjectType;
    return this.#list(
      (q) => (type === undefined ? q : q.where('activity.subject_type', '=', type)),
      request,
    );
  }

  /** Deletes entries older than `before`; returns how many. */
  async purgeOlderThan(before: Date): Promise<number> {
    const at = toIso(WHAT, 'before', before);
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .deleteFrom('activity')
          .where('created_at', '<', at)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      },
      { entity: 'activity' },
    );
  }

  async #list(
    filter: (q: ActivityQuery) => ActivityQuery,
    request: PageRequest | undefined,
  ): Promise<Paged<Activity>> {
    const { page, pageSize, offset } = paging('listing activity', request);
    return this.#ctx.read(
      async (db) => {
        const base = filter(db.selectFrom('activity'));
        const rows = await base
          .leftJoin('users', 'users.id', 'activity.actor_id')
          .selectAll('activity')
          .select('users.name as actor_name')
          .orderBy('activity.created_at', 'desc')
          .orderBy('activity.id', 'desc')
          .limit(pageSize)
          .offset(offset)
          .execute();
        const total = await base
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const items = rows.map((r) => ({
          id: r.id,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          actorId: r.actor_id,
          actorName: r.actor_name,
          summary: r.summary,
          createdAt: fromIso(r.created_at),
        }));
        return pageOf(items, Number(total.n), page, pageSize);
      },
      { entity: 'activity' },
    );
  }
}
