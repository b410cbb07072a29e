// Feeds and the sitemap, parsed as XML/JSON: their items match the published posts.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBlog, type TestBlog, UNSAFE_MARKUP } from './helpers.js';

let blog: TestBlog;
beforeAll(async () => {
  blog = await openTestBlog({ extraPosts: 30 });
});
afterAll(() => blog.close());

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['item', 'entry', 'url', 'category'].includes(n),
});
const get = (url: string) => blog.app.inject({ method: 'GET', url });

describe('feeds', () => {
  it('RSS 2.0: channel, 20 newest items with links, dates, categories and full HTML', async () => {
    const res = await get('/feed.xml');
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const doc = parser.parse(res.body);
    expect(doc.rss['@version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.title).toBe('Pugo');
    expect(channel.link).toBe('http://127.0.0.1:3000/');
    expect(channel['atom:link']['@href']).toBe('http://127.0.0.1:3000/feed.xml');
    expect(channel.item).toHaveLength(20);
    const first = channel.item[0];
    expect(first.title).toBe('Hello World');
    expect(first.link).toBe('http://127.0.0.1:3000/posts/hello-world');
    expect(first.guid['#text']).toBe(first.link);
    expect(Number.isNaN(Date.parse(first.pubDate))).toBe(false);
    expect(first.category).toEqual(['pugo']);
    expect(first['content:encoded']).toContain('<code class="hljs language-js">');
    // The description is the excerpt; the full text is in content:encoded only.
    expect(first.description).toBe(
      '<p>Welcome to Pugo. This is your first post: edit or delete it, then start writing.</p>',
    );
    const dates = channel.item.map((i: { pubDate: string }) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('Atom: entries with ids, updated dates and HTML content', async () => {
    const res = await get('/atom.xml');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parser.parse(res.body).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('http://127.0.0.1:3000/');
    expect(feed.entry).toHaveLength(20);
    const entry = feed.entry[1];
    expect(entry.title['#text']).toBe('How a blog grew from 14 MB to 228 MB in a day');
    expect(entry.id).toBe('http://127.0.0.1:3000/posts/how-a-blog-grew-from-14-mb-to-228-mb');
    expect(entry.content['@type']).toBe('html');
    expect(entry.content['#text']).toContain('reflect.Value.Call');
    // Tag names as first created (the generated posts made "Go" before the welcome post said "go").
    const terms = entry.category.map((c: Record<string, string>) => c['@term']!.toLowerCase());
    expect(terms).toEqual(['go', 'memory', 'pprof']);
    expect(Date.parse(feed.updated)).toBeGreaterThanOrEqual(Date.parse(entry.updated));
  });

  it('JSON Feed 1.1: version, items with content_html, and the excerpt when full text is off', async () => {
    const full = JSON.parse((await get('/feed.json')).body);
    expect(full.version).toBe('https://jsonfeed.org/version/1.1');
    expect(full.feed_url).toBe('http://127.0.0.1:3000/feed.json');
    expect(full.items).toHaveLength(20);
    expect(full.items[0]).toMatchObject({
      id: 'http://127.0.0.1:3000/posts/hello-world',
      title: 'Hello World',
      tags: ['pugo'],
    });
    expect(full.items[0].content_html).toContain('console');
    await blog.setSettings({ feedFullText: false, feedLength: 5, title: 'Renamed' });
    try {
      const short = JSON.parse((await get('/feed.json')).body);
      expect(short.title).toBe('Renamed');
      expect(short.items).toHaveLength(5);
      expect(short.items[0].content_html).toBe(
        '<p>Welcome to Pugo. This is your first post: edit or delete it, then start writing.</p>',
      );
    } finally {
      await blog.setSettings({ feedFullText: true, feedLength: 20, title: 'Pugo' });
    }
  });

  it('feeds carry no unsafe markup in their HTML', async () => {
    const doc = parser.parse((await get('/feed.xml')).body);
    for (const item of doc.rss.channel.item)
      expect(item['content:encoded']).not.toMatch(UNSAFE_MARKUP);
  });

  it('sitemap lists the home page, archive, pages and every published post', async () => {
    const res = await get('/sitemap.xml');
    const urls = parser.parse(res.body).urlset.url.map((u: { loc: string }) => u.loc);
    expect(urls).toContain('http://127.0.0.1:3000/');
    expect(urls).toContain('http://127.0.0.1:3000/about');
    expect(urls).toContain('http://127.0.0.1:3000/posts/hello-world');
    expect(urls).toHaveLength(2 + 1 + 35);
  });

  it('sitemap dates each post and page by its last change and leaves out drafts', async () => {
    const hello = (await blog.storage.posts.findBySlug('hello-world'))!;
    const draft = await blog.storage.posts.create({
      title: 'Unpublished',
      slug: 'unpublished-draft',
      source: 'x',
      html: '<p>x</p>',
    });
    try {
      const doc = parser.parse((await get('/sitemap.xml')).body);
      const entries = doc.urlset.url as { loc: string; lastmod?: string }[];
      const byLoc = new Map(entries.map((u) => [u.loc, u.lastmod]));
      expect(byLoc.get('http://127.0.0.1:3000/posts/hello-world')).toBe(
        hello.updatedAt.toISOString(),
      );
      const about = (await blog.storage.pages.findBySlug('about'))!;
      expect(byLoc.get('http://127.0.0.1:3000/about')).toBe(about.updatedAt.toISOString());
      expect(byLoc.has('http://127.0.0.1:3000/posts/unpublished-draft')).toBe(false);
      // Newest post first, after the home page, the archive and the pages.
      expect(entries[3]!.loc).toBe('http://127.0.0.1:3000/posts/hello-world');
    } finally {
      await blog.storage.posts.delete(draft.id);
    }
  });

  it('uses PUGO_BASE_URL over the setting', async () => {
    const other = await openTestBlog({ baseUrl: 'https://blog.example.com/' });
    try {
      const doc = parser.parse((await other.app.inject({ url: '/feed.xml' })).body);
      expect(doc.rss.channel.item[0].link).toBe('https://blog.example.com/posts/hello-world');
    } finally {
      await other.close();
    }
  });
});
