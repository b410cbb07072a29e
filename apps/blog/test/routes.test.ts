// Every public route through fastify.inject on a seeded database: status, key content, headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBlog, type TestBlog } from './helpers.js';

let blog: TestBlog;
beforeAll(async () => {
  blog = await openTestBlog({ extraPosts: 25 });
});
afterAll(() => blog.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  blog.app.inject({ method: 'GET', url, headers });

describe('pages', () => {
  it('/ lists the newest posts with date, tags, comment count and excerpt', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const articles = res.body.match(/<article class="post-summary/g) ?? [];
    expect(articles).toHaveLength(10);
    expect(res.body).toContain('href="/posts/hello-world"');
    expect(res.body).toContain('<p>Welcome to Pugo. This is your first post');
    // The excerpt stops at <!--more-->: the code block after it is not on the list.
    expect(res.body).not.toContain('console');
    expect(res.body).toContain('3 comments');
    expect(res.body).toContain('href="/tags/pugo"');
    expect(res.body).toContain('<time class="dt-published" datetime="');
    expect(res.body).toContain('href="/page/2"');
  });

  it('/page/:n pages on, and /page/1 redirects to /', async () => {
    const page2 = await get('/page/2');
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('Page 2 of 3');
    expect(page2.body).toContain('rel="prev" href="/"');
    expect(page2.body).toContain('href="/page/3"');
    const first = await get('/page/1');
    expect(first.statusCode).toBe(301);
    expect(first.headers.location).toBe('/');
  });

  it('/posts/:slug renders markdown, highlighted code, tags, neighbours, reading time, comments', async () => {
    const res = await get('/posts/how-a-blog-grew-from-14-mb-to-228-mb');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      '<h1 class="p-name">How a blog grew from 14 MB to 228 MB in a day</h1>',
    );
    expect(res.body).toContain('<code class="hljs language-go">');
    expect(res.body).toContain('<span class="hljs-keyword">import</span>');
    expect(res.body).toMatch(/<span class="reading-time">\d+ min read<\/span>/);
    expect(res.body).toContain('rel="next" href="/posts/hello-world"');
    expect(res.body).toContain('rel="prev" href="/posts/pools-that-cannot-leak"');
    expect(res.body).toContain('href="/tags/pprof"');
    expect(res.body).toContain('id="comment-form"');
  });

  it('a post shows approved comments as a nested tree, with avatars and nofollow links', async () => {
    const res = await get('/posts/hello-world');
    expect(res.body).toContain('<h2>3 comments</h2>');
    const reply = res.body.indexOf('<ol class="replies">');
    expect(reply).toBeGreaterThan(res.body.indexOf('Ada Lovelace'));
    expect(res.body.indexOf('Thank you, Ada')).toBeGreaterThan(reply);
    expect(res.body).toContain('<span class="avatar avatar-tone-');
    expect(res.body).toContain('href="https://example.com/ada" rel="nofollow ugc noopener"');
    expect(res.body).toContain('Does it leak? &lt;b&gt;asking for a friend&lt;/b&gt;');
    expect(res.body).not.toContain('ada@example.com');
  });

  it('counts hits on GET only', async () => {
    const before = (await blog.storage.posts.findBySlug('soak-tests-in-ci'))!.hits;
    await get('/posts/soak-tests-in-ci');
    await blog.app.inject({ method: 'HEAD', url: '/posts/soak-tests-in-ci' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await blog.storage.posts.findBySlug('soak-tests-in-ci'))!.hits).toBe(before + 1);
  });

  it('/tags/:tag lists the tagged posts, paged', async () => {
    const res = await get('/tags/pprof');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Posts tagged #pprof');
    expect(res.body).toContain('href="/posts/reading-a-heap-profile"');
    expect(res.body).not.toContain('href="/posts/pools-that-cannot-leak"');
  });

  it('/archive groups posts by year and month', async () => {
    const res = await get('/archive');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h2 class="archive-year" id="y\d{4}">\d{4}<\/h2>/);
    expect(res.body).toMatch(
      /<h3 id="m\d{4}-\d{1,2}">[A-Z][a-z]+ \d{4} <span class="count">\(\d+\)<\/span><\/h3>/,
    );
    expect(res.body).toContain('href="/posts/hello-world"');
    expect(res.body.match(/<li><time/g)?.length).toBe(30);
  });

  it('/:slug serves a page, which is in the menu from settings', async () => {
    const res = await get('/about');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>About</h1>');
    expect(res.body).toContain('<code>/debug/pprof</code>');
    expect(res.body).toContain('<a href="/about" aria-current="page">About</a>');
    expect(res.body).toContain('<a href="/archive">Archive</a>');
    // A page with comments closed and none written shows no comment section.
    expect(res.body).not.toContain('id="comments"');
  });

  it('/search finds posts with highlighted snippets, paged', async () => {
    const res = await get('/search?q=leak');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<mark>[Ll]eak/);
    expect(res.body).toContain('href="/posts/pools-that-cannot-leak"');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    const empty = await get('/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('result');
    const none = await get('/search?q=zzzyyyxxx');
    expect(none.body).toContain('0 results');
  });

  it('robots.txt disallows /admin and points at the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Disallow: /admin\n');
    expect(res.body).toContain('Sitemap: http://127.0.0.1:3000/sitemap.xml');
  });

  it('themed 404 for unknown paths, posts and tags', async () => {
    for (const url of ['/nope', '/posts/nope', '/tags/nope', '/nope/deeper/still']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toContain('404 · Page not found');
      expect(res.body, url).toContain('class="site-title"');
    }
  });
});

