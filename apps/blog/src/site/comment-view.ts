// Comment trees as templates draw them: text rendered to safe HTML, avatars, safe author links.
import type { CommentNode } from '@pugo/storage';
import {
  type Avatar,
  type AvatarMode,
  avatarFor,
  commentToHtml,
  safeAuthorUrl,
} from '../content/index.js';

/** A comment ready for the template (never the email or IP). */
export interface CommentView {
  readonly id: number;
  readonly authorName: string;
  readonly authorUrl: string | null;
  readonly createdAt: Date;
  readonly bodyHtml: string;
  readonly avatar: Avatar;
  readonly replies: CommentView[];
}

/** The tree as views, and how many comments it holds. */
export function commentViews(
  nodes: readonly CommentNode[],
  avatars: AvatarMode,
): { comments: CommentView[]; total: number } {
  let total = 0;
  const view = (node: CommentNode): CommentView => {
    total++;
    return {
      id: node.id,
      authorName: node.authorName,
      authorUrl: safeAuthorUrl(node.authorUrl),
      createdAt: node.createdAt,
      bodyHtml: commentToHtml(node.body),
      avatar: avatarFor(node.authorEmail, node.authorName, avatars),
      replies: node.replies.map(view),
    };
  };
  const comments = nodes.map(view);
  return { comments, total };
}

/** Finds a comment in the tree by id. */
export function findComment(nodes: readonly CommentView[], id: number): CommentView | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findComment(node.replies, id);
    if (found) return found;
  }
  return undefined;
}

/** Depth of comment `id` in the tree (1 for top level), 0 when absent. */
export function depthOf(nodes: readonly CommentView[], id: number, depth = 1): number {
  for (const node of nodes) {
    if (node.id === id) return depth;
    const found = depthOf(node.replies, id, depth + 1);
    if (found > 0) return found;
  }
  return 0;
}
