import { describe, expect, it } from 'vitest';
import { kinds, post, rejection, snapshot } from './helpers.js';

const about = { title: 'About', slug: 'about', source: '# About', html: '<h1>About</h1>' };

describe.each(kinds)('pages, tags, media, activity and the dashboard on %s', (_, open) => {
  it('does CRUD on pages and builds the menu', async () => {
    const storage = await open();
    const a = await storage.pages.create({ ...about, inMenu: true, menuOrder: 2 });
    expect(a).toMatchObject({
      status: 'published',
      commentStatus: 'closed',
      template: 'page',
      inMenu: true,
      menuOrder: 2,
    });
    const c = await storage.pages.create({
      title: 'Contact',
      slug: 'contact',
      source: '',
      html: '',
      inMenu: true,
      menuOrder: 1,
    });
    await storage.pages.create({
      title: 'Hidden',
      slug: 'hidden',
      source: '',
      html: '',
      status: 'draft',
      inMenu: true,
    });
    await storage.pages.create({ title: 'Legal', slug: 'legal', source: '', html: '' });
    expect((await storage.pages.menu()).map((p) => p.slug)).toEqual(['contact', 'about']);
    expect((await storage.pages.list()).items.map((p) => p.slug)).toEqual([
      'hidden',
      'legal',
      'contact',
      'about',
    ]);
    expect((await storage.pages.list({ status: 'draft' })).total).toBe(1);
    expect(await storage.pages.findPublishedBySlug('hidden')).toBeUndefined();
    expect((await storage.pages.findBySlug('hidden'))?.status).toBe('draft');
    expect((await storage.pages.findPublishedBySlug('about'))?.html).toBe('<h1>About</h1>');
    const edited = await storage.pages.update(c.id, {
      inMenu: false,
      template: 'contact',
      title: 'Write to us',
    });
    expect(edited).toMatchObject({ inMenu: false, template: 'contact', title: 'Write to us' });
    expect(await storage.pages.get(c.id)).toEqual(edited);
    await storage.pages.delete(c.id);
    expect(await storage.pages.find(c.id)).toBeUndefined();
    expect((await rejection(storage.pages.get(c.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.pages.update(c.id, {}))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.pages.delete(c.id))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('lists the slugs of published pages with their last change (the sitemap)', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const storage = await open({ clock });
    const a = await storage.pages.create(about);
    await storage.pages.create({ ...about, slug: 'draft', status: 'draft' });
    await storage.pages.create({ ...about, slug: 'legal' });
    clock.now = new Date('2026-02-01T00:00:00.000Z');
    await storage.pages.update(a.id, { title: 'About us' });
    expect(await storage.pages.publishedSlugs()).toEqual([
      { slug: 'about', updatedAt: new Date('2026-02-01T00:00:00.000Z') },
      { slug: 'legal', updatedAt: new Date('2026-01-01T00:00:00.000Z') },
    ]);
    expect((await storage.pages.publishedSlugs({ limit: 1 })).map((p) => p.slug)).toEqual([
      'about',
    ]);
    expect((await rejection(storage.pages.publishedSlugs({ limit: 0 }))).code).toBe(
      'PUGO_ERR_INVALID_INPUT',
    );
  });

  it('rejects a taken page slug with PUGO_ERR_SLUG_TAKEN, changing nothing', async () => {
    const storage = await open();
    await storage.pages.create(about);
    const before = snapshot(storage);
    const error = await rejection(storage.pages.create(about));
    expect(error.code).toBe('PUGO_ERR_SLUG_TAKEN');
    expect(error.message).toMatch(/saving the page failed: the slug "about"/);
    expect(snapshot(storage)).toEqual(before);
  });

  it('lists tags with visible post counts, renames, and deletes them', async () => {
    const storage = await open();
    await storage.posts.create(post('a', { status: 'published', tags: ['Go', 'Memory'] }));
    await storage.posts.create(post('b', { status: 'published', tags: ['Go'] }));
    await storage.posts.create(post('c', { tags: ['Memory'] }));
    const empty = await storage.tags.create('Empty tag');
    expect(empty.slug).toBe('empty-tag');
    expect((await storage.tags.list()).map((t) => [t.slug, t.postCount])).toEqual([
      ['empty-tag', 0],
      ['go', 2],
      ['memory', 1],
    ]);
    expect(
      (await storage.tags.list({ all: true })).find((t) => t.slug === 'memory')?.postCount,
    ).toBe(2);
    const go = await storage.tags.getBySlug('go');
    expect(await storage.tags.update(go.id, { name: 'Golang', slug: 'golang' })).toEqual({
      id: go.id,
      name: 'Golang',
      slug: 'golang',
    });
    expect((await storage.posts.findBySlug('b'))?.tags).toEqual([
      { id: go.id, name: 'Golang', slug: 'golang' },
    ]);
    expect((await rejection(storage.tags.create('Memory'))).code).toBe('PUGO_ERR_SLUG_TAKEN');
    expect((await rejection(storage.tags.create('???'))).code).toBe('PUGO_ERR_INVALID_INPUT');
    expect(await storage.tags.deleteUnused()).toBe(1);
    await storage.tags.delete(go.id);
    expect(await storage.tags.findBySlug('golang')).toBeUndefined();
    expect((await storage.posts.findBySlug('b'))?.tags).toEqual([]);
    expect((await rejection(storage.tags.delete(go.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.tags.getBySlug('golang'))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('records media rows, finds by content hash, lists newest first, deletes returning the row', async () => {
    const storage = await open();
    const user = await storage.users.create({ name: 'A', email: 'a@x.io', passwordHash: 'h' });
    const file = {
      originalName: 'cat.png',
      storedPath: '2026/01/abc.png',
      mime: 'image/png',
      size: 1234,
      sha256: 'ABC',
    };
    const m = await storage.media.create({ ...file, uploadedBy: user.id });
    expect(m).toMatchObject({ ...file, sha256: 'abc', uploadedBy: user.id });
    expect(await storage.media.get(m.id)).toEqual(m);
    expect(await storage.media.findBySha256('ABC')).toEqual(m);
    expect(await storage.media.findBySha256('def')).toBeUndefined();
    const n = await storage.media.create({ ...file, storedPath: '2026/01/def.png', sha256: 'def' });
    expect((await storage.media.list()).items.map((x) => x.id)).toEqual([n.id, m.id]);
    const before = snapshot(storage);
    expect((await rejection(storage.media.create(file))).code).toBe('PUGO_ERR_DUPLICATE');
    expect(
      (await rejection(storage.media.create({ ...file, storedPath: 'x', uploadedBy: 999 }))).code,
    ).toBe('PUGO_ERR_FOREIGN_KEY');
    expect(
      (await rejection(storage.media.create({ ...file, storedPath: 'y', size: -1 }))).code,
    ).toBe('PUGO_ERR_INVALID_INPUT');
    expect(snapshot(storage)).toEqual(before);
    expect(await storage.media.delete(m.id)).toEqual(m);
    expect((await rejection(storage.media.delete(m.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.media.get(m.id))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('keeps the activity feed newest first, paged and filtered, with actor names', async () => {
    const storage = await open({ clock: { now: new Date('2026-01-10T00:00:00.000Z') } });
    const user = await storage.users.create({ name: 'Alice', email: 'a@x.io', passwordHash: 'h' });
    const first = await storage.activity.record({
      action: 'post.created',
      subjectType: 'post',
      subjectId: 1,
      actorId: user.id,
      summary: 'Hello',
      at: new Date('2026-01-01T00:00:00.000Z'),
    });
    expect(first).toMatchObject({
      action: 'post.created',
      actorName: 'Alice',
      summary: 'Hello',
      subjectId: 1,
    });
    await storage.activity.record({
      action: 'comment.posted',
      subjectType: 'comment',
      subjectId: 7,
    });
    await storage.activity.record({ action: 'backup.made', subjectType: 'backup' });
    const feed = await storage.activity.list({ pageSize: 2 });
    expect(feed.items.map((a) => a.action)).toEqual(['backup.made', 'comment.posted']);
    expect(feed).toMatchObject({ total: 3, pageCount: 2 });
    expect(feed.items[1]).toMatchObject({ actorId: null, actorName: null, summary: '' });
    expect((await storage.activity.list({ subjectType: 'post' })).items).toEqual([first]);
    expect(
      (await rejection(storage.activity.record({ action: 'x', subjectType: 'y', actorId: 999 })))
        .code,
    ).toBe('PUGO_ERR_FOREIGN_KEY');
    expect((await rejection(storage.activity.record({ action: '', subjectType: 'y' }))).code).toBe(
      'PUGO_ERR_INVALID_INPUT',
    );
    expect(await storage.activity.purgeOlderThan(new Date('2026-01-05T00:00:00.000Z'))).toBe(1);
    expect((await storage.activity.list()).total).toBe(2);
  });

  it('counts everything for the dashboard in one call', async () => {
    const storage = await open({ clock: { now: new Date('2026-01-10T00:00:00.000Z') } });
    const live = await storage.posts.create(
      post('live', { status: 'published', tags: ['a', 'b'] }),
    );
    await storage.posts.create(
      post('later', { status: 'published', publishedAt: '2026-02-01T00:00:00.000Z' }),
    );
    await storage.posts.create(post('d1'));
    await storage.posts.create(post('d2'));
    await storage.posts.create(post('bin', { status: 'trashed' }));
    await storage.pages.create(about);
    await storage.pages.create({ ...about, slug: 'old', status: 'trashed' });
    const on = { postId: live.id, authorName: 'R', authorEmail: 'r@x.io', body: 'b' };
    for (const status of ['pending', 'pending', 'approved', 'spam', 'trashed'] as const) {
      await storage.comments.create({ ...on, status });
    }
    await storage.users.create({ name: 'A', email: 'a@x.io', passwordHash: 'h' });
    await storage.media.create({
      originalName: 'a',
      storedPath: 'a',
      mime: 'image/png',
      size: 1,
      sha256: 'a',
    });
    expect(await storage.dashboard.counts()).toEqual({
      posts: { published: 1, scheduled: 1, drafts: 2, trashed: 1 },
      pages: 1,
      comments: { pending: 2, approved: 1, spam: 1, trashed: 1 },
      users: 1,
      media: 1,
      tags: 2,
    });
  });

  it('runs a transaction all or nothing', async () => {
    const storage = await open();
    const before = snapshot(storage);
    const error = await rejection(
      storage.transaction(async (repos) => {
        const p = await repos.posts.create(post('in-tx', { tags: ['t'] }));
        await repos.activity.record({
          action: 'post.created',
          subjectType: 'post',
          subjectId: p.id,
        });
        await repos.posts.create(post('in-tx'));
      }),
    );
    expect(error.code).toBe('PUGO_ERR_SLUG_TAKEN');
    expect(snapshot(storage)).toEqual(before);
    const id = await storage.transaction(async (repos) => {
      const p = await repos.posts.create(post('kept', { status: 'published' }));
      // Reads inside the transaction see its own writes (compiled templates run on its connection).
      expect((await repos.posts.listPublished()).items.map((x) => x.id)).toEqual([p.id]);
      expect((await repos.posts.findPublishedBySlug('kept'))?.id).toBe(p.id);
      await repos.activity.record({ action: 'post.created', subjectType: 'post', subjectId: p.id });
      return p.id;
    });
    expect((await storage.posts.get(id)).slug).toBe('kept');
    expect((await storage.activity.list()).items[0]?.subjectId).toBe(id);
  });
});

describe('transactions', () => {
  it('refuse the storage’s own repositories inside the callback instead of hanging', async () => {
    const { open } = await import('./helpers.js');
    const storage = await open();
    const error = await rejection(
      storage.transaction(async () => {
        await storage.posts.create(post('inside'));
      }),
    );
    expect(error.code).toBe('PUGO_ERR_INVALID_INPUT');
    expect(error.message).toMatch(/use the repositories the callback receives/);
    const read = await rejection(storage.transaction(() => storage.posts.list()));
    expect(read.code).toBe('PUGO_ERR_INVALID_INPUT');
    // After the transaction, the storage works as before.
    expect((await storage.posts.create(post('after'))).slug).toBe('after');
  });
});
