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
  { tarball: string; files: string[]; manifest: Record<string, unknown>; readme: string }
>();

/** One file of a tarball, as text. */
function readPacked(tarball: string, file: string): string {
  return execFileSync('tar', ['-xzOf', tarball, file], { encoding: 'utf8' });
}

/** Every string path in an `exports` map (any condition, any depth). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

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
    const packed = readPacked(tarball, 'package/package.json');
    const readme = files.includes('package/README.md')
      ? readPacked(tarball, 'package/README.md')
      : '';
    tarballs.set(manifest.name, { tarball, files, manifest: JSON.parse(packed), readme });
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

  test('the published manifest has no workspace-only condition and every entry point is packed', () => {
    const { files, manifest: packed } = get();
    expect(JSON.stringify(packed)).not.toContain('@pugo/source');
    const targets = [
      ...exportTargets(packed.exports),
      ...[packed.main, packed.types].filter((t): t is string => typeof t === 'string'),
    ].filter((t) => t !== './package.json');
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(files, target).toContain(join('package', target));
  });

  test('every source map in the tarball carries its sources or points at packed files', () => {
    const { tarball, files } = get();
    const maps = files.filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readPacked(tarball, map)) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      sources.forEach((source, i) => {
        if (typeof sourcesContent?.[i] === 'string') return;
        const packed = join(map, '..', source);
        if (!files.includes(packed)) missing.push(`${map} → ${source}`);
      });
    }
    expect(missing).toEqual([]);
  });

  test("its README is the package folder's README, not a stub", () => {
    const readme = readFileSync(join(root, dir, 'README.md'), 'utf8');
    expect(get().readme).toBe(readme);
    expect(readme.length).toBeGreaterThan(500);
  });
});
