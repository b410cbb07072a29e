// Pins the workspace conventions every package's manifest must follow.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishablePackages, root, workspacePackages } from './workspace.js';

const published = [
  '@pugo/router',
  '@pugo/storage',
  '@pugo/pprof',
  '@pugo/profile',
  '@pugo/heap',
  '@pugo/soak',
];

test('every platform package is published under @pugo', () => {
  const names = publishablePackages().map((p) => p.manifest.name);
  for (const name of published) expect(names).toContain(name);
  expect(names.every((name) => name.startsWith('@pugo/'))).toBe(true);
});

test('apps and the bench are private', () => {
  for (const p of workspacePackages()) {
    if (p.dir.startsWith('apps/') || p.dir === 'tools/bench')
      expect(p.manifest.private, p.dir).toBe(true);
  }
});

describe.each(publishablePackages())('$manifest.name', ({ dir, manifest }) => {
  test('is ESM for Node 20 and later, MIT, public', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.engines?.node).toBe('>=20');
    expect(manifest.license).toBe('MIT');
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('exports types and code from dist, sources only under the workspace condition', () => {
    const main = (manifest.exports?.['.'] ?? {}) as Record<string, string>;
    expect(main.types).toBe('./dist/index.d.ts');
    expect(main.default).toBe('./dist/index.js');
    expect(Object.keys(main)[0]).toBe('@pugo/source');
    expect(manifest.files).toContain('dist');
  });

  test('publishes the same entry points without the workspace condition', () => {
    const { '@pugo/source': source, ...published } = (manifest.exports?.['.'] ?? {}) as Record<
      string,
      string
    >;
    expect(source).toMatch(/^\.\/src\//);
    const packed = manifest.publishConfig?.exports?.['.'];
    expect(packed).toEqual(published);
    expect(JSON.stringify(manifest.publishConfig)).not.toContain('@pugo/source');
  });

  test('installs every workspace package its published code imports', () => {
    const installed = { ...manifest.dependencies, ...manifest.peerDependencies };
    const imported = new Set(
      sourceFiles(join(root, dir, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(@pugo\/[a-z-]+)/g)].map(
          (m) => m[1]!,
        ),
      ),
    );
    imported.delete(manifest.name);
    for (const name of imported)
      expect(Object.keys(installed), `${name} in ${dir}`).toContain(name);
  });

  test('has a README', () => {
    expect(existsSync(join(root, dir, 'README.md'))).toBe(true);
  });
});

/** Every .ts, .js and .mjs file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
