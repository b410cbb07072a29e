// The error table, and the internals every repository relies on: write locks, compiled queries.
import { describe, expect, it } from 'vitest';
import { errorMessages, isStorageError, StorageError } from '../src/index.js';
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