describe('HTTP behaviour', () => {
  const GET_ROUTES = [
    '/',
    '/page/2',
    '/posts/hello-world',
    '/tags/pugo',
    '/archive',
    '/about',
    '/search?q=pool',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/robots.txt',
    '/healthz',
  ];

  it('answers HEAD on every GET route with the same status and no body', async () => {
    for (const url of GET_ROUTES) {
      const got = await get(url);
      const head = await blog.app.inject({ method: 'HEAD', url });
      expect(head.statusCode, url).toBe(got.statusCode);
      expect(head.headers['content-type'], url).toBe(got.headers['content-type']);
      expect(head.body, url).toBe('');
    }
  });

  it('sends security headers with a strict CSP on pages and errors', async () => {
    for (const url of ['/', '/nope', '/posts/hello-world']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('has no inline scripts or styles in any page', async () => {
    for (const url of ['/', '/posts/hello-world', '/archive', '/about', '/search?q=x', '/nope']) {
      const { body } = await get(url);
      expect(body, url).not.toMatch(/<script(?![^>]*\ssrc=)/);
      expect(body, url).not.toMatch(/\sstyle=|<style/);
    }
  });

  it('answers 304 to a matching If-None-Match, and 200 when the page changed', async () => {
    for (const url of [
      '/',
      '/posts/reading-a-heap-profile',
      '/archive',
      '/feed.xml',
      '/feed.json',
    ]) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      const other = await get(url, { 'if-none-match': '"something-else"' });
      expect(other.statusCode, url).toBe(200);
    }
    const { headers } = await get('/posts/reading-a-heap-profile');
    const post = (await blog.storage.posts.findBySlug('reading-a-heap-profile'))!;
    await blog.storage.comments.create({
      postId: post.id,
      authorName: 'New',
      authorEmail: 'new@example.com',
      body: 'A new approved comment',
      status: 'approved',
    });
    const changed = await get('/posts/reading-a-heap-profile', {
      'if-none-match': String(headers.etag),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('A new approved comment');
  });

  it('answers 304 to If-Modified-Since on feeds, which carry Last-Modified', async () => {
    const first = await get('/atom.xml');
    const lastModified = first.headers['last-modified'] as string;
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    const again = await get('/atom.xml', { 'if-modified-since': lastModified });
    expect(again.statusCode).toBe(304);
    const older = new Date(Date.parse(lastModified) - 3_600_000).toUTCString();
    expect((await get('/atom.xml', { 'if-modified-since': older })).statusCode).toBe(200);
  });

  it('compresses pages for clients that accept it', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(res.rawPayload).toString()).toContain('Hello World');
    const br = await get('/archive', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
  });

  it('serves hashed assets with a year of immutable cache, and 404s unknown ones', async () => {
    const home = await get('/');
    const href = /<link rel="stylesheet" href="(\/assets\/style\.[0-9a-f]{10}\.css)">/.exec(
      home.body,
    )?.[1];
    expect(href).toBeDefined();
    const css = await get(href!);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.comment-form');
    expect((await get(href!, { 'if-none-match': String(css.headers.etag) })).statusCode).toBe(304);
    expect((await get('/assets/style.css')).statusCode).toBe(404);
    expect((await get('/assets/../package.json')).statusCode).toBe(404);
  });
});

describe('extension point', () => {
  it('lets the admin add routes next to the public ones, /admin not shadowed by /:slug', async () => {
    const extended = await openTestBlog({
      extend: ({ app }) => {
        app.get('/admin', async () => 'admin home');
      },
    });
    try {
      const res = await extended.app.inject({ url: '/admin' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('admin home');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect((await extended.app.inject({ url: '/about' })).statusCode).toBe(200);
    } finally {
      await extended.close();
    }
  });
});
