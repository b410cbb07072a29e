// What every repository runs on: the query builder, the dialect, the clock, and guarded writes.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import type { DbFailure, StorageDialect } from './dialect/dialect.js';
import { isStorageError, storageError } from './errors.js';
import type { Database } from './schema.js';
import type { WriteLock } from './write-lock.js';

/** What a failed statement was about, so a driver error becomes a precise coded error. */
export interface FailureHints {
  /** The row kind being written, e.g. `post`. */
  readonly entity: string;
  /** The slug being saved, for PUGO_ERR_SLUG_TAKEN. */
  readonly slug?: string;
  /** The email being saved, for PUGO_ERR_EMAIL_TAKEN. */
  readonly email?: string;
  /** What the row refers to, for PUGO_ERR_FOREIGN_KEY, e.g. `post, parent comment or user`. */
  readonly refs?: string;
}

/** Which storage's connection the current async call chain holds in a write transaction. */
const holding = new AsyncLocalStorage<object>();

/** Shared by the repositories of one Storage (or of one transaction). */
export class Context {
  readonly db: Kysely<Database>;
  readonly dialect: StorageDialect;
  readonly now: () => Date;
  readonly #lock: WriteLock;
  readonly #inTransaction: boolean;
  readonly #isClosed: () => boolean;
  /** The same object for a storage and its transactions. */
  readonly #owner: object;

  constructor(
    db: Kysely<Database>,
    dialect: StorageDialect,
    now: () => Date,
    lock: WriteLock,
    isClosed: () => boolean,
    inTransaction = false,
    owner: object = {},
  ) {
    this.#owner = owner;
    this.db = db;
    this.dialect = dialect;
    this.now = now;
    this.#lock = lock;
    this.#isClosed = isClosed;
    this.#inTransaction = inTransaction;
  }

  /** The current time as stored text. */
  nowIso(): string {
    return this.now().toISOString();
  }

  /** Runs a read, turning driver errors into coded errors. */
  async read<T>(fn: (db: Kysely<Database>) => Promise<T>, hints: FailureHints): Promise<T> {
    this.#check();
    try {
      return await fn(this.db);
    } catch (error) {
      throw this.translate(error, hints);
    }
  }

  /**
   * Runs `fn` as one write transaction holding the write lock from its first statement (inside
   * the current transaction when there is one): all of it happens, or none of it.
   */
  async write<T>(fn: (db: Kysely<Database>) => Promise<T>, hints: FailureHints): Promise<T> {
    if (this.#inTransaction) return this.read(fn, hints);
    this.#check();
    try {
      return await this.#lock.run(() =>
        this.db.connection().execute(async (conn) => {
          await this.dialect.beginWrite().execute(conn);
          try {
            const result = await holding.run(this.#owner, () => fn(conn));
            await sql`commit`.execute(conn);
            return result;
          } catch (error) {
            await sql`rollback`.execute(conn);
            throw error;
          }
        }),
      );
    } catch (error) {
      throw this.translate(error, hints);
    }
  }

  /** A context for the repositories inside a transaction opened by {@link write}. */
  inTransaction(db: Kysely<Database>): Context {
    return new Context(db, this.dialect, this.now, this.#lock, this.#isClosed, true, this.#owner);
  }

  #check(): void {
    if (this.#isClosed()) throw storageError('PUGO_ERR_CLOSED');
    // The storage's own repositories would wait for the connection the transaction holds: forever.
    if (!this.#inTransaction && holding.getStore() === this.#owner) {
      throw storageError('PUGO_ERR_INVALID_INPUT', {
        what: 'using the storage inside storage.transaction()',
        reason:
          'it would wait for the transaction itself; use the repositories the callback receives',
      });
    }
  }

  /** The coded error for `error` (StorageErrors pass through; non-database errors too). */
  translate(error: unknown, hints: FailureHints): unknown {
    if (isStorageError(error)) return error;
    const failure: DbFailure | undefined = this.dialect.classifyError(error);
    if (failure === undefined) return error;
    switch (failure.kind) {
      case 'unique':
        if (failure.columns.includes('slug')) {
          return storageError(
            'PUGO_ERR_SLUG_TAKEN',
            { table: hints.entity, slug: hints.slug ?? '' },
            error,
          );
        }
        if (failure.columns.includes('email')) {
          return storageError('PUGO_ERR_EMAIL_TAKEN', { email: hints.email ?? '' }, error);
        }
        return storageError(
          'PUGO_ERR_DUPLICATE',
          { table: hints.entity, column: failure.columns.join(', ') },
          error,
        );
      case 'foreignKey':
        return storageError(
          'PUGO_ERR_FOREIGN_KEY',
          { table: hints.entity, refs: hints.refs ?? 'row' },
          error,
        );
      case 'check':
      case 'notNull':
        return storageError(
          'PUGO_ERR_INVALID_INPUT',
          {
            what: `saving the ${hints.entity}`,
            reason: `a value broke a rule of the schema (${failure.kind === 'check' ? failure.detail : `${failure.column} is required`})`,
          },
          error,
        );
      case 'busy':
        return storageError('PUGO_ERR_BUSY', undefined, error);
      default:
        return storageError('PUGO_ERR_DATABASE', { reason: failure.detail }, error);
    }
  }
}
