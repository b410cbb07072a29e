// Classic XSS payloads in every field a reader or an admin can write never reach a page unescaped.
import { slugify } from '@pugo/storage';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderContent } from '../src/content/index.js';
import { findUnsafeMarkup, form, openTestBlog, type TestBlog, UNSAFE_MARKUP } from './helpers.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let blog: TestBlog;
// HTML pages; the feeds (XML and JSON, not HTML contexts) are parsed in their own test below.
const urls = new Set<string>(['/', '/archive', '/page/2', '/nope']);

beforeAll(async () => {
  blog = await openTestBlog({ commentLimit: 10_000 });
  const s = blog.storage;
  // Admin-written fields: site settings and the menu.
  await blog.setSettings({
    title: XSS_PAYLOADS[1]!,
    subtitle: XSS_PAYLOADS[2]!,
    description: XSS_PAYLOADS[3]!,
    menu: XSS_PAYLOADS.slice(0, 10).map((label, i) => ({
      label,
      url: `/m${i}?x="><script>alert(1)</script>`,
    })),
  });
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    // Post title, tag names and markdown body; a page title and body.
    const rendered = renderContent(`${payload}\n\n<!--more-->\n\n${payload}`);
    const slug = `xss-${i}`;
    await s.posts.create({
      title: payload,
      slug,
      source: payload,
      html: rendered.html,
      excerpt: rendered.excerpt,
      status: 'published',
      tags: [payload, `tag ${i}`].filter((t) => slugify(t) !== ''),
    });
    await s.pages.create({
      title: payload,
      slug: `xss-page-${i}`,
      source: payload,
      html: renderContent(payload).html,
      commentStatus: 'open',
    });
    urls.add(`/posts/${slug}`).add(`/xss-page-${i}`).add(`/tags/tag-${i}`);
    urls.add(`/search?q=${encodeURIComponent(payload)}`);
    // Reader-written fields: every comment field, on a post and on a page.
    for (const target of [`/posts/${slug}`, `/xss-page-${i}`]) {
      const res = await blog.app.inject({
        method: 'POST',
        url: `${target}/comments`,
        ...form({
          name: payload.slice(0, 80),
          email: 'x@example.com',
          url: `https://example.com/?q=${payload}`,
          body: payload,
          parent: '',
        }),
      });
      expect(res.statusCode, `${target}: ${payload}`).toBe(303);
      // A failed form echoes what was typed: that path must escape too.
      const invalid = await blog.app.inject({
        method: 'POST',
        url: `${target}/comments`,
        ...form({
          name: payload,
          email: payload,
          url: payload,
          body: payload.slice(0, 1),
          parent: '',
        }),
      });
      expect(invalid.statusCode).toBe(422);
      expect(findUnsafeMarkup(invalid.body), `422 ${target}: ${payload}`).toBeNull();
    }
  }
}, 120_000);
afterAll(() => blog.close());

it('no page, feed or error shows a payload unescaped', async () => {
  const bad = [
    '/posts/<script>alert(1)</script>',
    '/tags/"><img src=x onerror=alert(1)>',
    '/search?q=<svg/onload=alert(1)>&page=x',
  ];
  for (const url of [...urls, ...bad]) {
    const res = await blog.app.inject({ url });
    expect(res.statusCode, url).toBeLessThan(500);
    expect(findUnsafeMarkup(res.body), url).toBeNull();
    expect(res.body, url).not.toContain('<script>alert');
  }
});

it('comment bodies and names are shown as text', async () => {
  const res = await blog.app.inject({ url: '/posts/xss-0' });
  expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(res.body).toContain(
    '<span class="comment-author"><a href="https://example.com/?q=%3Cscript%3Ealert(1)%3C/script%3E" rel="nofollow ugc noopener">&lt;script&gt;alert(1)&lt;/script&gt;</a></span>',
  );
});

it('feeds stay well-formed and their HTML stays sanitised', async () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' });
  const doc = parser.parse((await blog.app.inject({ url: '/feed.xml' })).body);
  expect(doc.rss.channel.title).toBe(XSS_PAYLOADS[1]);
  for (const item of doc.rss.channel.item)
    expect(item['content:encoded'] ?? '').not.toMatch(UNSAFE_MARKUP);
  const atom = parser.parse((await blog.app.inject({ url: '/atom.xml' })).body);
  expect(atom.feed.title['#text']).toBe(XSS_PAYLOADS[1]);
  const json = JSON.parse((await blog.app.inject({ url: '/feed.json' })).body);
  expect(json.title).toBe(XSS_PAYLOADS[1]);
  for (const item of json.items) expect(item.content_html).not.toMatch(UNSAFE_MARKUP);
  const sitemap = (await blog.app.inject({ url: '/sitemap.xml' })).body;
  expect(parser.parse(sitemap).urlset).toBeDefined();
});
