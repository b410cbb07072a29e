// The package's layout: imports run one way between its folders (no cycle), every file says its job.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replaceAll('\\', '/'));

/** Each folder's layer: a file imports only from its own folder or from a lower layer. */
const layers: Record<string, number> = {
  '.': 0, // errors.ts, units.ts: the base every layer uses
  config: 1, // what a soak is asked (model)
  verdict: 1, // judging samples and profiles (logic)
  report: 2, // report.json and its writers
  run: 3, // the soak against the target (I/O)
  cli: 4, // the command (entry)
};
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

/** The package files `file` imports (type-only imports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
    relative(src, join(src, dirname(file), `${m[1]}.ts`)).replaceAll('\\', '/'),
  );
}

describe('layout', () => {
  it('finds the folders it knows and nothing else', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect(Object.keys(layers), file).toContain(folderOf(file));
  });

  it('imports run one way: own folder or a lower layer; index.ts alone sees everything', () => {
    for (const file of files.filter((f) => f !== 'index.ts')) {
      const from = folderOf(file);
      for (const target of importsOf(file)) {
        expect(files, `${file} imports ${target}`).toContain(target);
        const to = folderOf(target);
        if (to !== from)
          expect(layers[to]!, `${file} imports ${target}`).toBeLessThan(layers[from]!);
      }
    }
    expect(importsOf('errors.ts')).toEqual([]);
    expect(importsOf('units.ts')).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      expect(state.get(file), `cycle: ${[...path, file].join(' → ')}`).not.toBe('open');
      state.set(file, 'open');
      for (const target of importsOf(file)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(state.size).toBe(files.length);
  });

  it('opens every file with a comment saying its job, and keeps each under 300 lines', () => {
    for (const file of files) {
      const lines = readFileSync(join(src, file), 'utf8').split('\n');
      expect(lines[0], file).toMatch(/^\/\/ \S.{20,}/);
      expect(lines.length, file).toBeLessThan(300);
    }
  });
});
