import { describe, expect, it } from 'vitest';
import { kinds, post } from './helpers.js';

describe.each(kinds)('search on %s', (_, open) => {
  it('ranks a title hit above a body hit, with escaped, marked-up highlights', async () => {
    const storage = await open();
    await storage.posts.create(
      post('body', {
        title: 'Unrelated',
        source: 'Once the heap grew, a leak showed <b>up</b>.',
        status: 'published',
      }),
    );
    await storage.posts.create(
      post('title', { title: 'A leak in tango', source: 'Pools.', status: 'published' }),
    );
    const result = await storage.posts.search('leak');
    expect(result.total).toBe(2);
    expect(result.items.map((h) => h.post.slug)).toEqual(['title', 'body']);
    expect(result.items[0]!.titleHtml).toBe('A <mark>leak</mark> in tango');
    expect(result.items[1]!.snippetHtml).toBe(
      'Once the heap grew, a <mark>leak</mark> showed &lt;b&gt;up&lt;/b&gt;.',
    );
    expect(result.items[0]!.rank).toBeLessThan(result.items[1]!.rank);
    expect(result.items[0]!.post.tags).toEqual([]);
  });

  it('keeps the index in sync on insert, update and delete', async () => {
    const storage = await open();
    const p = await storage.posts.create(
      post('sync', { title: 'Goroutines', source: 'alpha', status: 'published' }),
    );
    expect((await storage.posts.search('alpha')).total).toBe(1);
    await storage.posts.update(p.id, { source: 'beta' });
    expect((await storage.posts.search('alpha')).total).toBe(0);
    expect((await storage.posts.search('beta')).items.map((h) => h.post.id)).toEqual([p.id]);
    await storage.posts.update(p.id, { title: 'Channels' });
    expect((await storage.posts.search('goroutines')).total).toBe(0);
    expect((await storage.posts.search('channels')).total).toBe(1);
    await storage.posts.update(p.id, { hits: 3 } as never);
    expect((await storage.posts.search('channels')).total).toBe(1);
    await storage.posts.delete(p.id);
    expect((await storage.posts.search('beta')).total).toBe(0);
    expect(
      storage.raw.prepare("select count(*) as n from posts_fts where posts_fts match 'beta'").get(),
    ).toEqual({ n: 0 });
  });

  it('treats every string as words: syntax characters never throw', async () => {
    const storage = await open();
    await storage.posts.create(
      post('near', {
        title: 'NEAR the pool',
        source: 'a "quoted" (pool) -x title:y',
        status: 'published',
      }),
    );
    const inputs = [
      '"',
      '""',
      '"unterminated',
      '*',
      'pool*',
      '(',
      ')',
      '(pool',
      'NEAR',
      'NEAR(pool the, 2)',
      'pool -x',
      '-',
      'title:pool',
      ':',
      'AND',
      'OR pool',
      'NOT',
      '^pool',
      '+',
      '{title}: pool',
      "'; drop table posts; --",
      '\u0000',
      '',
      '   ',
      '🙂',
      'a'.repeat(5000),
      Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '),
    ];
    for (const input of inputs) {
      const result = await storage.posts.search(input);
      expect(result.items.length).toBeLessThanOrEqual(1);
    }
    expect((await storage.posts.search('NEAR(pool the)')).total).toBe(1);
    expect((await storage.posts.search('title:pool')).total).toBe(1);
    expect((await storage.posts.search('author:pool')).total).toBe(0);
    expect((await storage.posts.search('(pool')).total).toBe(1);
    expect((await storage.posts.list()).total).toBe(1);
  });

  it('matches word beginnings with prefix and folds accents and stems', async () => {
    const storage = await open();
    await storage.posts.create(
      post('p', { title: 'Profiling', source: 'Café leaking', status: 'published' }),
    );
    expect((await storage.posts.search('prof')).total).toBe(0);
    expect((await storage.posts.search('prof', { prefix: true })).total).toBe(1);
    expect((await storage.posts.search('cafe')).total).toBe(1);
    expect((await storage.posts.search('leak')).total).toBe(1);
  });

  it('searches only what readers may see unless asked for everything', async () => {
    const storage = await open({ clock: { now: new Date('2026-01-01T00:00:00.000Z') } });
    await storage.posts.create(post('draft', { source: 'secret' }));
    await storage.posts.create(
      post('later', {
        source: 'secret',
        status: 'published',
        publishedAt: '2026-02-01T00:00:00.000Z',
      }),
    );
    await storage.posts.create(post('live', { source: 'secret', status: 'published' }));
    expect((await storage.posts.search('secret')).items.map((h) => h.post.slug)).toEqual(['live']);
    expect((await storage.posts.search('secret', { includeUnpublished: true })).total).toBe(3);
  });

  it('pages results', async () => {
    const storage = await open();
    for (let i = 0; i < 5; i++) {
      await storage.posts.create(
        post(`s${i}`, {
          source: 'pool pool',
          status: 'published',
          publishedAt: `2025-01-0${i + 1}T00:00:00.000Z`,
        }),
      );
    }
    const second = await storage.posts.search('pool', { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 });
    expect(second.items.map((h) => h.post.slug)).toEqual(['s2', 's1']);
  });
});
