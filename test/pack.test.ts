// Packs every published package as npm would and checks what the tarball holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishablePackages, root } from './workspace.js';

const packages = publishablePackages();
const out = mkdtempSync(join(tmpdir(), 'pugo-pack-'));
const tarballs = new Map<
  string,
  { files: string[]; manifest: Record<string, unknown>; readme: string }
>();

beforeAll(() => {
  // One build in dependency order (turbo, cached); then pack without re-running prepack.
  execFileSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--output-logs=errors-only',
      ...packages.flatMap((p) => ['--filter', p.manifest.name]),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (const { dir, manifest } of packages) {
    const dest = join(out, manifest.name.replace('/', '-'));
    execFileSync('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', dest], {
      cwd: join(root, dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = execFileSync('sh', ['-c', `ls "${dest}"/*.tgz`], { encoding: 'utf8' }).trim();
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const packed = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    });
    const readme = files.includes('package/README.md')
      ? execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], { encoding: 'utf8' })
      : '';
    tarballs.set(manifest.name, { files, manifest: JSON.parse(packed), readme });
  }
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(packages)('$manifest.name tarball', ({ dir, manifest }) => {
  const get = () => tarballs.get(manifest.name)!;

  test('holds the built code, its types, the manifest and the README', () => {
    const { files } = get();
    for (const file of [
      'package/package.json',
      'package/README.md',
      'package/dist/index.js',
      'package/dist/index.d.ts',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  test('holds no tests, no TypeScript sources and nothing of other packages', () => {
    const { files } = get();
    const stray = files.filter(
      (file) =>
        /(^|\/)(test|tests|__tests__|fixtures)\//.test(file) ||
        /\.test\.[cm]?[jt]s$/.test(file) ||
        (/\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) ||
        file.startsWith('package/src/') ||
        file.includes('node_modules/') ||
        /(^|\/)(packages|apps|tools)\//.test(file),
    );
    expect(stray).toEqual([]);
  });

  test('every bin target is in the tarball', () => {
    const { files } = get();
    for (const target of Object.values(manifest.bin ?? {})) {
      expect(files).toContain(join('package', target));
    }
  });

  test('workspace: ranges are replaced by real versions', () => {
    const packed = JSON.stringify(get().manifest);
    expect(packed).not.toContain('workspace:');
  });

  test("its README is the package folder's README, not a stub", () => {
    const readme = readFileSync(join(root, dir, 'README.md'), 'utf8');
    expect(get().readme).toBe(readme);
    expect(readme.length).toBeGreaterThan(500);
  });
});
