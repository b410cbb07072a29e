// /admin/posts: list (status filter, search, paging), editor, save, trash and restore; preview API.
import {
  isStorageError,
  type Post,
  type PostCommentStatus,
  type PostStatus,
  slugify,
} from '@pugo/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { markdownToHtml, renderContent } from '../../content/index.js';
import { type AdminContext, page, record, sessionOf } from '../admin-context.js';
import { formOf, positiveInt } from '../form-values.js';

const STATUSES = ['draft', 'published', 'scheduled', 'trashed'] as const;
const COMMENT_STATUSES: readonly PostCommentStatus[] = ['open', 'moderated', 'closed'];
type ListQuery = { status?: string; q?: string; page?: string };

/** What the editor shows: a post being written, possibly with problems. */
interface Draft {
  id?: number;
  title: string;
  slug: string;
  source: string;
  tags: string;
  status: (typeof STATUSES)[number];
  publishedAt: string;
  commentStatus: PostCommentStatus;
}

export function postRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: ListQuery }>('/posts', async (request, reply) => {
    const status = STATUSES.find((s) => s === request.query.status);
    const q = (request.query.q ?? '').trim().slice(0, 200);
    const pageNo = positiveInt(request.query.page, 1);
    let items: {
      id: number;
      title: string;
      slug: string;
      status: PostStatus;
      publishedAt: Date | null;
      updatedAt: Date;
      tags: { name: string }[];
    }[];
    let pageCount: number;
    if (q) {
      const hits = await ctx.storage.posts.search(q, {
        page: pageNo,
        pageSize: 20,
        includeUnpublished: true,
      });
      items = hits.items
        .map((h) => h.post)
        .filter((p) => !status || statusOf(p, ctx.now()) === status);
      pageCount = hits.pageCount;
    } else {
      const list = await ctx.storage.posts.list({
        page: pageNo,
        pageSize: 20,
        ...(status ? { status } : {}),
      });
      items = list.items;
      pageCount = list.pageCount;
    }
    const now = ctx.now();
    return page(ctx, request, reply, 'posts', {
      title: 'Posts',
      section: 'posts',
      posts: items.map((p) => ({ ...p, shownStatus: statusOf(p, now) })),
      status: status ?? '',
      q,
      page: pageNo,
      pageCount,
      statuses: STATUSES,
    });
  });

  app.get('/posts/new', async (request, reply) =>
    editor(ctx, request, reply, {
      title: '',
      slug: '',
      source: '',
      tags: '',
      status: 'draft',
      publishedAt: '',
      commentStatus: 'open',
    }),
  );

  app.get<{ Params: { id: string } }>('/posts/:id', async (request, reply) => {
    const post = await ctx.storage.posts.find(positiveInt(request.params.id, 0));
    if (!post) return reply.code(404).type('text/plain; charset=utf-8').send('No such post.');
    return editor(ctx, request, reply, draftOf(post, ctx.now()));
  });

  app.post('/posts', async (request, reply) => save(ctx, request, reply, undefined));
  app.post<{ Params: { id: string } }>('/posts/:id', async (request, reply) =>
    save(ctx, request, reply, positiveInt(request.params.id, 0)),
  );

  for (const action of ['trash', 'restore'] as const) {
    app.post<{ Params: { id: string } }>(`/posts/:id/${action}`, async (request, reply) => {
      const id = positiveInt(request.params.id, 0);
      if (!(await ctx.storage.posts.find(id))) return reply.code(404).send('No such post.');
      const post =
        action === 'trash'
          ? await ctx.storage.posts.trash(id)
          : await ctx.storage.posts.restore(id);
      await record(
        ctx,
        request,
        `post.${action === 'trash' ? 'trashed' : 'restored'}`,
        'post',
        id,
        post.title,
      );
      return reply.redirect(
        `/admin/posts?notice=${encodeURIComponent(`${action === 'trash' ? 'Trashed' : 'Restored'}: ${post.title}`)}`,
        303,
      );
    });
  }

  // The editor's live preview: the same pipeline as saving, so what you see is what readers get.
  app.post<{ Body: { source?: unknown } }>('/api/preview', async (request, reply) => {
    const source = typeof request.body?.source === 'string' ? request.body.source : '';
    if (source.length > 1_000_000) return reply.code(413).send({ error: 'too large' });
    const { html, excerpt } = renderContent(source);
    return reply.header('cache-control', 'no-store').send({ html, excerpt });
  });
}

