// A server under test: `blog` (the whole app) or `ceiling` (bare fastify, same queries and templates).
// Usage: node --import tsx server.ts <blog|ceiling> FILE; prints {"url": …} when it listens.
import { openStorage } from '@pugo/storage';
import Fastify from 'fastify';
import type * as App from '../src/app.js';
import type * as Content from '../src/content/index.js';
import type * as Feeds from '../src/feeds/index.js';
import type * as Thread from '../src/site/comment-thread.js';
import { importBlog } from './blog-dist.js';

const [kind, file] = process.argv.slice(2);
const storage = await openStorage({ url: file! });
const { buildApp } = await importBlog<typeof App>('app.js');
// The blog's site object carries the theme, the settings cache and the helpers both servers use.
const blog = await buildApp({ storage, commentLimit: 1_000_000 });

if (kind === 'blog') {
  const url = await blog.app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
} else {
  const { loadThread } = await importBlog<typeof Thread>('site/comment-thread.js');
  const { renderRss } = await importBlog<typeof Feeds>('feeds/index.js');
  const { readingMinutes } = await importBlog<typeof Content>('content/index.js');
  const { site } = blog;
  const snapshot = await site.state.get();
  const settings = snapshot.settings;
  const app = Fastify({ logger: false });
  const html = (reply: { type(t: string): unknown }) => reply.type('text/html; charset=utf-8');
  app.get('/', async (_req, reply) => {
    const list = await storage.posts.listPublished({ page: 1, pageSize: settings.pageSize });
    html(reply);
    return site.render('index', snapshot, {}, { posts: list.items, pager: null, heading: null });
  });
  app.get<{ Params: { slug: string } }>('/posts/:slug', async (req, reply) => {
    const post = await storage.posts.findPublishedBySlug(req.params.slug);
    if (!post) return reply.code(404).send();
    storage.posts.incrementHits(post.id).catch(() => {});
    const target = {
      kind: 'post' as const,
      id: post.id,
      title: post.title,
      commentStatus: post.commentStatus,
      publishedAt: post.publishedAt,
      path: `/posts/${post.slug}`,
    };
    const [adjacent, thread] = await Promise.all([
      storage.posts.adjacent(post.id),
      loadThread(site, target, settings),
    ]);
    html(reply);
    return site.render(
      'post',
      snapshot,
      { title: post.title },
      { post, readingMinutes: readingMinutes(post.source), ...adjacent, ...thread },
    );
  });
  app.get('/feed.xml', async (_req, reply) => {
    const list = await storage.posts.listPublished({ page: 1, pageSize: settings.feedLength });
    const items = list.items.map((p) => ({
      title: p.title,
      url: `${snapshot.baseUrl}posts/${p.slug}`,
      published: p.publishedAt ?? p.createdAt,
      updated: p.updatedAt,
      html: p.html,
      summary: p.excerpt,
      tags: p.tags.map((t) => t.name),
    }));
    const channel = {
      title: settings.title,
      description: settings.subtitle,
      homeUrl: snapshot.baseUrl,
      feedUrl: `${snapshot.baseUrl}feed.xml`,
      language: 'en',
      updated: items[0]?.updated ?? new Date(0),
      author: settings.title,
    };
    reply.type('application/rss+xml; charset=utf-8');
    return renderRss(channel, items);
  });
  app.get<{ Querystring: { q?: string } }>('/search', async (req, reply) => {
    const query = req.query.q ?? '';
    const result = await storage.posts.search(query, { pageSize: settings.pageSize, prefix: true });
    html(reply);
    return site.render(
      'search',
      snapshot,
      { query },
      { hits: result.items, total: result.total, pager: null },
    );
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

process.once('SIGTERM', () => {
  process.exit(0);
});
