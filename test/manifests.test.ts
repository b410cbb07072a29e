// Pins the workspace conventions every package's manifest must follow.
import { existsSync } from 'node:fs';
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
    const main = manifest.exports?.['.'] as Record<string, string>;
    expect(main.types).toBe('./dist/index.d.ts');
    expect(main.default).toBe('./dist/index.js');
    expect(Object.keys(main)[0]).toBe('@pugo/source');
    expect(manifest.files).toContain('dist');
  });

  test('has a README', () => {
    expect(existsSync(join(root, dir, 'README.md'))).toBe(true);
  });
});