async function save(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number | undefined,
) {
  const form = formOf(request);
  const draft: Draft = {
    ...(id ? { id } : {}),
    title: form.text('title').trim(),
    slug: form.text('slug').trim(),
    source: form.text('source'),
    tags: form.text('tags'),
    status: STATUSES.find((s) => s === form.text('status')) ?? 'draft',
    publishedAt: form.text('publishedAt').trim(),
    commentStatus: COMMENT_STATUSES.find((s) => s === form.text('commentStatus')) ?? 'open',
  };
  const problems: string[] = [];
  if (draft.title === '' || draft.title.length > 300)
    problems.push('A title of 1 to 300 characters is required.');
  const slug = draft.slug === '' ? slugify(draft.title) : draft.slug;
  if (slug === '' || slug !== slugify(slug))
    problems.push('The slug may hold lower-case letters, digits and dashes only.');
  let publishedAt: Date | null | undefined;
  if (draft.publishedAt) {
    const d = new Date(
      `${draft.publishedAt}${/Z|[+-]\d\d:?\d\d$/.test(draft.publishedAt) ? '' : 'Z'}`,
    );
    if (Number.isNaN(d.getTime()))
      problems.push('The publish date is not a date (YYYY-MM-DDTHH:MM, UTC).');
    else publishedAt = d;
  }
  if (draft.status === 'scheduled' && !(publishedAt && publishedAt > ctx.now())) {
    problems.push('A scheduled post needs a publish date in the future.');
  }
  if (id && !(await ctx.storage.posts.find(id))) return reply.code(404).send('No such post.');
  if (problems.length) return editor(ctx, request, reply, draft, problems, 422);
  const rendered = renderContent(draft.source);
  const tags = [
    ...new Set(
      draft.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 30);
  const input = {
    title: draft.title,
    slug,
    source: draft.source,
    html: rendered.html,
    excerpt: rendered.excerpt,
    status: (draft.status === 'scheduled' ? 'published' : draft.status) as PostStatus,
    commentStatus: draft.commentStatus,
    tags,
    ...(publishedAt !== undefined ? { publishedAt } : {}),
  };
  try {
    const post = id
      ? await ctx.storage.posts.update(id, input)
      : await ctx.storage.posts.create({ ...input, authorId: sessionOf(request).user.id });
    const action = id ? 'post.updated' : 'post.created';
    await record(ctx, request, action, 'post', post.id, post.title);
    return reply.redirect(`/admin/posts/${post.id}?notice=Saved`, 303);
  } catch (error) {
    if (isStorageError(error, 'PUGO_ERR_SLUG_TAKEN')) {
      return editor(
        ctx,
        request,
        reply,
        { ...draft, slug },
        ['That slug is already used by another post.'],
        409,
      );
    }
    if (isStorageError(error, 'PUGO_ERR_INVALID_INPUT')) {
      return editor(ctx, request, reply, draft, [(error as Error).message], 422);
    }
    throw error;
  }
}

async function editor(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  draft: Draft,
  problems: string[] = [],
  status = 200,
) {
  const media = await ctx.storage.media.list({ page: 1, pageSize: 12 });
  return page(
    ctx,
    request,
    reply,
    'post-edit',
    {
      title: draft.id ? `Edit “${draft.title}”` : 'New post',
      section: 'posts',
      post: draft,
      problems,
      preview: markdownToHtml(draft.source.replace('<!--more-->', '')),
      statuses: STATUSES,
      commentStatuses: COMMENT_STATUSES,
      media: media.items.filter((m) => m.mime.startsWith('image/')),
    },
    status,
  );
}

function statusOf(
  post: { status: PostStatus; publishedAt: Date | null },
  now: Date,
): Draft['status'] {
  if (post.status === 'published' && post.publishedAt && post.publishedAt > now) return 'scheduled';
  return post.status;
}

function draftOf(post: Post, now: Date): Draft {
  return {
    id: post.id,
    title: post.title,
    slug: post.slug,
    source: post.source,
    tags: post.tags.map((t) => t.name).join(', '),
    status: statusOf(post, now),
    publishedAt: post.publishedAt ? post.publishedAt.toISOString().slice(0, 16) : '',
    commentStatus: post.commentStatus,
  };
}
