// The admin's screens end to end over HTTP: posts, comments, settings, media, and escaping.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, pngImage } from './admin-fixtures.js';
import { type AdminTestBlog, Client, openAdminBlog } from './admin-helpers.js';
import { findUnsafeMarkup } from './helpers.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

describe('admin screens', () => {
  let blog: AdminTestBlog;
  let c: Client;
  let csrf: string;
  beforeAll(async () => {
    blog = await openAdminBlog();
    c = new Client(blog);
    await c.login();
    csrf = await c.csrfFrom('/admin');
  });
  afterAll(async () => blog?.close());

  it('shows counts and the activity feed on the dashboard', async () => {
    const res = await c.request('GET', '/admin');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<strong>\d+<\/strong> published/);
    expect(res.body).toContain('comments waiting');
  });

  it('writes a draft, publishes it, and readers see it on the home page', async () => {
    const draft = await c.request('POST', '/admin/posts', {
      form: {
        _csrf: csrf,
        title: 'Leak hunting',
        source: 'Intro\n\n<!--more-->\n\nBody **bold**',
        tags: 'go, pprof',
        status: 'draft',
        commentStatus: 'open',
      },
    });
    expect(draft.statusCode).toBe(303);
    const id = Number(/\/admin\/posts\/(\d+)/.exec(draft.headers.location ?? '')?.[1]);
    expect((await blog.app.inject('/posts/leak-hunting')).statusCode).toBe(404);
    const edit = await c.request('GET', `/admin/posts/${id}`);
    expect(edit.body).toContain('Leak hunting');
    expect(edit.body).toContain('<strong>bold</strong>');
    const publish = await c.request('POST', `/admin/posts/${id}`, {
      form: {
        _csrf: csrf,
        title: 'Leak hunting',
        slug: 'leak-hunting',
        source: 'Intro\n\n<!--more-->\n\nBody **bold**',
        tags: 'go, pprof',
        status: 'published',
        commentStatus: 'open',
      },
    });
    expect(publish.statusCode).toBe(303);
    const home = await blog.app.inject('/');
    expect(home.body).toContain('Leak hunting');
    const post = await blog.storage.posts.get(id);
    expect(post.excerpt).toContain('Intro');
    expect(post.tags.map((t) => t.name)).toEqual(['go', 'pprof']);
    const list = await c.request('GET', '/admin/posts?status=published&q=leak');
    expect(list.body).toContain('Leak hunting');
    const activity = await blog.storage.activity.list({ page: 1, pageSize: 50 });
    expect(activity.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['post.created', 'post.updated']),
    );
  });

  it('schedules, trashes and restores', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    const res = await c.request('POST', '/admin/posts', {
      form: {
        _csrf: csrf,
        title: 'Tomorrow',
        source: 'Soon',
        status: 'scheduled',
        publishedAt: future,
      },
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    expect((await c.request('GET', '/admin/posts?status=scheduled')).body).toContain('Tomorrow');
    expect((await blog.app.inject('/posts/tomorrow')).statusCode).toBe(404);
    const bad = await c.request('POST', '/admin/posts', {
      form: {
        _csrf: csrf,
        title: 'Never',
        source: 'x',
        status: 'scheduled',
        publishedAt: '2001-01-01T00:00',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('needs a publish date in the future');
    await c.request('POST', `/admin/posts/${id}/trash`, { form: { _csrf: csrf } });
    expect((await blog.storage.posts.get(id)).status).toBe('trashed');
    expect((await c.request('GET', '/admin/posts?status=trashed')).body).toContain('Tomorrow');
    await c.request('POST', `/admin/posts/${id}/restore`, { form: { _csrf: csrf } });
    expect((await blog.storage.posts.get(id)).status).toBe('draft');
  });

  it('refuses a taken slug with 409 and keeps what was typed', async () => {
    const res = await c.request('POST', '/admin/posts', {
      form: { _csrf: csrf, title: 'Another', slug: 'leak-hunting', source: 'typed text' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('typed text');
  });

  it('creates a page in the menu, orders it, and trashes it out of the menu', async () => {
    const res = await c.request('POST', '/admin/pages', {
      form: {
        _csrf: csrf,
        title: 'Colophon',
        source: 'Made with **Pugo**',
        status: 'published',
        template: 'page',
        inMenu: 'on',
        menuOrder: '5',
      },
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const saved = await blog.storage.pages.get(id);
    expect([saved.inMenu, saved.menuOrder, saved.html]).toEqual([
      true,
      5,
      '<p>Made with <strong>Pugo</strong></p>',
    ]);
    expect((await blog.app.inject('/')).body).toContain('href="/colophon">Colophon</a>');
    expect((await blog.app.inject('/colophon')).statusCode).toBe(200);
    expect((await c.request('GET', '/admin/pages')).body).toContain('Colophon');
    await c.request('POST', `/admin/pages/${id}/trash`, { form: { _csrf: csrf } });
    expect((await blog.app.inject('/')).body).not.toContain('href="/colophon"');
    expect((await blog.app.inject('/colophon')).statusCode).toBe(404);
  });

  it('moderates comments: approve, reply as the admin (nested), bulk spam', async () => {
    const post = (await blog.storage.posts.findBySlug('leak-hunting'))!;
    const mk = (body: string) =>
      blog.storage.comments.create({
        postId: post.id,
        authorName: 'Reader',
        authorEmail: 'r@example.com',
        body,
        status: 'pending',
      });
    const one = await mk('First held comment');
    const two = await mk('Buy pills');
    const three = await mk('More pills');
    expect((await c.request('GET', '/admin/comments?status=pending')).body).toContain(
      'First held comment',
    );
    await c.request('POST', `/admin/comments/${one.id}/approve`, { form: { _csrf: csrf } });
    expect((await blog.storage.comments.get(one.id)).status).toBe('approved');
    const reply = await c.request('POST', `/admin/comments/${one.id}/reply`, {
      form: { _csrf: csrf, body: 'Thanks from the admin' },
    });
    expect(reply.statusCode).toBe(303);
    const tree = await blog.storage.comments.tree({ postId: post.id });
    expect(tree[0]?.replies[0]?.body).toBe('Thanks from the admin');
    const bulk = await c.request('POST', '/admin/comments/bulk', {
      form: {
        _csrf: csrf,
        action: 'spam',
        from: 'pending',
        ids: [String(two.id), String(three.id)],
      },
    });
    expect(bulk.statusCode).toBe(303);
    expect((await blog.storage.comments.get(three.id)).status).toBe('spam');
    expect((await blog.app.inject('/posts/leak-hunting')).body).toContain('Thanks from the admin');
  });

  it('saves settings, refuses invalid ones with 422 and saves nothing', async () => {
    const ok = await c.request('POST', '/admin/settings/content', {
      form: { _csrf: csrf, pageSize: '3', feedFullText: 'on', feedLength: '7' },
    });
    expect(ok.statusCode).toBe(303);
    expect(await blog.storage.settings.get('pageSize')).toBe(3);
    expect((await blog.app.inject('/')).body.match(/class="post-summary/g)).toHaveLength(3);
    const bad = await c.request('POST', '/admin/settings/content', {
      form: { _csrf: csrf, pageSize: '0', feedFullText: 'on', feedLength: '9' },
    });
    expect(bad.statusCode).toBe(422);
    expect(await blog.storage.settings.get('feedLength')).toBe(7);
    const menu = await c.request('POST', '/admin/settings/menu', {
      form: { _csrf: csrf, menu: 'Home | /\nLeaks | /tags/go' },
    });
    expect(menu.statusCode).toBe(303);
    expect((await blog.app.inject('/')).body).toContain('href="/tags/go">Leaks</a>');
  });

  it('escapes XSS payloads in titles, settings and media names, in admin and public pages', async () => {
    const payload = XSS_PAYLOADS[0] ?? '<script>alert(1)</script>';
    for (const p of XSS_PAYLOADS.slice(0, 6)) {
      await c.request('POST', '/admin/posts', {
        form: {
          _csrf: csrf,
          title: p.slice(0, 300),
          slug: `x-${Math.random().toString(36).slice(2)}`,
          source: p,
          status: 'published',
        },
      });
    }
    await c.request('POST', '/admin/settings/general', {
      form: {
        _csrf: csrf,
        title: payload,
        subtitle: payload,
        description: payload,
        baseUrl: 'http://127.0.0.1:3000',
      },
    });
    const up = multipart(
      { _csrf: csrf },
      { name: 'file', filename: `${payload}.png`, type: 'image/png', body: pngImage() },
    );
    expect((await c.request('POST', '/admin/media', up)).statusCode).toBe(303);
    for (const url of [
      '/admin',
      '/admin/posts',
      '/admin/media',
      '/admin/settings',
      '/admin/posts/new',
    ]) {
      const res = await c.request('GET', url);
      expect([url, findUnsafeMarkupAdmin(res.body)]).toEqual([url, null]);
    }
    for (const url of ['/', '/archive']) {
      const res = await blog.app.inject(url);
      expect([url, findUnsafeMarkup(res.body)]).toEqual([url, null]);
    }
  });

  it('uploads an image by content, stores it under YYYY/MM by hash and serves it', async () => {
    const body = pngImage(4, [200, 10, 10]);
    const res = await c.request('POST', '/admin/media', {
      ...multipart({ _csrf: csrf }, { name: 'file', filename: 'red.png', type: 'image/png', body }),
      headers: {
        ...multipart({}, { name: 'f', filename: 'x', type: 'x', body }).headers,
        accept: 'application/json',
      },
    });
    expect(res.statusCode).toBe(201);
    const url = res.json().url as string;
    expect(url).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f]{64}\.png$/);
    expect(existsSync(join(blog.mediaDir, url.slice('/media/'.length)))).toBe(true);
    const served = await blog.app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(body)).toBe(true);
    expect((await c.request('GET', '/admin/media')).body).toContain('![red.png](');
  });

  it('rejects an HTML file named .png (415), a file over the limit (413), and an upload without the token (403)', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const spoof = await c.request(
      'POST',
      '/admin/media',
      multipart(
        { _csrf: csrf },
        { name: 'file', filename: 'cat.png', type: 'image/png', body: html },
      ),
    );
    expect(spoof.statusCode).toBe(415);
    await blog.storage.settings.set('mediaMaxBytes', 100);
    const big = await c.request(
      'POST',
      '/admin/media',
      multipart(
        { _csrf: csrf },
        { name: 'file', filename: 'big.png', type: 'image/png', body: pngImage(64) },
      ),
    );
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('larger than the limit of 100 B');
    await blog.storage.settings.set('mediaMaxBytes', 10 * 1024 * 1024);
    const forged = await c.request(
      'POST',
      '/admin/media',
      multipart({}, { name: 'file', filename: 'a.png', type: 'image/png', body: pngImage() }),
    );
    expect(forged.statusCode).toBe(403);
    const names = (await blog.storage.media.list({ page: 1, pageSize: 100 })).items.map(
      (m) => m.originalName,
    );
    expect(names).not.toContain('cat.png');
    expect(names).not.toContain('big.png');
    expect(names).not.toContain('a.png');
  });

  it('deletes media with its file', async () => {
    const list = await blog.storage.media.list({ page: 1, pageSize: 100 });
    const m = list.items[0]!;
    const res = await c.request('POST', `/admin/media/${m.id}/delete`, { form: { _csrf: csrf } });
    expect(res.statusCode).toBe(303);
    expect(existsSync(join(blog.mediaDir, m.storedPath))).toBe(false);
    expect((await blog.app.inject(`/media/${m.storedPath}`)).statusCode).toBe(404);
  });
});

/** The admin's only script is its own hashed admin.js; otherwise the public checker's rules. */
function findUnsafeMarkupAdmin(html: string): string | null {
  return findUnsafeMarkup(
    html.replace(/<script src="\/admin\/assets\/admin\.[0-9a-f]+\.js" defer><\/script>/, ''),
  );
}
