import { describe, expect, it } from 'vitest';
import { kinds, post, rejection, snapshot } from './helpers.js';

const reader = { authorName: 'Reader', authorEmail: ' Reader@Example.COM ', body: 'Nice post' };

describe.each(kinds)('comments on %s', (_, open) => {
  it('creates, reads, edits and deletes a comment', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p'));
    const c = await storage.comments.create({
      postId: p.id,
      ...reader,
      authorUrl: 'https://r.example',
      ip: '127.0.0.1',
      userAgent: 'UA',
    });
    expect(c).toMatchObject({
      postId: p.id,
      pageId: null,
      parentId: null,
      authorName: 'Reader',
      authorEmail: 'reader@example.com',
      authorUrl: 'https://r.example',
      body: 'Nice post',
      status: 'pending',
      ip: '127.0.0.1',
      userAgent: 'UA',
    });
    expect(await storage.comments.get(c.id)).toEqual(c);
    expect((await storage.comments.update(c.id, { body: 'Edited' })).body).toBe('Edited');
    expect((await storage.comments.setStatus(c.id, 'approved')).status).toBe('approved');
    await storage.comments.delete(c.id);
    expect(await storage.comments.find(c.id)).toBeUndefined();
    expect((await rejection(storage.comments.get(c.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.comments.setStatus(c.id, 'spam'))).code).toBe(
      'PUGO_ERR_NOT_FOUND',
    );
    expect((await rejection(storage.comments.delete(c.id))).code).toBe('PUGO_ERR_NOT_FOUND');
  });

  it('builds the tree: approved only for readers (hidden parents hide replies), all for the admin', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p'));
    const on = { postId: p.id, ...reader };
    const root = await storage.comments.create({ ...on, body: 'root', status: 'approved' });
    const reply = await storage.comments.create({
      ...on,
      body: 'reply',
      parentId: root.id,
      status: 'approved',
    });
    await storage.comments.create({ ...on, body: 'deep', parentId: reply.id, status: 'approved' });
    const pending = await storage.comments.create({ ...on, body: 'pending', status: 'pending' });
    await storage.comments.create({
      ...on,
      body: 'under pending',
      parentId: pending.id,
      status: 'approved',
    });
    await storage.comments.create({ ...on, body: 'second root', status: 'approved' });

    const tree = await storage.comments.tree({ postId: p.id });
    const shape = (nodes: typeof tree): unknown =>
      nodes.map((n) => (n.replies.length === 0 ? n.body : { [n.body]: shape(n.replies) }));
    expect(shape(tree)).toEqual([{ root: [{ reply: ['deep'] }] }, 'second root']);
    expect(shape(await storage.comments.tree({ postId: p.id }, { all: true }))).toEqual([
      { root: [{ reply: ['deep'] }] },
      { pending: ['under pending'] },
      'second root',
    ]);
  });

  it('takes comments on pages too, and keeps replies on the same target', async () => {
    const storage = await open();
    const page = await storage.pages.create({
      title: 'About',
      slug: 'about',
      source: '',
      html: '',
    });
    const p = await storage.posts.create(post('p'));
    const c = await storage.comments.create({ pageId: page.id, ...reader, status: 'approved' });
    expect((await storage.comments.tree({ pageId: page.id })).map((n) => n.id)).toEqual([c.id]);
    const before = snapshot(storage);
    const wrong = await rejection(
      storage.comments.create({ postId: p.id, parentId: c.id, ...reader }),
    );
    expect(wrong.code).toBe('PUGO_ERR_INVALID_INPUT');
    expect(wrong.message).toMatch(/same post or page/);
    const both = await rejection(
      storage.comments.create({ postId: p.id, pageId: page.id, ...reader }),
    );
    expect(both.code).toBe('PUGO_ERR_INVALID_INPUT');
    expect((await rejection(storage.comments.create({ ...reader }))).code).toBe(
      'PUGO_ERR_INVALID_INPUT',
    );
    expect(snapshot(storage)).toEqual(before);
  });

  it('rejects a comment on nothing or under a missing parent with PUGO_ERR_FOREIGN_KEY', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p'));
    const before = snapshot(storage);
    expect((await rejection(storage.comments.create({ postId: 999, ...reader }))).code).toBe(
      'PUGO_ERR_FOREIGN_KEY',
    );
    expect((await rejection(storage.comments.create({ pageId: 999, ...reader }))).code).toBe(
      'PUGO_ERR_FOREIGN_KEY',
    );
    const parent = await rejection(
      storage.comments.create({ postId: p.id, parentId: 999, ...reader }),
    );
    expect(parent.code).toBe('PUGO_ERR_FOREIGN_KEY');
    expect(parent.message).toMatch(/parent comment/);
    expect(
      (await rejection(storage.comments.create({ postId: p.id, userId: 999, ...reader }))).code,
    ).toBe('PUGO_ERR_FOREIGN_KEY');
    expect(snapshot(storage)).toEqual(before);
  });

  it('rejects blank fields and unknown statuses with PUGO_ERR_INVALID_INPUT', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p'));
    for (const bad of [
      { body: ' ' },
      { authorName: '' },
      { authorEmail: '' },
      { status: 'nice' },
    ]) {
      const error = await rejection(
        storage.comments.create({ postId: p.id, ...reader, ...bad } as never),
      );
      expect(error.code).toBe('PUGO_ERR_INVALID_INPUT');
    }
    expect((await rejection(storage.comments.setStatusMany([1], 'x' as never))).code).toBe(
      'PUGO_ERR_INVALID_INPUT',
    );
  });

  it('moderates in bulk and lists for the admin, newest first, with what each is on', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p', { title: 'The post' }));
    const q = await storage.posts.create(post('q'));
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await storage.comments.create({ postId: p.id, ...reader, body: `c${i}` })).id);
    await storage.comments.create({ postId: q.id, ...reader, body: 'on q' });
    expect(await storage.comments.setStatusMany([ids[0]!, ids[1]!, 999], 'approved')).toBe(2);
    expect(await storage.comments.setStatusMany([ids[2]!], 'trashed')).toBe(1);
    expect(await storage.comments.setStatusMany([], 'spam')).toBe(0);

    const all = await storage.comments.list();
    expect(all.items.map((c) => c.body)).toEqual(['on q', 'c3', 'c1', 'c0']);
    expect(all.items[1]).toMatchObject({ targetTitle: 'The post', targetSlug: 'p' });
    expect((await storage.comments.list({ status: 'pending' })).items.map((c) => c.body)).toEqual([
      'on q',
      'c3',
    ]);
    expect((await storage.comments.list({ status: 'trashed' })).total).toBe(1);
    const paged = await storage.comments.list({ postId: p.id, pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, pageCount: 2 });
    expect(paged.items.map((c) => c.body)).toEqual(['c0']);
  });

  it('knows whether an email already has an approved comment, in any case', async () => {
    const storage = await open();
    const p = await storage.posts.create(post('p'));
    const c = await storage.comments.create({ postId: p.id, ...reader });
    expect(await storage.comments.hasApproved('reader@example.com')).toBe(false);
    await storage.comments.setStatus(c.id, 'approved');
    expect(await storage.comments.hasApproved('READER@example.com ')).toBe(true);
    expect(await storage.comments.hasApproved('other@example.com')).toBe(false);
  });
});
