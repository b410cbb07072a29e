// Every SQLite-only piece of @pugo/storage: opening, pragmas, FTS5, error codes, backup, integrity.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { type Kysely, SqliteDialect, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { storageError } from '../errors.js';
import type { Database } from '../schema.js';
import type { DbFailure, RawConnection, SearchRow, StorageDialect } from './dialect.js';
import { HIT_END, HIT_START } from './dialect.js';

/** Options of {@link createSqliteDialect}. */
export interface SqliteDialectOptions {
  /** `:memory:`, `file:./path.db`, `file:///abs/path.db` or a plain path. */
  readonly url: string;
  /** How long a write waits for another connection's lock, in ms. */
  readonly busyTimeout: number;
}

/** Where `url` points: `null` for an in-memory database, else an absolute file path. */
export function sqlitePathFromUrl(url: string): string | null {
  if (url === ':memory:' || url === 'file::memory:') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('file://')) {
    throw storageError('PUGO_ERR_BAD_URL', {
      url,
      reason: 'only SQLite is supported; use "file:./data/pugo.db" or ":memory:"',
    });
  }
  const path = url.startsWith('file://')
    ? fileURLToPath(url)
    : url.startsWith('file:')
      ? url.slice('file:'.length)
      : url;
  if (path.trim() === '') {
    throw storageError('PUGO_ERR_BAD_URL', { url, reason: 'the file path is empty' });
  }
  return resolve(path);
}

let memoryDatabases = 0;

/** Opens SQLite at `url` with Pugo's pragmas and returns it as a {@link StorageDialect}. */
export function createSqliteDialect(options: SqliteDialectOptions): StorageDialect {
  const path = sqlitePathFromUrl(options.url);
  let db: SqliteDatabase.Database;
  try {
    if (path !== null) mkdirSync(dirname(path), { recursive: true });
    db = new SqliteDatabase(path ?? ':memory:');
  } catch (error) {
    throw storageError(
      'PUGO_ERR_BAD_URL',
      { url: options.url, reason: `${(error as Error).message}; check the path and permissions` },
      error,
    );
  }
  // WAL lets readers run beside one writer; NORMAL is durable in WAL except on power loss.
  if (path !== null) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeout))}`);
  db.pragma('synchronous = NORMAL');

  return {
    name: 'sqlite',
    kysely: new SqliteDialect({ database: withStatementCache(db, 128) }),
    lockKey: path ?? `:memory:${++memoryDatabases}`,
    raw: db as unknown as RawConnection,
    beginWrite: () => sql`begin immediate`,
    createSearchIndex,
    toSearchQuery,
    searchPosts,
    jsonArrayFrom,
    idsIn: (json) => sql<number>`(select value from json_each(${json}))`,
    classifyError,
    async backup(toPath) {
      const target = resolve(toPath);
      try {
        mkdirSync(dirname(target), { recursive: true });
        await db.backup(target);
      } catch (error) {
        throw storageError(
          'PUGO_ERR_BACKUP',
          { to: toPath, reason: (error as Error).message },
          error,
        );
      }
    },
    async integrityCheck() {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      const fk = db.pragma('foreign_key_check') as {
        table: string;
        rowid: number;
        parent: string;
      }[];
      for (const row of fk) {
        problems.push(`${row.table} row ${row.rowid} refers to a missing ${row.parent} row`);
      }
      return problems;
    },
    close: () => db.close(),
  };
}

/**
 * kysely prepares every query anew; preparing the home-page query costs about as much as running
 * it. The same SQL text reuses its prepared statement; the least recently used of more than
 * `size` is dropped, so the cache stays bounded whatever SQL runs.
 */
function withStatementCache(db: SqliteDatabase.Database, size: number) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => db.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement !== undefined) {
        cache.delete(text);
      } else {
        statement = db.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** posts_fts mirrors posts(title, source); triggers keep it in sync on insert, update and delete. */
async function createSearchIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table posts_fts using fts5(
    title, source, content='posts', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger posts_fts_insert after insert on posts begin
    insert into posts_fts(rowid, title, source) values (new.id, new.title, new.source);
  end`.execute(db);
  await sql`create trigger posts_fts_delete after delete on posts begin
    insert into posts_fts(posts_fts, rowid, title, source)
      values ('delete', old.id, old.title, old.source);
  end`.execute(db);
  await sql`create trigger posts_fts_update after update of title, source on posts begin
    insert into posts_fts(posts_fts, rowid, title, source)
      values ('delete', old.id, old.title, old.source);
    insert into posts_fts(rowid, title, source) values (new.id, new.title, new.source);
  end`.execute(db);
  await sql`insert into posts_fts(posts_fts) values ('rebuild')`.execute(db);
}

