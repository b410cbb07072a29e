import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStorage, seedSampleContent } from '../src/index.js';
import { open, openFile, post, rejection, snapshot, tempDir } from './helpers.js';

const run = promisify(execFile);

describe('backup', () => {
  it.each([
    ['memory', open],
    ['file', openFile],
  ] as const)('copies a %s database that opens with the same content', async (_, openKind) => {
    const storage = await openKind();
    await seedSampleContent(storage, { posts: 30, now: new Date('2026-01-01T00:00:00.000Z') });
    await storage.users.create({ name: 'A', email: 'a@x.io', passwordHash: 'h' });
    await storage.settings.set('title', 'Backed up');
    const to = join(tempDir(), 'backups', 'copy.db');
    await storage.backup(to);
    const copy = await openStorage({ url: `file:${to}` });
    try {
      expect(await copy.migrate()).toEqual([]);
      expect(snapshot(copy)).toEqual(snapshot(storage));
      expect(await copy.integrityCheck()).toEqual({ ok: true, problems: [] });
      const query = 'memory';
      expect((await copy.posts.search(query)).items).toEqual(
        (await storage.posts.search(query)).items,
      );
      expect(await copy.settings.get('title')).toBe('Backed up');
    } finally {
      await copy.close();
    }
  });

  it('takes a consistent copy while writes continue', async () => {
    const storage = await openFile();
    // Posts written before the backup starts must be in the copy, so an empty copy fails.
    for (let i = 0; i < 10; i++) await storage.posts.create(post(`before${i}`, { tags: ['t'] }));
    const writes = Promise.all(
      Array.from({ length: 50 }, (_, i) => storage.posts.create(post(`w${i}`, { tags: ['t'] }))),
    );
    const to = join(tempDir(), 'live.db');
    await storage.backup(to);
    await writes;
    expect(await storage.posts.count()).toBe(60);
    const copy = await openStorage({ url: to });
    try {
      expect(await copy.integrityCheck()).toEqual({ ok: true, problems: [] });
      const n = await copy.posts.count();
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(60);
      // Every copied post has its tag link: no half-written post.
      expect(copy.raw.prepare('select count(*) as n from post_tags').get()).toEqual({ n });
    } finally {
      await copy.close();
    }
  });

  it('reports a target it cannot write with PUGO_ERR_BACKUP', async () => {
    const storage = await openFile();
    const error = await rejection(storage.backup(join(storage.path!, 'inside-a-file.db')));
    expect(error.code).toBe('PUGO_ERR_BACKUP');
    expect(error.message).toMatch(/^backing up the database to /);
  });
});

describe('two connections on one file', () => {
  it('in one process, writing at once, lose nothing', async () => {
    const url = `file:${join(tempDir(), 'shared.db')}`;
    const a = await open({ url });
    const b = await open({ url });
    const target = await a.posts.create(post('target'));
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        a.posts.create(post(`a${i}`, { tags: ['a', 'shared'] })),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        b.posts.create(post(`b${i}`, { tags: ['b', 'shared'] })),
      ),
      ...Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).posts.incrementHits(target.id)),
      a.transaction(async (repos) => {
        await repos.posts.create(post('tx-a'));
        await repos.settings.set('title', 'from a');
      }),
      b.transaction(async (repos) => {
        await repos.posts.create(post('tx-b'));
        await repos.settings.set('pageSize', 7);
      }),
    ]);
    for (const storage of [a, b]) {
      expect((await storage.posts.list({ pageSize: 1 })).total).toBe(83);
      expect((await storage.posts.get(target.id)).hits).toBe(30);
      expect(
        (await storage.tags.list({ all: true })).find((t) => t.slug === 'shared')?.postCount,
      ).toBe(80);
      expect(await storage.settings.get('title')).toBe('from a');
      expect(await storage.settings.get('pageSize')).toBe(7);
    }
  });

  it('in two processes, writing at once, lose nothing', async () => {
    const path = join(tempDir(), 'processes.db');
    const storage = await open({ url: path });
    const target = await storage.posts.create(post('target'));
    const script = fileURLToPath(new URL('./writer-process.ts', import.meta.url));
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const writer = (prefix: string) =>
      run(process.execPath, ['--import', 'tsx', script, path, prefix, '60', String(target.id)], {
        cwd,
        timeout: 60_000,
      });
    const outputs = await Promise.all([writer('left'), writer('right')]);
    expect(outputs.map((o) => o.stdout)).toEqual(['done\n', 'done\n']);
    expect((await storage.posts.list({ pageSize: 1 })).total).toBe(121);
    expect((await storage.posts.get(target.id)).hits).toBe(120);
    expect((await storage.posts.search('left', { includeUnpublished: true })).total).toBe(60);
    expect((await storage.posts.listByTag('right')).total).toBe(0); // drafts are not public
    expect(
      (await storage.tags.list({ all: true })).find((t) => t.slug === 'shared')?.postCount,
    ).toBe(120);
    expect(await storage.integrityCheck()).toEqual({ ok: true, problems: [] });
  }, 90_000);
});

describe('a lock held too long', () => {
  it('fails the write with PUGO_ERR_BUSY after busyTimeout and changes nothing', async () => {
    const { default: SqliteDatabase } = await import('better-sqlite3');
    const path = join(tempDir(), 'busy.db');
    const storage = await open({ url: path, busyTimeout: 50 });
    const before = snapshot(storage);
    // Another program holds the write lock (not a Storage, so the in-process lock does not help).
    const other = new SqliteDatabase(path);
    other.prepare('begin immediate').run();
    try {
      const error = await rejection(storage.posts.create(post('blocked')));
      expect(error.code).toBe('PUGO_ERR_BUSY');
      expect(error.message).toMatch(/raise busyTimeout/);
      // Readers are not blocked by a writer.
      expect((await storage.posts.list()).total).toBe(0);
    } finally {
      other.prepare('rollback').run();
      other.close();
    }
    expect(snapshot(storage)).toEqual(before);
    expect((await storage.posts.create(post('free'))).slug).toBe('free');
  });
});
