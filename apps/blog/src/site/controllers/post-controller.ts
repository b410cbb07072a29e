// `/posts/:slug`: the post with tags, neighbours, reading time and comments; POST adds a comment.

import type { Context } from '@pugo/router';
import type { Post } from '@pugo/storage';
import { htmlToText, isValidSlug, readingMinutes } from '../../content/index.js';
import type { CommentFields } from '../comment-input.js';
import { type CommentTarget, loadThread, submitComment } from '../comment-thread.js';
import { notFound } from '../http-errors.js';
import type { Site } from '../site.js';
import type { SiteSnapshot } from '../site-state.js';

/** The post controller, bound to the site. */
export function postController(site: Site) {
  async function find(ctx: Context): Promise<Post> {
    const slug = ctx.params.slug ?? '';
    if (!isValidSlug(slug)) throw notFound('There is no such post.');
    const post = await site.storage.posts.findPublishedBySlug(slug, site.now());
    if (!post) throw notFound('There is no such post.');
    return post;
  }

  function target(post: Post): CommentTarget {
    return {
      kind: 'post',
      id: post.id,
      title: post.title,
      commentStatus: post.commentStatus,
      publishedAt: post.publishedAt,
      path: `/posts/${encodeURIComponent(post.slug)}`,
    };
  }

  async function render(
    ctx: Context,
    post: Post,
    snapshot: SiteSnapshot,
    form: { values?: CommentFields; errors?: string[] } = {},
  ): Promise<string> {
    const [adjacent, thread] = await Promise.all([
      site.storage.posts.adjacent(post.id, site.now()),
      loadThread(site, target(post), snapshot.settings, {
        reply: ctx.query.reply,
        notice: ctx.query.comment,
        ...form,
      }),
    ]);
    const excerptText = htmlToText(post.excerpt);
    return site.render(
      'post',
      snapshot,
      {
        title: post.title,
        description: excerptText.slice(0, 300) || undefined,
        path: ctx.request.url,
        canonical: site.absolute(snapshot, target(post).path),
      },
      {
        post,
        readingMinutes: readingMinutes(post.source),
        previous: adjacent.previous,
        next: adjacent.next,
        ...thread,
      },
    );
  }

  return class PostController {
    async get(ctx: Context) {
      const post = await find(ctx);
      // Counted, not shown: a visible counter would change every response and defeat the ETag.
      if (ctx.request.method === 'GET') {
        site.storage.posts.incrementHits(post.id).catch((error: unknown) => {
          ctx.request.log.warn({ err: error }, 'hit counter not updated');
        });
      }
      return render(ctx, post, await site.state.get());
    }

    async comment(ctx: Context) {
      const post = await find(ctx);
      const snapshot = await site.state.get();
      const outcome = await submitComment(site, ctx, target(post), snapshot.settings);
      if (outcome.kind === 'redirect') return ctx.redirect(outcome.location, 303);
      const html = await render(ctx, post, snapshot, outcome);
      return { status: 422, body: html };
    }
  };
}
