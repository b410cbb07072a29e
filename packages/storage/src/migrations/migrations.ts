// The numbered, forward-only migrations shipped in the package, and the kysely provider for them.
import type { Migration, MigrationProvider } from 'kysely';
import type { StorageDialect } from '../dialect/dialect.js';
import * as initial from './0001-initial.js';
import * as search from './0002-search.js';

/** Name → migration, in order. Append new ones; never edit or remove a shipped one. */
export function migrations(dialect: StorageDialect): Record<string, Migration> {
  return {
    '0001-initial': { up: initial.up },
    '0002-search': { up: search.up(dialect) },
  };
}

/** A kysely MigrationProvider over {@link migrations} (no files read at run time). */
export function migrationProvider(dialect: StorageDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
