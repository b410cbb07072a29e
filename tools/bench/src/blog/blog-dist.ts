// The blog's built modules (apps/blog/dist), loaded by URL: the blog is an app, not a package.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/blog, from tools/bench/src/blog/. */
export const BLOG_DIR = fileURLToPath(new URL('../../../../apps/blog/', import.meta.url));

/** A module of the built blog, typed by its source. */
export function importBlog<T>(path: string): Promise<T> {
  return import(new URL(`../../../../apps/blog/dist/${path}`, import.meta.url).href) as Promise<T>;
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the blog (tsc) when dist is missing or older than src; turbo has built its packages. */
export function ensureBlogBuilt(): void {
  const main = join(BLOG_DIR, 'dist', 'app.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(BLOG_DIR, 'src'))) return;
  process.stderr.write('bench blog: building apps/blog (tsc)…\n');
  execFileSync('pnpm', ['--filter', '@pugo/blog', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
