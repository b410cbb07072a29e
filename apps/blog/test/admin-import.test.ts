// Markdown import: front matter read by gray-matter (YAML, TOML, JSON), per-file reasons, the admin route.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStorage } from '@pugo/storage';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/admin/import/front-matter.js';
import { importMarkdownFolder } from '../src/admin/import/import-folder.js';
import { type AdminTestBlog, Client, openAdminBlog } from './admin-helpers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/import/', import.meta.url));

/** The fields of a front matter that must parse. */
function fieldsOf(text: string): Readonly<Record<string, unknown>> {
  const parsed = parseFrontMatter(text);
  if (parsed.kind !== 'fields') throw new Error(`expected fields, got ${JSON.stringify(parsed)}`);
  return parsed.data;
}

describe('parseFrontMatter', () => {
  it('keeps a # inside a quoted title; unquoted, YAML reads it as a comment (as Hugo and Jekyll do)', () => {
    expect(fieldsOf('---\ntitle: "Issue #42"\n---\n').title).toBe('Issue #42');
    expect(fieldsOf("---\ntitle: 'Issue #42: it''s back'\n---\n").title).toBe(
      "Issue #42: it's back",
    );
    expect(fieldsOf('---\ntitle: Issue#42\n---\n').title).toBe('Issue#42');
    expect(fieldsOf('---\ntitle: Issue #42\n---\n').title).toBe('Issue');
  });

  it('reads YAML lists in flow and block style, quoted items with commas kept whole', () => {
    expect(fieldsOf('---\ntags: ["a, b", c, \'d, e\']\n---\n').tags).toEqual(['a, b', 'c', 'd, e']);
    expect(fieldsOf('---\ntags:\n  - "x, y"\n  - z\ncategories: []\n---\n')).toEqual({
      tags: ['x, y', 'z'],
      categories: [],
    });
  });

  it('reads dates, booleans and numbers as YAML types, keys case-insensitively', () => {
    expect(
      fieldsOf('---\nDate: 2024-03-05T10:00:00Z\ndraft: true\npublished: false\nweight: 3\n---\n'),
    ).toEqual({
      date: new Date('2024-03-05T10:00:00Z'),
      draft: true,
      published: false,
      weight: 3,
    });
  });

  it('reads CRLF files and a byte-order mark, giving the body with \\n line ends', () => {
    const parsed = parseFrontMatter('\uFEFF---\r\ntitle: Windows\r\n---\r\nline 1\r\nline 2\r\n');
    expect(parsed).toEqual({
      kind: 'fields',
      data: { title: 'Windows' },
      body: 'line 1\nline 2\n',
    });
  });

  it('reads TOML front matter (smol-toml): strings, arrays over several lines, dates, comments, tables', () => {
    const text = [
      '+++',
      'title = "A \\"TOML\\" post" # a comment',
      "slug = 'literal\\path'",
      'tags = [',
      '  "go, pprof",',
      "  'heap',",
      ']',
      'date = 2024-04-01T10:00:00Z',
      'draft = true',
      'weight = 1_000',
      '[params]',
      'title = "not the title"',
      '+++',
      'Body.',
    ].join('\n');
    expect(parseFrontMatter(text)).toEqual({
      kind: 'fields',
      data: {
        title: 'A "TOML" post',
        slug: 'literal\\path',
        tags: ['go, pprof', 'heap'],
        date: new Date('2024-04-01T10:00:00Z'),
        draft: true,
        weight: 1000,
        params: { title: 'not the title' },
      },
      body: 'Body.',
    });
  });

  it('reads static Pugo’s JSON object head', () => {
    expect(parseFrontMatter('{\n  "Title": "J",\n  "tags": ["a"]\n}\nBody')).toEqual({
      kind: 'fields',
      data: { title: 'J', tags: ['a'] },
      body: 'Body',
    });
  });

  it('finds no front matter in plain markdown, even one starting with a thematic break', () => {
    expect(parseFrontMatter('# Just markdown\n')).toEqual({ kind: 'none' });
    expect(parseFrontMatter('---\n\nA paragraph after a rule.\n')).toEqual({ kind: 'none' });
    expect(parseFrontMatter('-----\nBetween rules\n-----\n')).toEqual({ kind: 'none' });
    expect(parseFrontMatter('')).toEqual({ kind: 'none' });
  });

  it.each([
    ['---\ntitle: a: b\n---\n', /^the front matter is not valid YAML: .* at line 2, column 9$/],
    ['---\ntags: [unclosed\n---\n', /^the front matter is not valid YAML: /],
    ['+++\ntitle = \n+++\n', /^the front matter is not valid TOML: .* on line 2$/],
    ['+++\nx = 1\nx = 2\n+++\n', /^the front matter is not valid TOML: .* on line 3$/],
    ['{\n  "title": \n}\n', /^the front matter is not valid JSON: /],
    ['---\n- a\n- b\n---\n', /^the front matter is not a set of fields/],
    ['---\njust words\n---\n', /^the front matter is not a set of fields/],
    ['---coffee\nx: 1\n---\n', /^the front matter is in "coffee": write it in YAML, TOML or JSON$/],
  ])('says why %j cannot be read', (text, reason) => {
    const parsed = parseFrontMatter(text);
    expect(parsed).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('never evaluates JavaScript front matter (gray-matter’s ---js engine uses eval)', () => {
    const key = '__pugoImportRan';
    const text = `---js\n({ title: (globalThis.${key} = 'ran') })\n---\nbody\n`;
    expect(parseFrontMatter(text)).toMatchObject({ kind: 'invalid' });
    expect(parseFrontMatter(text.replace('---js', '---javascript'))).toMatchObject({
      kind: 'invalid',
    });
    expect((globalThis as Record<string, unknown>)[key]).toBeUndefined();
  });

  it('leaves nothing in gray-matter’s module-level cache', () => {
    const cache = () => (matter as unknown as { cache: Record<string, unknown> }).cache;
    for (let i = 0; i < 50; i++) parseFrontMatter(`---\ntitle: Post ${i}\n---\nbody ${i}\n`);
    expect(Object.keys(cache())).toEqual([]);
  });
});

describe('importMarkdownFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pugo-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const files: Record<string, string> = {
    'a-bad-yaml.md': '---\ntitle: Broken: yes: no\n---\nNever imported.\n',
    'issue.md': '---\ntitle: "Issue #42"\ntags: ["leaks, memory", go]\n---\nQuoted.\n',
    'string-tags.md': '---\ntitle: String tags\ntags: go, pprof\ncategories: debugging\n---\nx\n',
    'crlf.md': '---\r\ntitle: CRLF post\r\ndate: 2024-02-03\r\n---\r\nOne\r\n\r\nTwo\r\n',
    'draft.md': '---\ntitle: A draft\ndraft: true\n---\nNot yet.\n',
    'posts/2023-12-24-jekyll-zone.md':
      '---\ntitle: Jekyll with a zone\ndate: 2023-12-24 10:00:00 +0100\n---\nx\n',
    'posts/2022-05-06-name-date.md': '---\ntitle: Dated by its name\n---\nx\n',
    'posts/bad-date.md': '---\ntitle: Bad date\ndate: someday\n---\nx\n',
    'toml.md': '+++\ntitle = "TOML too"\ntags = [\n  "a",\n  "b",\n]\n+++\nx\n',
    'z-bad-toml.md': '+++\ntitle = "unterminated\n+++\nx\n',
  };

  it('imports what it can read and names each file it skipped with the reason', async () => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const storage = await openStorage({ url: ':memory:' });
    try {
      const now = new Date('2025-01-01T00:00:00Z');
      const report = await importMarkdownFolder(storage, dir, { now });
      expect(report.skipped).toEqual([
        {
          file: 'a-bad-yaml.md',
          reason: expect.stringMatching(/^the front matter is not valid YAML: .*line 2/),
        },
        { file: 'posts/bad-date.md', reason: 'the date "someday" is not a date' },
        {
          file: 'z-bad-toml.md',
          reason: expect.stringMatching(/^the front matter is not valid TOML: .* on line 2$/),
        },
      ]);
      expect(report.imported.map((i) => i.file)).toEqual([
        'crlf.md',
        'draft.md',
        'issue.md',
        'posts/2022-05-06-name-date.md',
        'posts/2023-12-24-jekyll-zone.md',
        'string-tags.md',
        'toml.md',
      ]);
      const post = async (slug: string) => {
        const found = await storage.posts.findBySlug(slug);
        if (!found) throw new Error(`no post ${slug}`);
        return found;
      };
      const issue = await post('issue-42');
      expect(issue.title).toBe('Issue #42');
      expect(issue.tags.map((t) => t.name).sort()).toEqual(['go', 'leaks, memory']);
      expect((await post('string-tags')).tags.map((t) => t.name).sort()).toEqual([
        'debugging',
        'go',
        'pprof',
      ]);
      const crlf = await post('crlf-post');
      expect(crlf.source).toBe('One\n\nTwo\n');
      expect(crlf.publishedAt?.toISOString()).toBe('2024-02-03T00:00:00.000Z');
      const draft = await post('a-draft');
      expect([draft.status, draft.publishedAt]).toEqual(['draft', null]);
      expect((await post('jekyll-zone')).publishedAt?.toISOString()).toBe(
        '2023-12-24T09:00:00.000Z',
      );
      expect((await post('name-date')).publishedAt?.toISOString()).toBe('2022-05-06T00:00:00.000Z');
      expect((await post('toml-too')).tags.map((t) => t.name).sort()).toEqual(['a', 'b']);
    } finally {
      await storage.close();
    }
  });
});

