// Reduces test/fixtures/go-src to the lines the -list goldens print, keeping line numbers.
// Run: pnpm exec tsx packages/profile/scripts/reduce-go-src.ts (after the goldens were made from the full files).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const goSrc = join(fixtures, 'go-src');
const goldens = join(fixtures, 'golden-extra');

/** Line numbers each `src/…` file shows in a golden's `list` output. */
const printed = new Map<string, Set<number>>();
for (const name of readdirSync(goldens).filter((f) => f.endsWith('.txt'))) {
  let file: string | undefined;
  for (const line of readFileSync(join(goldens, name), 'utf8').split('\n')) {
    const routine = /^ROUTINE =+ .* in (\S+)$/.exec(line);
    if (routine !== null) {
      file = routine[1];
      continue;
    }
    // pprof's "%10s %10s %8d:%s" source lines.
    const source = /^.{10} .{10} +(\d+):/.exec(line);
    if (source !== null && file?.startsWith('src/')) {
      const lines = printed.get(file) ?? new Set<number>();
      lines.add(Number(source[1]));
      printed.set(file, lines);
    }
  }
}

for (const entry of readdirSync(join(goSrc, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  const keep = printed.get(relative(goSrc, path));
  if (keep === undefined) {
    console.error(`reduce-go-src: no golden prints ${relative(goSrc, path)}; remove it`);
    process.exitCode = 1;
    continue;
  }
  const lines = readFileSync(path, 'utf8').split('\n');
  const last = Math.max(...keep);
  const reduced = Array.from({ length: last }, (_, i) => (keep.has(i + 1) ? lines[i]! : ''));
  writeFileSync(path, `${reduced.join('\n')}\n`);
  console.log(`reduce-go-src: ${relative(goSrc, path)} keeps ${keep.size} of ${last} lines`);
}
