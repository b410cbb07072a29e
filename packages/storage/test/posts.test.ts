import { describe, expect, it } from 'vitest';
import { type Clock, kinds, post, rejection, snapshot } from './helpers.js';

const day = 86_400_000;

describe.each(kinds)('posts on %s', (_, open) => {
  it('creates a post with tags and reads it back by id and slug', async () => {
    const storage = await open();
    const created = await storage.posts.create(post('hello', { tags: ['Go', 'pprof', 'go '] }));
    expect(created).toMatchObject({
      title: 'Title hello',
      slug: 'hello',
      source: 'Source of hello',
      html: '<p>Source of hello</p>',
      status: 'draft',
      commentStatus: 'open',
      publishedAt: null,
      hits: 0,
      commentCount: 0,
    });
    expect(created.tags.map((t) => t.slug)).toEqual(['go', 'pprof']);
    expect(await storage.posts.get(created.id)).toEqual(created);
    expect(await storage.posts.findBySlug('hello')).toEqual(created);
    expect(await storage.posts.find(999)).toBeUndefined();
    expect(await storage.posts.findBySlug('nope')).toBeUndefined();
  });

  it('dates a post when it is published and keeps the date on later edits', async () => {
    const clock: Clock = { now: new Date('2026-01-01T10:00:00.000Z') };
    const storage = await open({ clock });
    const draft = await storage.posts.create(post('a'));
    clock.now = new Date('2026-01-02T10:00:00.000Z');
    const published = await storage.posts.update(draft.id, { status: 'published' });
    expect(published.publishedAt).toEqual(clock.now);
    clock.now = new Date('2026-01-03T10:00:00.000Z');
    const edited = await storage.posts.update(draft.id, { title: 'New title', tags: ['X'] });
    expect(edited.publishedAt).toEqual(new Date('2026-01-02T10:00:00.000Z'));
    expect(edited.updatedAt).toEqual(clock.now);
    expect(edited.tags.map((t) => t.name)).toEqual(['X']);
    expect((await storage.posts.update(draft.id, { tags: [] })).tags).toEqual([]);
  });

  it('pages published posts newest first, with tags and approved comment counts', async () => {
    const clock: Clock = { now: new Date('2026-06-01T00:00:00.000Z') };
    const storage = await open({ clock });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await storage.posts.create(
        post(`p${i}`, {
          status: 'published',
          publishedAt: new Date(Date.parse('2026-05-01T00:00:00.000Z') + i * day),
          tags: [`t${i % 2}`],
        }),
      );
      ids.push(p.id);
    }
    await storage.posts.create(post('draft'));
    await storage.posts.create(
      post('future', { status: 'published', publishedAt: '2026-07-01T00:00:00.000Z' }),
    );
    await storage.posts.create(
      post('trashed', { status: 'trashed', publishedAt: '2026-05-20T00:00:00.000Z' }),
    );
    for (const status of ['approved', 'approved', 'pending', 'spam'] as const) {
      await storage.comments.create({
        postId: ids[4]!,
        authorName: 'R',
        authorEmail: 'r@x.io',
        body: 'hi',
        status,
      });
    }

    const first = await storage.posts.listPublished({ pageSize: 2 });
    expect(first.items.map((p) => p.slug)).toEqual(['p4', 'p3']);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(first.items[0]!.commentCount).toBe(2);
    expect(first.items[0]!.tags.map((t) => t.slug)).toEqual(['t0']);
    expect(first.items[0]).not.toHaveProperty('source');
    expect(
      (await storage.posts.listPublished({ page: 3, pageSize: 2 })).items.map((p) => p.slug),
    ).toEqual(['p0']);
    expect((await storage.posts.listPublished({ page: 9, pageSize: 2 })).items).toEqual([]);

    // The scheduled post appears once its time has come.
    clock.now = new Date('2026-07-02T00:00:00.000Z');
    expect((await storage.posts.listPublished()).items[0]!.slug).toBe('future');
  });

  it('rejects bad paging with PUGO_ERR_INVALID_INPUT', async () => {
    const storage = await open();
    for (const request of [
      { page: 0 },
      { page: -1 },
      { page: 1.5 },
      { pageSize: 0 },
      { pageSize: 5000 },
    ]) {
      expect((await rejection(storage.posts.listPublished(request))).code).toBe(
        'PUGO_ERR_INVALID_INPUT',
      );
    }
  });

  it('finds only visible posts by slug for readers', async () => {
    const clock: Clock = { now: new Date('2026-06-01T00:00:00.000Z') };
    const storage = await open({ clock });
    await storage.posts.create(post('live', { status: 'published' }));
    await storage.posts.create(post('draft'));
    await storage.posts.create(
      post('later', { status: 'published', publishedAt: '2026-06-02T00:00:00.000Z' }),
    );
    expect((await storage.posts.findPublishedBySlug('live'))?.slug).toBe('live');
    expect(await storage.posts.findPublishedBySlug('draft')).toBeUndefined();
    expect(await storage.posts.findPublishedBySlug('later')).toBeUndefined();
    expect((await storage.posts.findPublishedBySlug('later', new Date('2026-06-03')))?.slug).toBe(
      'later',
    );
    expect((await rejection(storage.posts.getPublishedBySlug('draft'))).code).toBe(
      'PUGO_ERR_NOT_FOUND',
    );
    expect((await storage.posts.getPublishedBySlug('live')).source).toBe('Source of live');
  });

  it('lists by tag, paged, and fails for an unknown tag', async () => {
    const storage = await open();
    for (let i = 0; i < 3; i++) {
      await storage.posts.create(
        post(`g${i}`, {
          status: 'published',
          publishedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
          tags: ['Go'],
        }),
      );
    }
    await storage.posts.create(post('n', { status: 'published', tags: ['Node.js'] }));
    await storage.posts.create(post('gd', { tags: ['Go'] }));
    const page = await storage.posts.listByTag('go', { pageSize: 2 });
    expect(page.tag).toMatchObject({ name: 'Go', slug: 'go' });
    expect(page.items.map((p) => p.slug)).toEqual(['g2', 'g1']);
    expect(page.total).toBe(3);
    expect((await storage.posts.listByTag('node-js')).items.map((p) => p.slug)).toEqual(['n']);
    expect((await rejection(storage.posts.listByTag('rust'))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('lists every post for the admin, filtered by status', async () => {
    const clock: Clock = { now: new Date('2026-06-01T00:00:00.000Z') };
    const storage = await open({ clock });
    await storage.posts.create(post('live', { status: 'published' }));
    await storage.posts.create(post('draft'));
    await storage.posts.create(
      post('later', { status: 'published', publishedAt: '2026-06-02T00:00:00.000Z' }),
    );
    await storage.posts.create(post('bin', { status: 'trashed' }));
    const slugs = async (status?: 'draft' | 'published' | 'trashed' | 'scheduled') =>
      (await storage.posts.list({ status })).items.map((p) => p.slug).sort();
    expect(await slugs()).toEqual(['draft', 'later', 'live']);
    expect(await slugs('published')).toEqual(['live']);
    expect(await slugs('scheduled')).toEqual(['later']);
    expect(await slugs('draft')).toEqual(['draft']);
    expect(await slugs('trashed')).toEqual(['bin']);
    expect((await storage.posts.list({ status: 'trashed' })).total).toBe(1);
  });

  it('groups the archive by year and month, newest first', async () => {
    const storage = await open({ clock: { now: new Date('2026-12-31T00:00:00.000Z') } });
    for (const [slug, at] of [
      ['a', '2025-12-05T00:00:00.000Z'],
      ['b', '2026-01-10T00:00:00.000Z'],
      ['c', '2026-01-20T00:00:00.000Z'],
      ['d', '2026-03-01T00:00:00.000Z'],
    ] as const) {
      await storage.posts.create(post(slug, { status: 'published', publishedAt: at }));
    }
    await storage.posts.create(post('draft'));
    const archive = await storage.posts.archive();
    expect(archive.map((m) => [m.year, m.month, m.count])).toEqual([
      [2026, 3, 1],
      [2026, 1, 2],
      [2025, 12, 1],
    ]);
    expect(archive[1]!.posts.map((p) => p.slug)).toEqual(['c', 'b']);
  });

  it('lists the slugs readers can see, newest first, with their last change (the sitemap)', async () => {
    const clock: Clock = { now: new Date('2026-03-01T00:00:00.000Z') };
    const storage = await open({ clock });
    for (const [slug, at] of [
      ['old', '2026-01-01T00:00:00.000Z'],
      ['new', '2026-02-01T00:00:00.000Z'],
      ['future', '2026-04-01T00:00:00.000Z'],
    ] as const) {
      await storage.posts.create(post(slug, { status: 'published', publishedAt: at }));
    }
    await storage.posts.create(post('draft'));
    const trashed = await storage.posts.create(
      post('bin', { status: 'published', publishedAt: '2026-01-15T00:00:00.000Z' }),
    );
    await storage.posts.trash(trashed.id);
    clock.now = new Date('2026-03-02T00:00:00.000Z');
    const edited = await storage.posts.create(
      post('edited', { status: 'published', publishedAt: '2025-12-01T00:00:00.000Z' }),
    );
    clock.now = new Date('2026-03-03T00:00:00.000Z');
    await storage.posts.update(edited.id, { title: 'Edited later' });

    expect(await storage.posts.publishedSlugs()).toEqual([
      { slug: 'new', updatedAt: new Date('2026-03-01T00:00:00.000Z') },
      { slug: 'old', updatedAt: new Date('2026-03-01T00:00:00.000Z') },
      { slug: 'edited', updatedAt: new Date('2026-03-03T00:00:00.000Z') },
    ]);
    expect((await storage.posts.publishedSlugs({ limit: 1 })).map((p) => p.slug)).toEqual(['new']);
    const later = await storage.posts.publishedSlugs({ now: new Date('2026-05-01T00:00:00.000Z') });
    expect(later.map((p) => p.slug)).toEqual(['future', 'new', 'old', 'edited']);
    for (const limit of [0, 1.5, 50_001]) {
      expect((await rejection(storage.posts.publishedSlugs({ limit }))).code).toBe(
        'PUGO_ERR_INVALID_INPUT',
      );
    }
  });

  it('counts posts in every status', async () => {
    const storage = await open();
    expect(await storage.posts.count()).toBe(0);
    await storage.posts.create(post('draft'));
    await storage.posts.create(post('published', { status: 'published' }));
    const bin = await storage.posts.create(post('bin'));
    await storage.posts.trash(bin.id);
    expect(await storage.posts.count()).toBe(3);
    await storage.posts.delete(bin.id);
    expect(await storage.posts.count()).toBe(2);
  });

  it('links to the previous and next published posts', async () => {
    const storage = await open({ clock: { now: new Date('2026-12-31T00:00:00.000Z') } });
    const same = '2026-02-01T00:00:00.000Z';
    const a = await storage.posts.create(
      post('a', { status: 'published', publishedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const b = await storage.posts.create(post('b', { status: 'published', publishedAt: same }));
    await storage.posts.create(post('hidden', { publishedAt: '2026-02-15T00:00:00.000Z' }));
    const c = await storage.posts.create(post('c', { status: 'published', publishedAt: same }));
    expect(await storage.posts.adjacent(b.id)).toEqual({
      previous: {
        id: a.id,
        title: 'Title a',
        slug: 'a',
        publishedAt: new Date('2026-01-01T00:00:00.000Z'),
      },
      next: { id: c.id, title: 'Title c', slug: 'c', publishedAt: new Date(same) },
    });
    expect((await storage.posts.adjacent(a.id)).previous).toBeNull();
    expect((await storage.posts.adjacent(c.id)).next).toBeNull();
    expect((await rejection(storage.posts.adjacent(999))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('counts hits', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('hits'));
    expect(await storage.posts.incrementHits(p.id)).toBe(1);
    expect(await storage.posts.incrementHits(p.id, 5)).toBe(6);
    await Promise.all(Array.from({ length: 20 }, () => storage.posts.incrementHits(p.id)));
    expect((await storage.posts.get(p.id)).hits).toBe(26);
    expect((await rejection(storage.posts.incrementHits(999))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('trashes, restores and deletes, cascading to comments and tag links', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('bye', { status: 'published', tags: ['x'] }));
    await storage.comments.create({
      postId: p.id,
      authorName: 'R',
      authorEmail: 'r@x.io',
      body: 'hi',
    });
    expect((await storage.posts.trash(p.id)).status).toBe('trashed');
    expect((await storage.posts.restore(p.id)).status).toBe('draft');
    expect((await storage.posts.setStatus(p.id, 'published')).status).toBe('published');
    await storage.posts.delete(p.id);
    expect(await storage.posts.find(p.id)).toBeUndefined();
    expect(storage.raw.prepare('select count(*) as n from comments').get()).toEqual({ n: 0 });
    expect(storage.raw.prepare('select count(*) as n from post_tags').get()).toEqual({ n: 0 });
    expect((await rejection(storage.posts.delete(p.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.posts.update(p.id, { title: 'x' }))).code).toBe(
      'PUGO_ERR_NOT_FOUND',
    );
    expect((await rejection(storage.posts.get(p.id))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('rejects a taken slug with PUGO_ERR_SLUG_TAKEN and changes nothing', async () => {
    const storage = await open();
    await storage.posts.create(post('taken', { tags: ['a'] }));
    const other = await storage.posts.create(post('other'));
    const before = snapshot(storage);
    const error = await rejection(storage.posts.create(post('taken', { tags: ['new-tag'] })));
    expect(error).toMatchObject({ name: 'StorageError', code: 'PUGO_ERR_SLUG_TAKEN' });
    expect(error.message).toMatch(/the slug "taken" is already taken/);
    expect(
      (await rejection(storage.posts.update(other.id, { slug: 'taken', tags: ['b'] }))).code,
    ).toBe('PUGO_ERR_SLUG_TAKEN');
    expect(snapshot(storage)).toEqual(before);
  });

  it('rejects an author that does not exist with PUGO_ERR_FOREIGN_KEY and changes nothing', async () => {
    const storage = await open();
    const before = snapshot(storage);
    const error = await rejection(
      storage.posts.create(post('orphan', { authorId: 42, tags: ['t'] })),
    );
    expect(error.code).toBe('PUGO_ERR_FOREIGN_KEY');
    expect(error.message).toMatch(/user/);
    expect(snapshot(storage)).toEqual(before);
  });

  it('rejects bad fields with PUGO_ERR_INVALID_INPUT', async () => {
    const storage = await open();
    const bad = [
      post('x', { status: 'live' }),
      post('x', { commentStatus: 'maybe' }),
      post('x', { title: '  ' }),
      post('a b'),
      post('../etc'),
      post(''),
      post('x', { publishedAt: 'not a date' }),
      post('x', { tags: ['!!!'] }),
    ];
    for (const input of bad) {
      expect((await rejection(storage.posts.create(input as never))).code).toBe(
        'PUGO_ERR_INVALID_INPUT',
      );
    }
    expect((await storage.posts.list()).total).toBe(0);
  });
});
