// The comment types callers see, and the row mapping.
import type { PageRequest } from '../values.js';
import { fromIso } from '../values.js';

/** A comment's moderation state: only `approved` comments are public. */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trashed';
export const COMMENT_STATUSES: readonly CommentStatus[] = [
  'pending',
  'approved',
  'spam',
  'trashed',
];

/** A comment. Exactly one of `postId` and `pageId` is set. */
export interface Comment {
  readonly id: number;
  readonly postId: number | null;
  readonly pageId: number | null;
  /** The comment this one replies to. */
  readonly parentId: number | null;
  /** Set when a signed-in user (the admin) wrote it. */
  readonly userId: number | null;
  readonly authorName: string;
  /** Trimmed and lower-cased. */
  readonly authorEmail: string;
  readonly authorUrl: string | null;
  /** Plain text as written; the caller escapes it. */
  readonly body: string;
  readonly status: CommentStatus;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly createdAt: Date;
}

/** A comment with its replies, oldest first. */
export interface CommentNode extends Comment {
  readonly replies: CommentNode[];
}

/** A comment in the admin list, with what it is on. */
export interface CommentListItem extends Comment {
  /** Title and slug of the post or page it is on. */
  readonly targetTitle: string;
  readonly targetSlug: string;
}

/** What `comments.create()` needs. */
export interface NewComment {
  /** The post commented on (or give `pageId`). */
  readonly postId?: number;
  /** The page commented on (or give `postId`). */
  readonly pageId?: number;
  /** The comment replied to; must be on the same post or page. Default: null */
  readonly parentId?: number | null;
  /** Default: null */
  readonly userId?: number | null;
  readonly authorName: string;
  readonly authorEmail: string;
  /** Default: null */
  readonly authorUrl?: string | null;
  readonly body: string;
  /** Default: 'pending' */
  readonly status?: CommentStatus;
  /** Default: null */
  readonly ip?: string | null;
  /** Default: null */
  readonly userAgent?: string | null;
}

/** Which comments the admin list shows. */
export interface CommentListRequest extends PageRequest {
  /** Default: every status but `trashed` */
  readonly status?: CommentStatus;
  /** Only comments on this post. Default: any */
  readonly postId?: number;
}

/** A comments row as a Comment. */
export function toComment(row: {
  id: number;
  post_id: number | null;
  page_id: number | null;
  parent_id: number | null;
  user_id: number | null;
  author_name: string;
  author_email: string;
  author_url: string | null;
  body: string;
  status: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
}): Comment {
  return {
    id: row.id,
    postId: row.post_id,
    pageId: row.page_id,
    parentId: row.parent_id,
    userId: row.user_id,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    body: row.body,
    status: row.status as CommentStatus,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: fromIso(row.created_at),
  };
}
