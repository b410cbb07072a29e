// Comments on posts and pages: writing, moderation (one or many), nested trees and the admin list.
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { CommentsTable } from '../schema.js';
import { oneOf, type Paged, pageOf, paging, required } from '../values.js';
import {
  COMMENT_STATUSES,
  type Comment,
  type CommentListItem,
  type CommentListRequest,
  type CommentNode,
  type CommentStatus,
  type NewComment,
  toComment,
} from './comment-rows.js';

const WHAT = 'saving the comment';
const REFS = 'post, page, parent comment or user';

export class CommentsRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Adds a comment. Throws PUGO_ERR_FOREIGN_KEY (no such post, page or parent), PUGO_ERR_INVALID_INPUT. */
  async create(input: NewComment): Promise<Comment> {
    const postId = input.postId ?? null;
    const pageId = input.pageId ?? null;
    if ((postId === null) === (pageId === null)) {
      throw storageError('PUGO_ERR_INVALID_INPUT', {
        what: WHAT,
        reason: 'give exactly one of postId and pageId',
      });
    }
    const values = {
      post_id: postId,
      page_id: pageId,
      parent_id: input.parentId ?? null,
      user_id: input.userId ?? null,
      author_name: required(WHAT, 'authorName', input.authorName).trim(),
      author_email: normalizeEmail(input.authorEmail),
      author_url: input.authorUrl ?? null,
      body: required(WHAT, 'body', input.body),
      status: oneOf(WHAT, 'status', input.status ?? 'pending', COMMENT_STATUSES),
      ip: input.ip ?? null,
      user_agent: input.userAgent ?? null,
      created_at: this.#ctx.nowIso(),
    };
    const row = await this.#ctx.write(
      async (db) => {
        if (values.parent_id !== null) {
          const parent = await db
            .selectFrom('comments')
            .select(['post_id', 'page_id'])
            .where('id', '=', values.parent_id)
            .executeTakeFirst();
          if (parent === undefined) {
            throw storageError('PUGO_ERR_FOREIGN_KEY', {
              table: 'comment',
              refs: 'parent comment',
            });
          }
          if (parent.post_id !== postId || parent.page_id !== pageId) {
            throw storageError('PUGO_ERR_INVALID_INPUT', {
              what: WHAT,
              reason: 'a reply must be on the same post or page as the comment it answers',
            });
          }
        }
        return db.insertInto('comments').values(values).returningAll().executeTakeFirstOrThrow();
      },
      { entity: 'comment', refs: REFS },
    );
    return toComment(row);
  }

  /** The comment with `id`, or undefined. */
  async find(id: number): Promise<Comment | undefined> {
    const row = await this.#ctx.read(
      (db) => db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst(),
      { entity: 'comment' },
    );
    return row === undefined ? undefined : toComment(row);
  }

  /** The comment with `id`. Throws PUGO_ERR_NOT_FOUND. */
  async get(id: number): Promise<Comment> {
    const comment = await this.find(id);
    if (comment === undefined) throw notFound(id);
    return comment;
  }

  /** Edits a comment's text or author fields. Throws PUGO_ERR_NOT_FOUND. */
  async update(
    id: number,
    patch: { authorName?: string; authorEmail?: string; authorUrl?: string | null; body?: string },
  ): Promise<Comment> {
    const values: Partial<Record<keyof CommentsTable, unknown>> = {};
    if (patch.authorName !== undefined) {
      values.author_name = required(WHAT, 'authorName', patch.authorName).trim();
    }
    if (patch.authorEmail !== undefined) values.author_email = normalizeEmail(patch.authorEmail);
    if (patch.authorUrl !== undefined) values.author_url = patch.authorUrl;
    if (patch.body !== undefined) values.body = required(WHAT, 'body', patch.body);
    return this.#change(id, values);
  }

  /** Approves, holds, marks as spam or trashes one comment. Throws PUGO_ERR_NOT_FOUND. */
  async setStatus(id: number, status: CommentStatus): Promise<Comment> {
    return this.#change(id, { status: oneOf(WHAT, 'status', status, COMMENT_STATUSES) });
  }

  /** Sets the status of many comments at once (bulk actions); returns how many changed. */
  async setStatusMany(ids: readonly number[], status: CommentStatus): Promise<number> {
    oneOf(WHAT, 'status', status, COMMENT_STATUSES);
    if (ids.length === 0) return 0;
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .updateTable('comments')
          .set({ status })
          .where('id', 'in', [...ids])
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },
      { entity: 'comment' },
    );
  }

  /** Deletes a comment and its replies for good. Throws PUGO_ERR_NOT_FOUND. */
  async delete(id: number): Promise<void> {
    await this.#ctx.write(
      async (db) => {
        const result = await db.deleteFrom('comments').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw notFound(id);
      },
      { entity: 'comment' },
    );
  }

  /**
   * The comments on a post or page as a tree, oldest first at every level. Readers get approved
   * comments only (a reply under a hidden comment is hidden with it); `all: true` gives the admin
   * every comment.
   */
  async tree(
    target: { postId: number } | { pageId: number },
    options: { all?: boolean } = {},
  ): Promise<CommentNode[]> {
    const rows = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('comments')
          .selectAll()
          .$if('postId' in target, (q) =>
            q.where('post_id', '=', (target as { postId: number }).postId),
          )
          .$if('pageId' in target, (q) =>
            q.where('page_id', '=', (target as { pageId: number }).pageId),
          )
          .$if(options.all !== true, (q) => q.where('status', '=', 'approved'))
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      { entity: 'comment' },
    );
    const nodes = new Map<number, CommentNode>(
      rows.map((r) => [r.id, { ...toComment(r), replies: [] }]),
    );
    const roots: CommentNode[] = [];
    for (const node of nodes.values()) {
      if (node.parentId === null) roots.push(node);
      else nodes.get(node.parentId)?.replies.push(node);
    }
    return roots;
  }

  /** The admin list: newest first, with the title of what each comment is on. */
  async list(request?: CommentListRequest): Promise<Paged<CommentListItem>> {
    const { page, pageSize, offset } = paging('listing comments', request);
    const status =
      request?.status === undefined
        ? undefined
        : oneOf('listing comments', 'status', request.status, COMMENT_STATUSES);
    return this.#ctx.read(
      async (db) => {
        const base = db
          .selectFrom('comments')
          .$if(status === undefined, (q) => q.where('comments.status', '<>', 'trashed'))
          .$if(status !== undefined, (q) => q.where('comments.status', '=', status!))
          .$if(request?.postId !== undefined, (q) =>
            q.where('comments.post_id', '=', request!.postId!),
          );
        const rows = await base
          .leftJoin('posts', 'posts.id', 'comments.post_id')
          .leftJoin('pages', 'pages.id', 'comments.page_id')
          .selectAll('comments')
          .select((eb) => [
            eb.fn.coalesce('posts.title', 'pages.title').as('target_title'),
            eb.fn.coalesce('posts.slug', 'pages.slug').as('target_slug'),
          ])
          .orderBy('comments.created_at', 'desc')
          .orderBy('comments.id', 'desc')
          .limit(pageSize)
          .offset(offset)
          .execute();
        const total = await base
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const items = rows.map((r) => ({
          ...toComment(r),
          targetTitle: r.target_title ?? '',
          targetSlug: r.target_slug ?? '',
        }));
        return pageOf(items, Number(total.n), page, pageSize);
      },
      { entity: 'comment' },
    );
  }

  /** Whether `email` already has an approved comment (to auto-approve known authors). */
  async hasApproved(email: string): Promise<boolean> {
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('comments')
          .select('id')
          .where('author_email', '=', String(email).trim().toLowerCase())
          .where('status', '=', 'approved')
          .limit(1)
          .executeTakeFirst(),
      { entity: 'comment' },
    );
    return row !== undefined;
  }

  async #change(
    id: number,
    values: Partial<Record<keyof CommentsTable, unknown>>,
  ): Promise<Comment> {
    const row = await this.#ctx.write(
      async (db) => {
        const query =
          Object.keys(values).length === 0
            ? db.selectFrom('comments').selectAll().where('id', '=', id)
            : db
                .updateTable('comments')
                .set(values as never)
                .where('id', '=', id)
                .returningAll();
        const found = await query.executeTakeFirst();
        if (found === undefined) throw notFound(id);
        return found;
      },
      { entity: 'comment', refs: REFS },
    );
    return toComment(row);
  }
}

function normalizeEmail(email: string): string {
  return required(WHAT, 'authorEmail', email).trim().toLowerCase();
}

function notFound(id: number) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'comment', key: `id ${id}` });
}
