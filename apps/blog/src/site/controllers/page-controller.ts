// `/:slug`: a published page (About…) with the menu; comments when the page allows them.

import type { Context } from '@pugo/router';
import type { Page } from '@pugo/storage';
import { isValidSlug } from '../../content/index.js';
import type { CommentFields } from '../comment-input.js';
import { type CommentTarget, loadThread, submitComment } from '../comment-thread.js';
import { notFound } from '../http-errors.js';
import type { Site } from '../site.js';
import type { SiteSnapshot } from '../site-state.js';

/** The page controller, bound to the site. */
export function pageController(site: Site) {
  async function find(ctx: Context): Promise<Page> {
    const slug = ctx.params.slug ?? '';
    if (!isValidSlug(slug)) throw notFound();
    const page = await site.storage.pages.findPublishedBySlug(slug);
    if (!page) throw notFound();
    return page;
  }

  function target(page: Page): CommentTarget {
    return {
      kind: 'page',
      id: page.id,
      title: page.title,
      commentStatus: page.commentStatus,
      publishedAt: page.createdAt,
      path: `/${encodeURIComponent(page.slug)}`,
    };
  }

  async function render(
    ctx: Context,
    page: Page,
    snapshot: SiteSnapshot,
    form: { values?: CommentFields; errors?: string[] } = {},
  ): Promise<string> {
    // Closed pages with no comments show no thread at all (an About page needs no form).
    const thread = await loadThread(site, target(page), snapshot.settings, {
      reply: ctx.query.reply,
      notice: ctx.query.comment,
      ...form,
    });
    const showThread = page.commentStatus !== 'closed' || thread.commentTotal > 0;
    return site.render(
      'page',
      snapshot,
      {
        title: page.title,
        path: `/${encodeURIComponent(page.slug)}`,
        canonical: site.absolute(snapshot, target(page).path),
      },
      { page, ...(showThread ? thread : { comments: null }) },
    );
  }

  return class PageController {
    async get(ctx: Context) {
      const page = await find(ctx);
      return render(ctx, page, await site.state.get());
    }

    async comment(ctx: Context) {
      const page = await find(ctx);
      const snapshot = await site.state.get();
      const outcome = await submitComment(site, ctx, target(page), snapshot.settings);
      if (outcome.kind === 'redirect') return ctx.redirect(outcome.location, 303);
      return { status: 422, body: await render(ctx, page, snapshot, outcome) };
    }
  };
}
