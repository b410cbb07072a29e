// Migration 0002: the full-text index over posts, built by the dialect (FTS5 on SQLite).
import type { Kysely } from 'kysely';
import type { StorageDialect } from '../dialect/dialect.js';

/** Creates the search index and its sync triggers, and indexes the posts already there. */
export function up(dialect: StorageDialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await dialect.createSearchIndex(db);
  };
}
