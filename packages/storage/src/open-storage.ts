// openStorage(): opens the database, migrates it, and hands out the repositories.
import { Kysely, Migrator } from 'kysely';
import { Context } from './context.js';
import type { RawConnection, StorageDialect } from './dialect/dialect.js';
import { createSqliteDialect, sqlitePathFromUrl } from './dialect/sqlite-dialect.js';
import { isStorageError, storageError } from './errors.js';
import { migrationProvider } from './migrations/migrations.js';
import { ActivityRepository } from './repositories/activity-repository.js';
import { CommentsRepository } from './repositories/comments-repository.js';
import { DashboardRepository } from './repositories/dashboard-repository.js';
import { MediaRepository } from './repositories/media-repository.js';
import { PagesRepository } from './repositories/pages-repository.js';
import { PostsRepository } from './repositories/posts-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { SettingsRepository } from './repositories/settings-repository.js';
import { TagsRepository } from './repositories/tags-repository.js';
import { UsersRepository } from './repositories/users-repository.js';
import type { Database } from './schema.js';
import { acquireWriteLock } from './write-lock.js';

/** Options of {@link openStorage}. */
export interface StorageOptions {
  /**
   * Where the database is: `file:./data/pugo.db` (relative to the working directory; the folder
   * is created), `file:///abs/path.db`, a plain path, or `:memory:` (a private database that
   * disappears on close). Default: 'file:./data/pugo.db'
   */
  readonly url?: string;
  /** Apply pending migrations on open. Default: true */
  readonly migrate?: boolean;
  /** How long a write waits for another process's lock, in ms. Default: 5000 */
  readonly busyTimeout?: number;
  /** The clock for timestamps and for what is published "now" (tests pin it). Default: `new Date()` */
  readonly now?: () => Date;
}

/** Every repository; what {@link Storage.transaction} hands its callback. */
export interface Repositories {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly posts: PostsRepository;
  readonly tags: TagsRepository;
  readonly pages: PagesRepository;
  readonly comments: CommentsRepository;
  readonly media: MediaRepository;
  readonly settings: SettingsRepository;
  readonly activity: ActivityRepository;
  readonly dashboard: DashboardRepository;
}

/** A migration shipped in the package, and when this database applied it. */
export interface MigrationState {
  readonly name: string;
  /** null while pending. */
  readonly executedAt: Date | null;
}

/** An open database with its repositories. */
export interface Storage extends Repositories {
  /** The URL it was opened with. */
  readonly url: string;
  /** The database file, or null for `:memory:`. */
  readonly path: string | null;
  /** The kysely instance, for queries no repository offers (typed by the schema). */
  readonly db: Kysely<Database>;
  /** The raw connection (better-sqlite3), for benchmarks and maintenance. */
  readonly raw: RawConnection;
  /** Applies pending migrations; returns the names applied (empty when up to date). */
  migrate(): Promise<string[]>;
  /** Every shipped migration and whether it was applied. */
  migrations(): Promise<MigrationState[]>;
  /**
   * Runs `fn` with repositories (and a kysely instance) bound to one write transaction: if it
   * throws, nothing it wrote stays. Keep it short: it holds the write lock.
   */
  transaction<T>(fn: (repositories: Repositories, db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** A consistent copy of the database at `toPath`, taken while it stays in use. */
  backup(toPath: string): Promise<void>;
  /** SQLite's integrity and foreign-key checks: `ok` with no problems when the database is sound. */
  integrityCheck(): Promise<{ ok: boolean; problems: string[] }>;
  /** Closes the connection; later calls fail with PUGO_ERR_CLOSED. Safe to call twice. */
  close(): Promise<void>;
}

const MIGRATION_TABLE = 'pugo_migration';
const MIGRATION_LOCK_TABLE = 'pugo_migration_lock';

/**
 * Opens (and by default migrates) the database at `options.url`.
 *
 * @example
 * const storage = await openStorage({ url: 'file:./data/pugo.db' });
 * const home = await storage.posts.listPublished({ page: 1, pageSize: 10 });
 * await storage.close();
 */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  const url = options.url ?? 'file:./data/pugo.db';
  const path = sqlitePathFromUrl(url);
  const dialect = createSqliteDialect({ url, busyTimeout: options.busyTimeout ?? 5000 });
  const db = new Kysely<Database>({ dialect: dialect.kysely });
  const lock = acquireWriteLock(dialect.lockKey);
  let closed = false;
  const ctx = new Context(db, dialect, options.now ?? (() => new Date()), lock, () => closed);
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });

  const storage: Storage = {
    url,
    path,
    db,
    raw: dialect.raw,
    ...repositories(ctx),
    migrate: () => lock.run(() => migrate(migrator)),
    async migrations() {
      const list = await ctx.read(() => migrator.getMigrations(), { entity: 'migration' });
      return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
    },
    transaction: (fn) =>
      ctx.write((trx) => fn(repositories(ctx.inTransaction(trx)), trx), { entity: 'transaction' }),
    backup: (toPath) => {
      if (closed) return Promise.reject(storageError('PUGO_ERR_CLOSED'));
      return dialect.backup(toPath);
    },
    async integrityCheck() {
      if (closed) throw storageError('PUGO_ERR_CLOSED');
      const problems = await dialect.integrityCheck();
      return { ok: problems.length === 0, problems };
    },
    async close() {
      if (closed) return;
      closed = true;
      lock.release();
      await db.destroy();
    },
  };

  if (options.migrate !== false) {
    try {
      await storage.migrate();
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  return storage;
}

function repositories(ctx: Context): Repositories {
  return {
    users: new UsersRepository(ctx),
    sessions: new SessionsRepository(ctx),
    posts: new PostsRepository(ctx),
    tags: new TagsRepository(ctx),
    pages: new PagesRepository(ctx),
    comments: new CommentsRepository(ctx),
    media: new MediaRepository(ctx),
    settings: new SettingsRepository(ctx),
    activity: new ActivityRepository(ctx),
    dashboard: new DashboardRepository(ctx),
  };
}

async function migrate(migrator: Migrator): Promise<string[]> {
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (error) {
    throw migrationError('(start)', error);
  }
  const { error, results = [] } = outcome;
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '(start)';
    throw migrationError(failed, error);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function migrationError(name: string, error: unknown) {
  if (isStorageError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reason = /corrupted migrations/.test(message)
    ? 'the database holds migrations this version of @pugo/storage does not know (was it written by a newer version?); upgrade @pugo/storage'
    : message;
  return storageError('PUGO_ERR_MIGRATION', { name, reason }, error);
}

export type { StorageDialect };
