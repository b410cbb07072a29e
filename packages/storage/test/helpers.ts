// Test helpers: real SQLite databases (in memory or in a temp folder) with a clock tests can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStorage, type Storage, type StorageOptions } from '../src/index.js';

/** A clock tests set by hand. */
export interface Clock {
  now: Date;
}

const opened: Storage[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pugo-storage-'));
  folders.push(dir);
  return dir;
}

/** Opens storage (closed after the test); `:memory:` unless `url` is given. */
export async function open(options: StorageOptions & { clock?: Clock } = {}): Promise<Storage> {
  const clock = options.clock;
  const storage = await openStorage({
    url: ':memory:',
    ...options,
    ...(clock === undefined ? {} : { now: () => clock.now }),
  });
  opened.push(storage);
  return storage;
}

/** Opens storage on a new file in a temp folder. */
export async function openFile(options: StorageOptions & { clock?: Clock } = {}): Promise<Storage> {
  return open({ url: `file:${join(tempDir(), 'pugo.db')}`, ...options });
}

/** Both kinds of database, for `describe.each`. */
export const kinds = [
  ['memory', (o?: StorageOptions & { clock?: Clock }) => open(o)],
  ['file', (o?: StorageOptions & { clock?: Clock }) => openFile(o)],
] as const;

/** A post input with sensible defaults. */
export function post(slug: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Title ${slug}`,
    slug,
    source: `Source of ${slug}`,
    html: `<p>Source of ${slug}</p>`,
    excerpt: `<p>Excerpt of ${slug}</p>`,
    ...extra,
  };
}

/** The tables every migrated database has; {@link snapshot} refuses a database without them. */
const TABLES = [
  'users',
  'sessions',
  'posts',
  'tags',
  'post_tags',
  'pages',
  'comments',
  'media',
  'settings',
  'activity',
];

/**
 * Rows of every table (the search index and the migration log included), to prove a failed
 * write changed nothing. Throws when a table is missing, so a comparison cannot pass on nothing.
 */
export function snapshot(storage: Storage): Record<string, unknown> {
  const tables = (
    storage.raw
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as { name: string }[]
  ).map((row) => row.name);
  const missing = TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0) throw new Error(`snapshot: no table ${missing.join(', ')}`);
  return Object.fromEntries(
    tables.sort().map((t) => [t, storage.raw.prepare(`select * from "${t}"`).all()]),
  );
}

/** Awaits `promise` and returns the error it rejects with (fails when it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string; name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; name: string };
  }
  throw new Error('expected a rejection');
}
