// /admin/pages: list by status, editor (template, menu placement and order), trash and restore.
import {
  isStorageError,
  type Page,
  type PostCommentStatus,
  type PostStatus,
  slugify,
} from '@pugo/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { markdownToHtml } from '../../content/index.js';
import { type AdminContext, page, record } from '../admin-context.js';
import { formOf, positiveInt } from '../form-values.js';

const STATUSES: readonly PostStatus[] = ['draft', 'published', 'trashed'];
const COMMENT_STATUSES: readonly PostCommentStatus[] = ['open', 'moderated', 'closed'];
/** Templates a page may use: the theme renders pages with `page`. */
const TEMPLATES = ['page'] as const;

type Draft = Omit<Page, 'id' | 'html' | 'createdAt' | 'updatedAt'> & { id?: number };

export function pageRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: { status?: string; page?: string } }>('/pages', async (request, reply) => {
    const status = STATUSES.find((s) => s === request.query.status);
    const pageNo = positiveInt(request.query.page, 1);
    const list = await ctx.storage.pages.list({
      page: pageNo,
      pageSize: 30,
      ...(status ? { status } : {}),
    });
    return page(ctx, request, reply, 'pages', {
      title: 'Pages',
      section: 'pages',
      pages: list.items,
      status: status ?? '',
      statuses: STATUSES,
      page: pageNo,
      pageCount: list.pageCount,
    });
  });

  app.get('/pages/new', async (request, reply) =>
    editor(ctx, request, reply, {
      title: '',
      slug: '',
      source: '',
      status: 'published',
      commentStatus: 'closed',
      template: 'page',
      inMenu: false,
      menuOrder: 0,
    }),
  );

  app.get<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    const found = await ctx.storage.pages.find(positiveInt(request.params.id, 0));
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('No such page.');
    return editor(ctx, request, reply, found);
  });

  app.post('/pages', async (request, reply) => save(ctx, request, reply, undefined));
  app.post<{ Params: { id: string } }>('/pages/:id', async (request, reply) =>
    save(ctx, request, reply, positiveInt(request.params.id, 0)),
  );

  for (const [action, status] of [
    ['trash', 'trashed'],
    ['restore', 'draft'],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/pages/:id/${action}`, async (request, reply) => {
      const id = positiveInt(request.params.id, 0);
      if (!(await ctx.storage.pages.find(id))) return reply.code(404).send('No such page.');
      const updated = await ctx.storage.pages.update(id, { status });
      ctx.site.state.invalidate();
      await record(
        ctx,
        request,
        `page.${status === 'trashed' ? 'trashed' : 'restored'}`,
        'page',
        id,
        updated.title,
      );
      return reply.redirect(
        `/admin/pages?notice=${encodeURIComponent(`${status === 'trashed' ? 'Trashed' : 'Restored'}: ${updated.title}`)}`,
        303,
      );
    });
  }
}

async function save(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number | undefined,
) {
  const form = formOf(request);
  const order = form.text('menuOrder').trim();
  const draft: Draft = {
    ...(id ? { id } : {}),
    title: form.text('title').trim(),
    slug: form.text('slug').trim(),
    source: form.text('source'),
    status: STATUSES.find((s) => s === form.text('status')) ?? 'draft',
    commentStatus: COMMENT_STATUSES.find((s) => s === form.text('commentStatus')) ?? 'closed',
    template: TEMPLATES.find((t) => t === form.text('template')) ?? 'page',
    inMenu: form.text('inMenu') === 'on',
    menuOrder: /^-?\d{1,6}$/.test(order) ? Number(order) : 0,
  };
  const problems: string[] = [];
  if (draft.title === '' || draft.title.length > 300)
    problems.push('A title of 1 to 300 characters is required.');
  const slug = draft.slug === '' ? slugify(draft.title) : draft.slug;
  if (slug === '' || slug !== slugify(slug))
    problems.push('The slug may hold lower-case letters, digits and dashes only.');
  if (id && !(await ctx.storage.pages.find(id))) return reply.code(404).send('No such page.');
  if (problems.length) return editor(ctx, request, reply, draft, problems, 422);
  const { id: _omit, ...fields } = draft;
  const input = { ...fields, slug, html: markdownToHtml(draft.source) };
  try {
    const saved = id
      ? await ctx.storage.pages.update(id, input)
      : await ctx.storage.pages.create(input);
    ctx.site.state.invalidate(); // the menu lists pages
    await record(ctx, request, id ? 'page.updated' : 'page.created', 'page', saved.id, saved.title);
    return reply.redirect(`/admin/pages/${saved.id}?notice=Saved`, 303);
  } catch (error) {
    if (isStorageError(error, 'PUGO_ERR_SLUG_TAKEN')) {
      return editor(
        ctx,
        request,
        reply,
        { ...draft, slug },
        ['That slug is already used by another page.'],
        409,
      );
    }
    if (isStorageError(error, 'PUGO_ERR_INVALID_INPUT'))
      return editor(ctx, request, reply, draft, [(error as Error).message], 422);
    throw error;
  }
}

function editor(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  draft: Draft,
  problems: string[] = [],
  status = 200,
) {
  return page(
    ctx,
    request,
    reply,
    'page-edit',
    {
      title: draft.id ? `Edit page “${draft.title}”` : 'New page',
      section: 'pages',
      item: draft,
      problems,
      preview: markdownToHtml(draft.source),
      statuses: STATUSES,
      commentStatuses: COMMENT_STATUSES,
      templates: TEMPLATES,
    },
    status,
  );
}
