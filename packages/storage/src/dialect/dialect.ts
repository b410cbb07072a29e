// What a database dialect must provide: everything that is not portable SQL lives behind this.
import type { Dialect, Kysely, RawBuilder } from 'kysely';
import type { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Database } from '../schema.js';

/** Why a statement failed, in dialect-neutral terms (the repositories turn this into coded errors). */
export type DbFailure =
  | { readonly kind: 'unique'; readonly table: string; readonly columns: readonly string[] }
  | { readonly kind: 'foreignKey' }
  | { readonly kind: 'check'; readonly detail: string }
  | { readonly kind: 'notNull'; readonly column: string }
  | { readonly kind: 'busy' }
  | { readonly kind: 'other'; readonly detail: string };

/** One full-text hit: the post id, its rank (lower is better) and text with hit markers. */
export interface SearchRow {
  readonly id: number;
  readonly rank: number;
  /** The title with each hit between {@link HIT_START} and {@link HIT_END}. */
  readonly title: string;
  /** A fragment of the source around the hits, marked the same way. */
  readonly snippet: string;
}

/** Marks the start of a hit in {@link SearchRow} text (a control character no post contains). */
export const HIT_START = '\u0002';
/** Marks the end of a hit in {@link SearchRow} text. */
export const HIT_END = '\u0003';

/** The smallest view of a raw SQLite handle (better-sqlite3's `Database`) for prepared statements. */
export interface RawStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}

/** A raw connection, for benchmarks and maintenance; repositories never need it. */
export interface RawConnection {
  prepare(sql: string): RawStatement;
}

/** A database engine under @pugo/storage (SQLite today; PostgreSQL can implement the same). */
export interface StorageDialect {
  /** E.g. `sqlite`. */
  readonly name: string;
  /** The kysely dialect all portable queries run on. */
  readonly kysely: Dialect;
  /** Connections with the same key share one in-process write lock (the database file). */
  readonly lockKey: string;
  /** The raw connection (better-sqlite3's `Database` for SQLite). */
  readonly raw: RawConnection;
  /** SQL that starts a transaction which holds the write lock from its first statement. */
  beginWrite(): RawBuilder<unknown>;
  /** Creates the full-text index over posts and the triggers that keep it in sync (a migration). */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Turns any user input into a valid full-text query, or undefined when it holds no words. */
  toSearchQuery(input: string, options: { readonly prefix: boolean }): string | undefined;
  /**
   * Runs a full-text query over posts, best first; `visibleAt` limits hits to posts published at
   * or before it, `null` searches every status.
   */
  searchPosts(
    db: Kysely<Database>,
    query: string,
    options: { visibleAt: string | null; limit: number; offset: number },
  ): Promise<{ rows: SearchRow[]; total: number }>;
  /** A subquery's rows as a JSON array column (decoded by the caller with JSON.parse). */
  readonly jsonArrayFrom: typeof jsonArrayFrom;
  /** The ids in `json` (a JSON array of integers) as a one-column subquery, for `id in (…)`. */
  idsIn(json: string): RawBuilder<number>;
  /** Classifies a driver error; undefined when `error` did not come from the database. */
  classifyError(error: unknown): DbFailure | undefined;
  /** A consistent copy of the live database at `toPath`, while others keep reading and writing. */
  backup(toPath: string): Promise<void>;
  /** The problems the engine's own consistency check finds; empty when the database is sound. */
  integrityCheck(): Promise<string[]>;
  /** Closes the raw connection. */
  close(): void;
}
