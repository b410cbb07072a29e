// What callers give posts.create() and update(), checked and turned into rows of the posts table.
import type { Insertable, Updateable } from 'kysely';
import type { PostsTable } from '../schema.js';
import { oneOf, required, toIso, validSlug } from '../values.js';
import { type NewPost, POST_COMMENT_STATUSES, POST_STATUSES, type PostPatch } from './post-rows.js';

const WHAT = 'saving the post';

/** The row of a new post at `now`. Throws PUGO_ERR_INVALID_INPUT. */
export function newPostRow(input: NewPost, now: string): Insertable<PostsTable> {
  const status = oneOf(WHAT, 'status', input.status ?? 'draft', POST_STATUSES);
  const publishedAt =
    input.publishedAt === undefined
      ? status === 'published'
        ? now
        : null
      : input.publishedAt === null
        ? null
        : toIso(WHAT, 'publishedAt', input.publishedAt);
  return {
    title: required(WHAT, 'title', input.title),
    slug: validSlug(WHAT, input.slug),
    source: input.source,
    html: input.html,
    excerpt: input.excerpt ?? '',
    status,
    comment_status: oneOf(
      WHAT,
      'commentStatus',
      input.commentStatus ?? 'open',
      POST_COMMENT_STATUSES,
    ),
    author_id: input.authorId ?? null,
    created_at: now,
    updated_at: now,
    published_at: publishedAt,
  };
}

/** The columns `patch` changes, with `updated_at` set to `now`. Throws PUGO_ERR_INVALID_INPUT. */
export function postPatchRow(
  patch: PostPatch,
  now: string,
): Updateable<PostsTable> & { updated_at: string } {
  const values: Updateable<PostsTable> & { updated_at: string } = {
    ...publishableColumns(WHAT, patch),
    updated_at: now,
  };
  if (patch.excerpt !== undefined) values.excerpt = patch.excerpt;
  if (patch.authorId !== undefined) values.author_id = patch.authorId;
  if (patch.publishedAt !== undefined) {
    values.published_at =
      patch.publishedAt === null ? null : toIso(WHAT, 'publishedAt', patch.publishedAt);
  }
  return values;
}

/** What a patch of a post or a page changes of the columns both have: title, slug, text, status. */
export function publishableColumns(
  what: string,
  patch: Pick<PostPatch, 'title' | 'slug' | 'source' | 'html' | 'status' | 'commentStatus'>,
): Pick<
  Updateable<PostsTable>,
  'title' | 'slug' | 'source' | 'html' | 'status' | 'comment_status'
> {
  const values: Pick<
    Updateable<PostsTable>,
    'title' | 'slug' | 'source' | 'html' | 'status' | 'comment_status'
  > = {};
  if (patch.title !== undefined) values.title = required(what, 'title', patch.title);
  if (patch.slug !== undefined) values.slug = validSlug(what, patch.slug);
  if (patch.source !== undefined) values.source = patch.source;
  if (patch.html !== undefined) values.html = patch.html;
  if (patch.status !== undefined)
    values.status = oneOf(what, 'status', patch.status, POST_STATUSES);
  if (patch.commentStatus !== undefined) {
    values.comment_status = oneOf(
      what,
      'commentStatus',
      patch.commentStatus,
      POST_COMMENT_STATUSES,
    );
  }
  return values;
}
