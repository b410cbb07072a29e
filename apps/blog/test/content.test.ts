// The content pipeline: markdown, sanitiser, highlighting, excerpts, reading time, slugs, comments.
import { slugify } from '@pugo/storage';
import { describe, expect, it } from 'vitest';
import {
  avatarFor,
  commentToHtml,
  escapeXml,
  htmlToText,
  initialsOf,
  isValidSlug,
  markdownToHtml,
  readingMinutes,
  renderContent,
  safeAuthorUrl,
  sanitizePostHtml,
} from '../src/content/index.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

// A tag with a handler or style, a script-ish element, or a javascript: URL in an attribute.
const DANGEROUS =
  /<[^>]*\s(on\w+|style)\s*=|<(script|iframe|svg|object|embed|style|math|form)\b|=\s*["']?\s*javascript:/i;

describe('markdown', () => {
  it('renders GFM and highlights fenced code at render time', () => {
    const html = markdownToHtml('# Title\n\n*em* and **strong**\n\n```go\nfunc main() {}\n```\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code class="hljs language-go">');
    expect(html).toContain('<span class="hljs-keyword">func</span>');
  });

  it('escapes code in unknown languages', () => {
    const html = markdownToHtml('```nosuchlang\n<script>alert(1)</script>\n```');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  it('keeps allowed HTML and drops scripts, handlers, styles and javascript: links', () => {
    const html = markdownToHtml(
      '<div class="note">ok</div>\n\n<p onclick="x()" style="color:red">p</p><script>alert(1)</script>' +
        '<iframe src="https://evil.test"></iframe>[x](javascript:alert(1)) <img src="x" onerror="alert(1)">',
    );
    expect(html).toContain('<div class="note">ok</div>');
    expect(html).toContain('<p>p</p>');
    expect(html).not.toMatch(DANGEROUS);
  });

  it('never lets an XSS payload through the post sanitiser', () => {
    for (const payload of XSS_PAYLOADS) {
      const html = markdownToHtml(payload);
      expect(html, payload).not.toMatch(DANGEROUS);
      expect(sanitizePostHtml(payload), payload).not.toMatch(DANGEROUS);
    }
  });
});

describe('excerpt and reading time', () => {
  it('cuts the excerpt at <!--more--> and removes the marker from the body', () => {
    const out = renderContent('First *para*.\n\n<!--more-->\n\nThe rest.');
    expect(out.excerpt).toBe('<p>First <em>para</em>.</p>');
    expect(out.html).toContain('The rest.');
    expect(out.html).not.toContain('more');
  });

  it('falls back to the first paragraph without a marker', () => {
    expect(renderContent('# H\n\nOne.\n\nTwo.').excerpt).toBe('<p>One.</p>');
  });

  it('counts words and CJK characters', () => {
    expect(readingMinutes('word '.repeat(460))).toBe(2);
    expect(readingMinutes('字'.repeat(1500))).toBe(3);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('slugs', () => {
  // The slug rule is @pugo/storage's slugify (its cases are pinned there); the blog's URL check
  // must accept every slug it makes, or a saved post would 404.
  it('accepts in URLs every slug the storage rule makes', () => {
    const titles = [
      'Hello, World!',
      'Héllo 世界 — Ünïcode',
      '  ../etc/passwd  ',
      "Don't leak: I ❤️ Node",
      'Keycap 1️⃣ and 👍🏽',
      'é'.repeat(500),
      `${'a'.repeat(119)}𠀀𠀀`,
      ...XSS_PAYLOADS,
    ];
    for (const title of titles) {
      const slug = slugify(title);
      if (slug !== '') expect(isValidSlug(slug), title).toBe(true);
    }
    expect(titles.filter((t) => slugify(t) !== '').length).toBeGreaterThan(7);
  });

  it('validate URL slugs', () => {
    expect(isValidSlug('hello-world')).toBe(true);
    expect(isValidSlug('世界')).toBe(true);
    for (const bad of ['', '..', '../x', 'a/b', 'a b', '<x>', '.hidden', 'a%2F']) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });
});

describe('comments', () => {
  it('escape every payload and link URLs with nofollow ugc', () => {
    for (const payload of XSS_PAYLOADS) {
      const html = commentToHtml(payload);
      expect(html, payload).not.toMatch(DANGEROUS);
      expect(html, payload).not.toMatch(/<(?!\/?(p|br|a)\b)/i);
    }
    const html = commentToHtml('See https://example.com/a?b=1&c=2.\n\nBye <b>x</b>');
    expect(html).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">' +
        'https://example.com/a?b=1&amp;c=2</a>.</p>\n<p>Bye &lt;b&gt;x&lt;/b&gt;</p>',
    );
  });

  it('accept only http(s) author URLs', () => {
    expect(safeAuthorUrl('https://a.test/x')).toBe('https://a.test/x');
    expect(safeAuthorUrl('javascript:alert(1)')).toBeNull();
    expect(safeAuthorUrl('not a url')).toBeNull();
  });

  it('draw avatars from a hash of the email, never the email itself', () => {
    const g = avatarFor(' Ada@Example.com ', 'Ada Lovelace', 'gravatar');
    expect(g.kind === 'gravatar' && g.url).toMatch(
      /^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{64}\?/,
    );
    expect(JSON.stringify(g)).not.toContain('example');
    const i = avatarFor('ada@example.com', 'Ada Lovelace', 'initials');
    expect(i).toMatchObject({ kind: 'initials', initials: 'AL' });
    expect(initialsOf('李雷')).toBe('李');
    expect(initialsOf('  ')).toBe('?');
  });
});

it('htmlToText turns an excerpt into a meta description', () => {
  expect(htmlToText('<p>Fish &amp; <em>chips</em>\n &lt;3</p>')).toBe('Fish & chips <3');
});

it('escapeXml drops characters XML cannot carry', () => {
  expect(escapeXml('a\u0000b<c>&\u001f')).toBe('ab&lt;c&gt;&amp;');
});
