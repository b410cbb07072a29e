// A post's or page's comments: the tree and form for the page, and taking a new comment in.

import type { Context } from '@pugo/router';
import type { CommentStatus, Settings } from '@pugo/storage';
import {
  type CommentFields,
  commentFields,
  FIELD_LIMITS,
  validateComment,
} from './comment-input.js';
import { type CommentView, commentViews, depthOf, findComment } from './comment-view.js';
import { HttpError, notFound } from './http-errors.js';
import type { Site } from './site.js';

/** Deepest reply level offered (a reply to a level-5 comment is not offered). */
export const MAX_COMMENT_DEPTH = 5;
/** The honeypot field: hidden from people, filled by bots. */
export const HONEYPOT_FIELD = 'website';

/** What is commented on. */
export interface CommentTarget {
  readonly kind: 'post' | 'page';
  readonly id: number;
  readonly title: string;
  readonly commentStatus: 'open' | 'moderated' | 'closed';
  /** Publication date, for "close after N days". */
  readonly publishedAt: Date | null;
  /** The page's path, e.g. `/posts/hello-world`. */
  readonly path: string;
}

/** What the comments partial draws. */
export interface ThreadData {
  readonly comments: CommentView[];
  readonly commentTotal: number;
  readonly notice: { kind: 'success' | 'info'; text: string } | null;
  readonly form: object;
}

/** Whether comments are accepted now (closed by status or by age). */
export function commentsOpen(target: CommentTarget, settings: Settings, now: Date): boolean {
  if (target.commentStatus === 'closed') return false;
  const days = settings.commentsCloseAfterDays;
  if (days > 0 && target.publishedAt !== null) {
    return now.getTime() - target.publishedAt.getTime() <= days * 86_400_000;
  }
  return true;
}

/** Loads the thread and builds the form (with posted values and errors after a failed post). */
export async function loadThread(
  site: Site,
  target: CommentTarget,
  settings: Settings,
  options: { reply?: unknown; notice?: unknown; values?: CommentFields; errors?: string[] } = {},
): Promise<ThreadData> {
  const nodes = await site.storage.comments.tree(
    target.kind === 'post' ? { postId: target.id } : { pageId: target.id },
  );
  const { comments, total } = commentViews(nodes, site.avatars);
  const open = commentsOpen(target, settings, site.now());
  const replyId =
    typeof options.reply === 'string' && /^\d{1,10}$/.test(options.reply)
      ? Number(options.reply)
      : 0;
  const replyTo =
    replyId > 0 && depthOf(comments, replyId) < MAX_COMMENT_DEPTH
      ? findComment(comments, replyId)
      : undefined;
  const values = options.values ?? { name: '', email: '', url: '', body: '', parent: '' };
  let notice: ThreadData['notice'] = null;
  if (options.notice === 'pending') {
    notice = { kind: 'info', text: 'Thank you! Your comment is awaiting moderation.' };
  } else if (typeof options.notice === 'string' && findComment(comments, Number(options.notice))) {
    notice = { kind: 'success', text: 'Thank you! Your comment is published.' };
  }
  return {
    comments,
    commentTotal: total,
    notice,
    form: {
      open,
      moderated: settings.commentsModerateAll || target.commentStatus === 'moderated',
      action: `${target.path}/comments`,
      replyTo: replyTo ? { id: replyTo.id, authorName: replyTo.authorName } : null,
      values,
      errors: options.errors ?? [],
      limits: { ...FIELD_LIMITS, body: settings.commentMaxLength },
      honeypot: HONEYPOT_FIELD,
      maxDepth: MAX_COMMENT_DEPTH,
    },
  };
}

/** The outcome of a post: a redirect, or the page again with errors (422). */
export type SubmitOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'invalid'; values: CommentFields; errors: string[] };

/**
 * Takes a comment: honeypot (silently dropped), per-IP limit (429), validation (422), parent check,
 * status per settings (auto-approved when the email already has an approved comment and the
 * setting allows), then the activity feed. Throws HttpError for closed threads and rate limits.
 */
export async function submitComment(
  site: Site,
  ctx: Context,
  target: CommentTarget,
  settings: Settings,
): Promise<SubmitOutcome> {
  if (!commentsOpen(target, settings, site.now())) {
    throw new HttpError(403, 'Comments are closed here.');
  }
  const body = ctx.body as Record<string, unknown> | undefined;
  const trap = body?.[HONEYPOT_FIELD];
  if (typeof trap === 'string' && trap !== '') {
    ctx.request.log.info({ ip: ctx.request.ip }, 'comment honeypot filled; dropped');
    return { kind: 'redirect', location: `${target.path}?comment=pending#comment-notice` };
  }
  const wait = site.limiter.take(ctx.request.ip);
  if (wait > 0) {
    throw new HttpError(
      429,
      `You are commenting too fast; please wait ${wait} seconds and try again.`,
      {
        'retry-after': String(wait),
      },
    );
  }
  const fields = commentFields(body);
  const checked = validateComment(fields, {
    ...FIELD_LIMITS,
    bodyMin: settings.commentMinLength,
    body: settings.commentMaxLength,
  });
  if (!checked.ok) return { kind: 'invalid', values: fields, errors: checked.errors };
  const input = checked.value;
  if (input.parentId !== null) {
    const parent = await site.storage.comments.find(input.parentId);
    const onTarget =
      target.kind === 'post' ? parent?.postId === target.id : parent?.pageId === target.id;
    if (!parent || !onTarget || parent.status !== 'approved') {
      return {
        kind: 'invalid',
        values: fields,
        errors: ['The comment you reply to does not exist.'],
      };
    }
  }
  const moderated = settings.commentsModerateAll || target.commentStatus === 'moderated';
  let status: CommentStatus = 'approved';
  if (moderated) {
    const known =
      settings.commentsAutoApproveKnown &&
      (await site.storage.comments.hasApproved(input.authorEmail));
    status = known ? 'approved' : 'pending';
  }
  const comment = await site.storage.comments.create({
    ...(target.kind === 'post' ? { postId: target.id } : { pageId: target.id }),
    ...input,
    status,
    ip: ctx.request.ip,
    userAgent: String(ctx.request.headers['user-agent'] ?? '').slice(0, 300) || null,
  });
  await site.storage.activity.record({
    action: 'comment.posted',
    subjectType: 'comment',
    subjectId: comment.id,
    summary: `${input.authorName} on “${target.title}” (${status})`,
  });
  return {
    kind: 'redirect',
    location:
      status === 'approved'
        ? `${target.path}?comment=${comment.id}#comment-${comment.id}`
        : `${target.path}?comment=pending#comment-notice`,
  };
}

/** 404 unless the thread exists; used by POST routes before anything else. */
export function requireTarget<T>(value: T | undefined): T {
  if (value === undefined) throw notFound();
  return value;
}
