import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../src/index.js';
import { open, openFile, rejection, tempDir } from './helpers.js';

describe('openStorage', () => {
  it('creates the folder of a file URL and sets WAL, foreign keys, busy timeout, NORMAL sync', async () => {
    const dir = join(tempDir(), 'nested', 'deeper');
    const storage = await open({ url: `file:${join(dir, 'blog.db')}`, busyTimeout: 1234 });
    expect(existsSync(join(dir, 'blog.db'))).toBe(true);
    expect(storage.path).toBe(join(dir, 'blog.db'));
    const pragma = (name: string) =>
      Object.values(storage.raw.prepare(`pragma ${name}`).get() as object)[0];
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(1234);
    expect(pragma('synchronous')).toBe(1);
  });

  it('defaults to file:./data/pugo.db under the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pugo-cwd-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const storage = await openStorage();
      expect(storage.url).toBe('file:./data/pugo.db');
      expect(existsSync(join(dir, 'data', 'pugo.db'))).toBe(true);
      await storage.close();
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts file:/// URLs and plain paths', async () => {
    const dir = tempDir();
    const a = await open({ url: pathToFileURL(join(dir, 'a.db')).href });
    const b = await open({ url: join(dir, 'b.db') });
    expect(a.path).toBe(join(dir, 'a.db'));
    expect(b.path).toBe(join(dir, 'b.db'));
  });

  it('runs every migration on an empty database, and re-running is a no-op', async () => {
    const dir = tempDir();
    const url = `file:${join(dir, 'm.db')}`;
    const first = await openStorage({ url, migrate: false });
    expect((await first.migrations()).every((m) => m.executedAt === null)).toBe(true);
    expect(await first.migrate()).toEqual(['0001-initial', '0002-search']);
    expect(await first.migrate()).toEqual([]);
    await first.posts.create({ title: 'Kept', slug: 'kept', source: 's', html: 'h' });
    await first.close();

    const second = await openStorage({ url });
    const states = await second.migrations();
    expect(states.map((m) => m.name)).toEqual(['0001-initial', '0002-search']);
    expect(states.every((m) => m.executedAt instanceof Date)).toBe(true);
    expect(await second.posts.findBySlug('kept')).toMatchObject({ title: 'Kept' });
    await second.close();
  });

  it('with migrate: false leaves an empty database empty', async () => {
    const storage = await open({ migrate: false });
    const tables = storage.raw.prepare("select name from sqlite_master where type = 'table'").all();
    expect(tables).toEqual([]);
  });

  it('refuses a database migrated by a newer version with PUGO_ERR_MIGRATION', async () => {
    const dir = tempDir();
    const path = join(dir, 'future.db');
    await (await openStorage({ url: path })).close();
    const raw = new SqliteDatabase(path);
    raw.prepare("insert into pugo_migration (name, timestamp) values ('9999-future', 'now')").run();
    raw.close();
    const error = await rejection(openStorage({ url: path }));
    expect(error.code).toBe('PUGO_ERR_MIGRATION');
    expect(error.message).toMatch(/newer version/);
  });

  it('rejects URLs of other databases with PUGO_ERR_BAD_URL', async () => {
    const error = await rejection(openStorage({ url: 'postgres://localhost/pugo' }));
    expect(error.code).toBe('PUGO_ERR_BAD_URL');
    expect(error.message).toMatch(/only SQLite/);
    expect((await rejection(openStorage({ url: 'file:' }))).code).toBe('PUGO_ERR_BAD_URL');
  });

  it('reports a path it cannot create with PUGO_ERR_BAD_URL', async () => {
    const dir = tempDir();
    const file = join(dir, 'file');
    await (await openStorage({ url: file })).close();
    const error = await rejection(openStorage({ url: join(file, 'inside.db') }));
    expect(error.code).toBe('PUGO_ERR_BAD_URL');
  });

  it('fails with PUGO_ERR_CLOSED after close, and closing twice is fine', async () => {
    const storage = await openFile();
    await storage.close();
    await storage.close();
    expect((await rejection(storage.posts.listPublished())).code).toBe('PUGO_ERR_CLOSED');
    expect(
      (await rejection(storage.posts.create({ title: 't', slug: 't', source: '', html: '' }))).code,
    ).toBe('PUGO_ERR_CLOSED');
    expect((await rejection(storage.backup(join(tempDir(), 'x.db')))).code).toBe('PUGO_ERR_CLOSED');
    expect((await rejection(storage.integrityCheck())).code).toBe('PUGO_ERR_CLOSED');
  });

  it('reports a sound database as such', async () => {
    const storage = await openFile();
    expect(await storage.integrityCheck()).toEqual({ ok: true, problems: [] });
  });

  it('finds rows that point at nothing in integrityCheck', async () => {
    const storage = await openFile();
    storage.raw.prepare('pragma foreign_keys = off').run();
    storage.raw
      .prepare(
        "insert into sessions (token_hash, user_id, expires_at) values ('h', 42, '2030-01-01T00:00:00.000Z')",
      )
      .run();
    const result = await storage.integrityCheck();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/sessions row 1 refers to a missing users row/);
  });
});