/**
 * Every run of letters or digits becomes a quoted FTS5 string, so no character of the input is
 * syntax (`"`, `*`, `(`, `NEAR`, `-`, `:`); the terms are ANDed. With `prefix`, the last term also
 * matches words it begins (search as you type).
 */
function toSearchQuery(input: string, options: { readonly prefix: boolean }): string | undefined {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}\p{M}_]+/gu);
  if (words === null) return undefined;
  const terms = words.slice(0, 32).map((w) => `"${w}"`);
  if (options.prefix) terms[terms.length - 1] = `${terms[terms.length - 1]}*`;
  return terms.join(' ');
}

async function searchPosts(
  db: Kysely<Database>,
  query: string,
  options: { visibleAt: string | null; limit: number; offset: number },
): Promise<{ rows: SearchRow[]; total: number }> {
  const visible =
    options.visibleAt === null
      ? sql.raw('')
      : sql`and p.status = 'published' and p.published_at <= ${options.visibleAt}`;
  // CROSS JOIN keeps the full-text match as the outer loop: joined the other way round, SQLite
  // would run one match per post. Title hits weigh ten times a body hit; ties go to newer posts.
  const ranked = await sql<{ id: number; rank: number }>`
    select p.id as id, bm25(posts_fts, 10.0, 1.0) as rank
    from posts_fts cross join posts p on p.id = posts_fts.rowid
    where posts_fts match ${query} ${visible}
    order by rank, p.published_at desc, p.id desc
    limit ${options.limit} offset ${options.offset}`.execute(db);
  const count = await sql<{ total: number }>`
    select count(*) as total from posts_fts cross join posts p on p.id = posts_fts.rowid
    where posts_fts match ${query} ${visible}`.execute(db);
  const total = count.rows[0]?.total ?? 0;
  if (ranked.rows.length === 0) return { rows: [], total };
  // Highlights only for the page shown: snippet() re-reads and tokenizes each document.
  const marked = await sql<{ id: number; title: string; snippet: string }>`
    select rowid as id, highlight(posts_fts, 0, ${HIT_START}, ${HIT_END}) as title,
      snippet(posts_fts, 1, ${HIT_START}, ${HIT_END}, '…', 24) as snippet
    from posts_fts
    where posts_fts match ${query}
      and rowid in (select value from json_each(${JSON.stringify(ranked.rows.map((r) => r.id))}))`.execute(
    db,
  );
  const byId = new Map(marked.rows.map((r) => [r.id, r]));
  const rows = ranked.rows.map((r) => ({
    id: r.id,
    rank: r.rank,
    title: byId.get(r.id)?.title ?? '',
    snippet: byId.get(r.id)?.snippet ?? '',
  }));
  return { rows, total };
}

/** better-sqlite3's SqliteError codes and messages ("UNIQUE constraint failed: posts.slug"). */
function classifyError(error: unknown): DbFailure | undefined {
  if (!(error instanceof SqliteDatabase.SqliteError)) return undefined;
  const { code, message } = error;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = message.replace(/^.*failed: /, '').split(', ');
    const table = columns[0]?.split('.')[0] ?? '';
    return { kind: 'unique', table, columns: columns.map((c) => c.split('.')[1] ?? c) };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'foreignKey' };
  if (code === 'SQLITE_CONSTRAINT_CHECK') return { kind: 'check', detail: message };
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') {
    return { kind: 'notNull', column: message.replace(/^.*failed: /, '') };
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return { kind: 'busy' };
  }
  return { kind: 'other', detail: `${code}: ${message}` };
}
