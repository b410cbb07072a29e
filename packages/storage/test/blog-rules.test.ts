// The Pugo blog's own rules kept in storage (src/blog/): the slug rule, the 15 settings, sample content.
import { describe, expect, it } from 'vitest';
import {
  MAX_SLUG_LENGTH,
  SETTING_DEFAULTS,
  SETTING_KEYS,
  seedSampleContent,
  slugify,
} from '../src/index.js';
import { open, openFile, post, rejection } from './helpers.js';

/** Text → slug. Each row is a case the old storage and blog slugifiers (or both) got wrong or that pins a choice. */
const SLUG_CASES: readonly (readonly [string, string])[] = [
  // Accents are kept, composed (NFKC) whatever form they were typed in.
  ['Héllo Wörld', 'héllo-wörld'],
  ['Cre\u0300me bru\u0302le\u0301e', 'crème-brûlée'],
  // CJK and other scripts are letters.
  ['世界の記事', '世界の記事'],
  ['漢字 and ASCII', '漢字-and-ascii'],
  ['Ｆｕｌｌ width', 'full-width'],
  ['ﬁ ligature', 'fi-ligature'],
  // Emoji are separators; their variation selectors and keycap marks go too (both old rules kept
  // an invisible U+FE0F: "i-\ufe0f-node").
  ['🚀 Launch day', 'launch-day'],
  ['I ❤️ Node', 'i-node'],
  ['Keycap 1️⃣ two', 'keycap-1-two'],
  ['👍🏽 ok', 'ok'],
  ['\u0301 lone mark', 'lone-mark'],
  // Contractions stay one word (both old rules gave "don-t-leak"); other apostrophes separate.
  ["Don't leak", 'dont-leak'],
  ['It’s fine', 'its-fine'],
  ["We'll see, they're here", 'well-see-theyre-here'],
  ["l'été", 'l-été'],
  ["O'Reilly", 'o-reilly'],
  ["rock 'n' roll", 'rock-n-roll'],
  // Runs of anything else are one dash, none at either end.
  ['a -- b --- c', 'a-b-c'],
  ['--Leading and trailing!!', 'leading-and-trailing'],
  ['  Go & Node.js  ', 'go-node-js'],
  ['  ../etc/passwd  ', 'etc-passwd'],
  ['Hello, World!', 'hello-world'],
  ['!!!', ''],
  ['', ''],
];

describe('slugify', () => {
  it.each(SLUG_CASES)('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('is stable: a slug is its own slug', () => {
    for (const [text] of SLUG_CASES) {
      const once = slugify(text);
      expect(slugify(once), text).toBe(once);
    }
  });

  it(`cuts at ${MAX_SLUG_LENGTH} code points, never inside a surrogate pair, never before a dash`, () => {
    expect(MAX_SLUG_LENGTH).toBe(120);
    expect(Array.from(slugify('é'.repeat(500)))).toHaveLength(120);
    // The old storage rule cut at 200 UTF-16 units: half of "𠀀" (U+20000), which encodeURIComponent refuses.
    const astral = slugify(`${'a'.repeat(119)}𠀀𠀀`);
    expect(astral).toBe(`${'a'.repeat(119)}𠀀`);
    expect(() => encodeURIComponent(astral)).not.toThrow();
    // A cut right after a word leaves no trailing dash.
    expect(slugify(`${'x'.repeat(120)} yz`)).toBe('x'.repeat(120));
    expect(slugify(`${'x'.repeat(119)} yz`)).toBe('x'.repeat(119));
  });

  it('is the rule tags are slugged by', async () => {
    const storage = await open();
    const created = await storage.posts.create(post('p', { tags: ["Don't panic", 'I ❤️ Node'] }));
    expect(created.tags.map((t) => t.slug).sort()).toEqual(['dont-panic', 'i-node']);
    expect((await storage.tags.create('Crème brûlée')).slug).toBe('crème-brûlée');
    // The same name in another spelling is the same tag.
    const again = await storage.posts.update(created.id, { tags: ['DON’T PANIC'] });
    expect(again.tags.map((t) => t.name)).toEqual(["Don't panic"]);
    expect((await rejection(storage.posts.create(post('q', { tags: ['🚀'] })))).code).toBe(
      'PUGO_ERR_INVALID_INPUT',
    );
  });
});

describe('the blog settings', () => {
  it('are the 15 keys the blog uses, each with a default', () => {
    expect(SETTING_KEYS).toEqual([
      'title',
      'subtitle',
      'description',
      'baseUrl',
      'pageSize',
      'feedFullText',
      'feedLength',
      'commentsModerateAll',
      'commentsAutoApproveKnown',
      'commentMinLength',
      'commentMaxLength',
      'commentsCloseAfterDays',
      'menu',
      'theme',
      'mediaMaxBytes',
    ]);
    expect(Object.isFrozen(SETTING_DEFAULTS)).toBe(true);
    expect(SETTING_DEFAULTS.title).toBe('Pugo');
  });
});

describe('seedSampleContent', () => {
  it('adds published posts with tags, comments, nested replies and excerpts, the same for the same seed', async () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    const a = await open();
    const b = await openFile();
    const result = await seedSampleContent(a, { posts: 40, now });
    await seedSampleContent(b, { posts: 40, now });
    expect(result.posts).toBe(40);
    expect(result.tags).toBe(20);
    expect(result.comments).toBeGreaterThan(40);
    const home = await a.posts.listPublished({ pageSize: 40 });
    expect(home.total).toBe(40);
    expect(home.items[0]!.publishedAt).toEqual(now);
    expect(home.items.every((p) => p.tags.length >= 1 && p.tags.length <= 3)).toBe(true);
    expect(home.items[0]!.excerpt).not.toContain('<pre>');
    expect((await a.posts.get(home.items[0]!.id)).html).toContain(
      '<pre><code class="language-go">',
    );
    const counts = await a.dashboard.counts();
    expect(counts.comments.pending).toBeGreaterThan(0);
    expect(
      a.raw.prepare('select count(*) as n from comments where parent_id is not null').get(),
    ).not.toEqual({ n: 0 });
    expect((await b.posts.listPublished({ pageSize: 40 })).items.map((p) => p.slug)).toEqual(
      home.items.map((p) => p.slug),
    );
    // A second batch needs its own slugs.
    await seedSampleContent(a, { posts: 5, slugPrefix: 'more-', now });
    expect((await a.posts.listPublished()).total).toBe(45);
    expect((await rejection(seedSampleContent(a, { posts: 1, now }))).code).toBe(
      'PUGO_ERR_SLUG_TAKEN',
    );
  });

  it('uses the renderer it is given', async () => {
    const storage = await open();
    await seedSampleContent(storage, {
      posts: 2,
      render: (s) => ({ html: `<div>${s.length}</div>`, excerpt: 'E' }),
    });
    const [first] = (await storage.posts.listPublished()).items;
    expect(first!.html).toMatch(/^<div>\d+<\/div>$/);
    expect(first!.excerpt).toBe('E');
  });
});
