import { describe, expect, it } from 'vitest';
import {
  errorMessages,
  isStorageError,
  StorageError,
  seedSampleContent,
  slugify,
} from '../src/index.js';
import { writeLockCount } from '../src/write-lock.js';
import { open, openFile, rejection } from './helpers.js';

describe('the error table', () => {
  it('has a PUGO_ERR_ code and a message that says what failed and what to do for every entry', () => {
    for (const [code, template] of Object.entries(errorMessages)) {
      expect(code).toMatch(/^PUGO_ERR_[A-Z_]+$/);
      const message = (template as (p: Record<string, string>) => string)(
        new Proxy({}, { get: (_, key) => `<${String(key)}>` }),
      );
      expect(message, code).toMatch(/failed/);
      expect(message, code).toMatch(/;|: /);
    }
  });

  it('throws StorageError instances that never leak a raw SQLite error', async () => {
    const storage = await open();
    await storage.posts.create({ title: 't', slug: 's', source: '', html: '' });
    const error = await rejection(
      storage.posts.create({ title: 't', slug: 's', source: '', html: '' }),
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(isStorageError(error, 'PUGO_ERR_SLUG_TAKEN')).toBe(true);
    expect(isStorageError(error, 'PUGO_ERR_NOT_FOUND')).toBe(false);
    expect((error as StorageError).details).toEqual({ table: 'post', slug: 's' });
    expect(error.message).not.toMatch(/SQLITE|constraint/i);
    expect((error as Error).cause).toBeDefined();
  });
});

describe('slugify', () => {
  it('keeps letters and digits of any script and joins the rest with dashes', () => {
    expect(slugify('Hello, World!')).toBe('hello-world');
    expect(slugify('  Go & Node.js  ')).toBe('go-node-js');
    expect(slugify('Hello, 世界')).toBe('hello-世界');
    expect(slugify('Ｆｕｌｌ width')).toBe('full-width');
    expect(slugify('!!!')).toBe('');
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

describe('write locks', () => {
  it('are released when the last storage on a file closes', async () => {
    const before = writeLockCount();
    const a = await openFile();
    const path = a.path!;
    const { openStorage } = await import('../src/index.js');
    const b = await openStorage({ url: path });
    expect(writeLockCount()).toBe(before + 1);
    await b.close();
    expect(writeLockCount()).toBe(before + 1);
    await a.close();
    expect(writeLockCount()).toBe(before);
  });
});

describe('queryTemplate', () => {
  it('compiles once and runs with new parameter values, keeping constants', async () => {
    const { queryTemplate } = await import('../src/query-template.js');
    const storage = await open();
    await storage.tags.create('Go');
    await storage.tags.create('Node');
    let builds = 0;
    const bySlug = queryTemplate<{ slug: string }, { name: string }>((db, p) => {
      builds++;
      return db
        .selectFrom('tags')
        .select('name')
        .where('slug', '=', p('slug'))
        .where('name', '<>', 'constant');
    });
    expect(await bySlug(storage.db, { slug: 'go' })).toEqual([{ name: 'Go' }]);
    expect(await bySlug(storage.db, { slug: 'node' })).toEqual([{ name: 'Node' }]);
    expect(await bySlug(storage.db, { slug: 'rust' })).toEqual([]);
    expect(builds).toBe(1);
  });
});