describe('the import screen', () => {
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

  it('imports a folder of Hugo, Jekyll and Pugo markdown, reporting what it skipped and why', async () => {
    const res = await c.request('POST', '/admin/import', {
      form: { _csrf: csrf, folder: FIXTURES },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('4 imported, 3 skipped');
    expect(res.body).toContain('no-front-matter.md: no front matter');
    expect(res.body).toContain('no-title.md: no title in the front matter');
    expect(res.body).toContain('notes.txt: not a markdown file');
    const hugo = await blog.storage.posts.findBySlug('finding-the-leak-with-pprof');
    expect(hugo?.status).toBe('published');
    expect(hugo?.publishedAt?.toISOString()).toBe('2024-03-05T10:00:00.000Z');
    expect(hugo?.tags.map((t) => t.name)).toEqual(['debugging', 'go', 'pprof']);
    expect(hugo?.excerpt).toContain('228 MB');
    expect((await blog.storage.posts.findBySlug('toml-post'))?.status).toBe('draft');
    const jekyll = await blog.storage.posts.findBySlug('jekyll-christmas');
    expect(jekyll?.publishedAt?.toISOString().slice(0, 10)).toBe('2023-12-24');
    expect((await blog.storage.posts.findBySlug('static-pugo'))?.tags.map((t) => t.name)).toEqual([
      'pugo',
      'static',
    ]);
    // Importing again skips every post: their slugs exist.
    const again = await c.request('POST', '/admin/import', {
      form: { _csrf: csrf, folder: FIXTURES },
    });
    expect(again.body).toContain('0 imported, 7 skipped');
    expect(again.body).toContain('already exists');
    const missing = await c.request('POST', '/admin/import', {
      form: { _csrf: csrf, folder: join(FIXTURES, 'nope') },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('cannot read the folder');
  });

  it('shows a file whose front matter is not valid YAML by name, and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pugo-import-route-'));
    try {
      writeFileSync(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nx\n');
      writeFileSync(join(dir, 'fine.md'), '---\ntitle: Fine & dandy\n---\nx\n');
      const res = await c.request('POST', '/admin/import', { form: { _csrf: csrf, folder: dir } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('1 imported, 1 skipped');
      expect(res.body).toMatch(/broken\.md: the front matter is not valid YAML: [^<]+line 3/);
      expect(res.body).toContain('Fine &amp; dandy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
