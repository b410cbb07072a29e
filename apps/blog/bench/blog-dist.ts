// The blog's built modules (dist/), loaded by URL so the bench measures what production runs.
import { fileURLToPath } from 'node:url';

/** The blog's seed command as built: `node SEED_CLI --db FILE --posts N`. */
export const SEED_CLI = fileURLToPath(new URL('../dist/seed-cli.js', import.meta.url));

/**
 * A module of the built blog (`path` relative to dist/), typed by its source. The blog's `bench`
 * script builds dist first (turbo, cached), so it is never older than src/.
 */
export function importBlog<T>(path: string): Promise<T> {
  return import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<T>;
}
