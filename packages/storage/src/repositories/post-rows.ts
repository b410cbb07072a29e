// The post types callers see, and the one query that loads posts with their tags and comment count.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { Context } from '../context.js';
import type { Database } from '../schema.js';
import type { PageRequest } from '../values.js';
import { fromIso } from '../values.js';

/** Where a post stands: only `published` posts whose `publishedAt` has come are public. */
export type PostStatus = 'draft' | 'published' | 'trashed';
export const POST_STATUSES: readonly PostStatus[] = ['draft', 'published', 'trashed'];

/** Whether readers may comment: freely, held for moderation, or not at all. */
export type PostCommentStatus = 'open' | 'moderated' | 'closed';
export const POST_COMMENT_STATUSES: readonly PostCommentStatus[] = ['open', 'moderated', 'closed'];

/** A tag as attached to a post. */
export interface TagRef {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

/** A post with everything a page needs: sources, rendered HTML, tags, approved comment count. */
export interface Post {
  readonly id: number;
  readonly title: string;
  readonly slug: string;
  /** The markdown the author wrote. */
  readonly source: string;
  /** The HTML rendered from `source` by the caller when saving. */
  readonly html: string;
  /** The HTML shown in lists (up to `<!--more-->`), rendered by the caller. */
  readonly excerpt: string;
  readonly status: PostStatus;
  readonly commentStatus: PostCommentStatus;
  readonly authorId: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When it becomes (or became) public; a future date with status `published` means scheduled. */
  readonly publishedAt: Date | null;
  readonly hits: number;
  /** Tags by name. */
  readonly tags: TagRef[];
  /** Approved comments. */
  readonly commentCount: number;
}

/** A post in a list: everything but the markdown source. */
export type PostListItem = Omit<Post, 'source'>;

/** Enough of a post to link to it. */
export interface PostLink {
  readonly id: number;
  readonly title: string;
  readonly slug: string;
  readonly publishedAt: Date | null;
}

/** What `posts.create()` needs. */
export interface NewPost {
  readonly title: string;
  /** Unique among posts; the caller derives it from the title (see `slugify`). */
  readonly slug: string;
  /** Markdown source. */
  readonly source: string;
  /** HTML rendered from `source` by the caller. */
  readonly html: string;
  /** List excerpt HTML. Default: '' */
  readonly excerpt?: string;
  /** Default: 'draft' */
  readonly status?: PostStatus;
  /** Default: 'open' */
  readonly commentStatus?: PostCommentStatus;
  /** Default: now when the status is `published`, else null. A future date schedules the post. */
  readonly publishedAt?: Date | string | null;
  /** Default: null */
  readonly authorId?: number | null;
  /** Tag names; missing tags are created. Default: none */
  readonly tags?: readonly string[];
}

/** Fields to change; tags, when given, replace the post's tags. */
export type PostPatch = Partial<NewPost>;

/** Filters of the admin list. */
export interface PostListRequest extends PageRequest {
  /** `scheduled` = published with a future date. Default: every status but `trashed`. */
  readonly status?: PostStatus | 'scheduled';
}

const LIST_COLUMNS = [
  'posts.id',
  'posts.title',
  'posts.slug',
  'posts.html',
  'posts.excerpt',
  'posts.status',
  'posts.comment_status',
  'posts.author_id',
  'posts.created_at',
  'posts.updated_at',
  'posts.published_at',
  'posts.hits',
] as const;

/** Posts with tags (a JSON array) and approved comment count, in one statement: no N+1. */
export function selectPosts(ctx: Context, db: Kysely<Database>, withSource: boolean) {
  const base = db.selectFrom('posts').select(LIST_COLUMNS);
  const query = (withSource ? base.select('posts.source') : base) as SelectQueryBuilder<
    Database,
    'posts',
    PostRowBase & { source?: string }
  >;
  return query.select((eb: ExpressionBuilder<Database, 'posts'>) => [
    ctx.dialect
      .jsonArrayFrom(
        eb
          .selectFrom('post_tags')
          .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
          .select(['tags.id', 'tags.name', 'tags.slug'])
          .whereRef('post_tags.post_id', '=', 'posts.id')
          .orderBy('tags.name'),
      )
      .as('tags'),
    eb
      .selectFrom('comments')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('comments.post_id', '=', 'posts.id')
      .where('comments.status', '=', 'approved')
      .as('comment_count'),
  ]);
}

interface PostRowBase {
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
  published_at: string | null;
  hits: number;
}

export type PostRow = PostRowBase & {
  source?: string;
  tags: unknown;
  comment_count: number | null;
};

/** A row of {@link selectPosts} as a Post (or a PostListItem when it was read without source). */
export function toPost(row: PostRow): Post {
  const tags = (typeof row.tags === 'string' ? JSON.parse(row.tags) : row.tags) as TagRef[];
  const post = {
    id: row.id,
    title: row.title,
    slug: row.slug,
    html: row.html,
    excerpt: row.excerpt,
    status: row.status as PostStatus,
    commentStatus: row.comment_status as PostCommentStatus,
    authorId: row.author_id,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
    publishedAt: fromIso(row.published_at),
    hits: row.hits,
    tags: tags ?? [],
    commentCount: row.comment_count ?? 0,
  };
  return (row.source === undefined ? post : { ...post, source: row.source }) as Post;
}

/** Restricts a posts query to what readers may see at `now`. */
export function visible<O>(
  query: SelectQueryBuilder<Database, 'posts', O>,
  now: string,
): SelectQueryBuilder<Database, 'posts', O> {
  return query.where('posts.status', '=', 'published').where('posts.published_at', '<=', now);
}
