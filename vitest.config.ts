// One vitest run for the whole workspace: a project per package, tests from source (no build needed).
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Workspace packages that have a `test/` folder, as `group/name`. */
function packagesWithTests(): string[] {
  return ['packages', 'apps', 'tools'].flatMap((group) =>
    existsSync(group)
      ? readdirSync(group)
          .map((name) => join(group, name))
          .filter((dir) => existsSync(join(dir, 'test')))
      : [],
  );
}

export default defineConfig({
  // Resolve `@pugo/*` imports to their TypeScript sources, as the typecheck does.
  resolve: { conditions: ['@pugo/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@pugo/source', 'module', 'node', 'import', 'default'] } },
  test: {
    // Memory tests force collections; timing never decides a test (benches do that).
    execArgv: ['--expose-gc'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'workspace', include: ['test/**/*.test.ts'] },
      },
      ...packagesWithTests().map((dir) => ({
        extends: true as const,
        test: { name: basename(dir), root: dir, include: ['test/**/*.test.ts'] },
      })),
    ],
  },
});
