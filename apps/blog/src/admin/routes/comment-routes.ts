// /admin/comments: lists by status; approve, spam, trash, back to pending; bulk; reply as the admin.
import type { CommentStatus } from '@pugo/storage';
import type { FastifyInstance } from 'fastify';
import { type AdminContext, page, record, sessionOf } from '../admin-context.js';
import { formOf, positiveInt } from '../form-values.js';

const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trashed'];
const ACTIONS: Record<string, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trashed',
  unapprove: 'pending',
};

export function commentRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: { status?: string; page?: string } }>(
    '/comments',
    async (request, reply) => {
      const status = STATUSES.find((s) => s === request.query.status) ?? 'pending';
      const pageNo = positiveInt(request.query.page, 1);
      const list = await ctx.storage.comments.list({ status, page: pageNo, pageSize: 30 });
      return page(ctx, request, reply, 'comments', {
        title: 'Comments',
        section: 'comments',
        comments: list.items,
        status,
        statuses: STATUSES,
        page: pageNo,
        pageCount: list.pageCount,
      });
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    '/comments/:id/:action',
    async (request, reply) => {
      const id = positiveInt(request.params.id, 0);
      const comment = await ctx.storage.comments.find(id);
      if (!comment)
        return reply.code(404).type('text/plain; charset=utf-8').send('No such comment.');
      const back = `/admin/comments?status=${comment.status}`;
      if (request.params.action === 'reply') {
        const body = formOf(request).text('body').trim();
        if (body.length < 1 || body.length > 100_000) {
          return reply.redirect(
            `${back}&notice=${encodeURIComponent('A reply needs some text.')}`,
            303,
          );
        }
        const user = sessionOf(request).user;
        const created = await ctx.storage.comments.create({
          ...(comment.postId !== null
            ? { postId: comment.postId }
            : { pageId: comment.pageId ?? 0 }),
          parentId: comment.id,
          userId: user.id,
          authorName: user.name,
          authorEmail: user.email,
          body,
          status: 'approved',
        });
        // Replying to a held comment is approving it: the reply would be hidden under it otherwise.
        if (comment.status === 'pending')
          await ctx.storage.comments.setStatus(comment.id, 'approved');
        await record(
          ctx,
          request,
          'comment.replied',
          'comment',
          created.id,
          `Reply to ${comment.authorName}`,
        );
        return reply.redirect(`${back}&notice=Replied`, 303);
      }
      const status = ACTIONS[request.params.action];
      if (!status) return reply.code(404).type('text/plain; charset=utf-8').send('No such action.');
      await ctx.storage.comments.setStatus(id, status);
      await record(
        ctx,
        request,
        `comment.${status}`,
        'comment',
        id,
        `${comment.authorName}: ${comment.body.slice(0, 60)}`,
      );
      return reply.redirect(`${back}&notice=${encodeURIComponent(`Comment ${status}`)}`, 303);
    },
  );

  app.post('/comments/bulk', async (request, reply) => {
    const form = formOf(request);
    const status = ACTIONS[form.text('action')];
    const ids = form
      .all('ids')
      .map((v) => positiveInt(v, 0))
      .filter((n) => n > 0)
      .slice(0, 500);
    const from = STATUSES.find((s) => s === form.text('from')) ?? 'pending';
    if (!status || ids.length === 0) {
      return reply.redirect(
        `/admin/comments?status=${from}&notice=${encodeURIComponent('Pick comments and an action.')}`,
        303,
      );
    }
    const changed = await ctx.storage.comments.setStatusMany(ids, status);
    await record(
      ctx,
      request,
      `comment.${status}`,
      'comment',
      null,
      `${changed} comments ${status}`,
    );
    return reply.redirect(
      `/admin/comments?status=${from}&notice=${encodeURIComponent(`${changed} comments ${status}`)}`,
      303,
    );
  });
}
