// Benches declared by other workspace packages: found in their manifests, the blog's among them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { declaredBenches, workspaceBenches } from '../src/workspace-benches.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function pkg(root: string, name: string, manifest: unknown): { name: string; path: string } {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'package.json'), JSON.stringify(manifest));
  return { name, path };
}

describe('declaredBenches', () => {
  test('reads pugo.benches from each manifest; the first declaration of a name wins', () => {
    const root = mkdtempSync(join(tmpdir(), 'pugo-bench-ws-'));
    dirs.push(root);
    const packages = [
      pkg(root, 'a', { name: 'a', pugo: { benches: ['blog', 'feeds'] } }),
      pkg(root, 'b', { name: 'b', pugo: { benches: ['blog', 7] } }),
      pkg(root, 'c', { name: 'c' }),
      pkg(root, 'd', { name: 'd', pugo: { benches: 'blog' } }),
      { name: 'missing', path: join(root, 'missing') },
    ];
    const found = declaredBenches(packages);
    expect([...found.keys()]).toEqual(['blog', 'feeds']);
    expect(found.get('blog')).toEqual({ name: 'blog', packageName: 'a', dir: join(root, 'a') });
  });
});

describe('workspaceBenches', () => {
  test("finds the blog's bench in apps/blog through pnpm's list of workspace packages", async () => {
    const blog = (await workspaceBenches()).get('blog');
    expect(blog?.packageName).toBe('@pugo/blog');
    expect(blog?.dir.endsWith(join('apps', 'blog'))).toBe(true);
  });
});
