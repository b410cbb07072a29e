// Shipped code reaches no file outside its own package by a path (imports are checked by `pnpm lint:imports`).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root, workspacePackages } from './workspace.js';

/** The folders of a package whose code runs for its users or its scripts (tests may share fixtures). */
const SHIPPED = ['src', 'bin', 'bench', 'scripts', 'browser'];

/** Code files under `dir`, or none when it does not exist. */
function codeFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(ts|js|mjs|cjs)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** Relative path literals in `text` that climb at least one folder: `'../x'`, `"../../y"`. */
function climbingPaths(text: string): string[] {
  return [...text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)].map((m) => m[1]!);
}

describe.each(workspacePackages())('$dir', ({ dir }) => {
  test('no path in its shipped code leaves the package', () => {
    const pkg = join(root, dir);
    const files = SHIPPED.flatMap((folder) => codeFiles(join(pkg, folder)));
    expect(files.length).toBeGreaterThan(0);
    const escapes = files.flatMap((file) =>
      climbingPaths(readFileSync(file, 'utf8'))
        .filter((path) => relative(pkg, resolve(dirname(file), path)).startsWith('..'))
        .map((path) => `${relative(root, file)}: ${path}`),
    );
    expect(escapes).toEqual([]);
  });
});

test('the check sees a climbing path', () => {
  expect(climbingPaths("import('../../../../apps/blog/dist/app.js')")).toEqual([
    '../../../../apps/blog/dist/app.js',
  ]);
});
