// pugo-heap -top and @pugo/profile alone vs go tool pprof -top on a large synthetic heap profile:
// wall time and peak memory, each a fresh process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { measureCommand } from '../heap/measure-command.js';
import { type SyntheticProfile, syntheticProfile } from '../heap/synthetic-profile.js';

const require = createRequire(import.meta.url);
const pugoHeap = join(dirname(require.resolve('@pugo/heap/package.json')), 'bin', 'pugo-heap.js');
const libraryTop = fileURLToPath(new URL('../heap/library-top.mjs', import.meta.url));
const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

let profile: SyntheticProfile | undefined;
/** pugo-heap --help: the runtime and the CLI loaded, no profile. */
let idle: { peakRssMB: number } | undefined;
const outputs = new Map<string, string>();

function subject(name: string, command: string, args: (file: string) => string[]): Subject {
  const out = join(tmpdir(), `pugo-bench-heap-${name.replace(/\W+/g, '-')}.txt`);
  outputs.set(name, out);
  return {
    name,
    async measure() {
      const m = await measureCommand(command, args(profile!.path), out, {
        ...process.env,
        TZ: 'UTC',
      });
      return { wallSeconds: m.wallSeconds, peakRssMB: m.peakRssMB };
    },
  };
}

const bench: Bench = {
  description:
    'pugo-heap -top and @pugo/profile vs go tool pprof -top on a 1M-sample heap profile (--samples N)',
  metrics: {
    wallSeconds: { unit: 's', higherIsBetter: false },
    peakRssMB: { unit: 'MB', higherIsBetter: false },
  },
  async subjects(options) {
    const samples = positiveArg(options.args, 'samples', 1_000_000);
    process.stderr.write(`heap: generating (or reusing) a ${samples}-sample profile…\n`);
    profile = syntheticProfile({ samples });
    const list: Subject[] = [];
    if (hasGo) list.push(subject('go tool pprof -top', 'go', (f) => ['tool', 'pprof', '-top', f]));
    list.push(subject('pugo-heap -top', process.execPath, (f) => [pugoHeap, '-top', f]));
    // The library without the CLI: streamed as pugo-heap reads one file, and all in memory.
    list.push(
      subject('@pugo/profile streamed top', process.execPath, (f) => [libraryTop, 'stream', f]),
    );
    list.push(
      subject('@pugo/profile in-memory top', process.execPath, (f) => [libraryTop, 'memory', f]),
    );
    idle = await measureCommand(
      process.execPath,
      [pugoHeap, '--help'],
      join(tmpdir(), 'pugo-bench-heap-help.txt'),
    );
    return list;
  },
  notes(result) {
    const decodedMB = (profile?.decodedBytes ?? 0) / 2 ** 20;
    const pugo = result.subjects.find((s) => s.name === 'pugo-heap -top');
    const notes = [
      `profile: ${profile?.samples} samples, ${decodedMB.toFixed(1)} MB decoded (${profile?.path})`,
      `targets: wall ratio <= 1 vs go tool pprof; peak RSS <= 2 x decoded = ${(2 * decodedMB).toFixed(0)} MB` +
        (pugo ? ` (pugo-heap: ${(pugo.medians.peakRssMB! / decodedMB).toFixed(1)} x decoded)` : ''),
    ];
    if (pugo && idle) {
      const forProfile = pugo.medians.peakRssMB! - idle.peakRssMB;
      notes.push(
        `pugo-heap --help peaks at ${idle.peakRssMB.toFixed(0)} MB (node and the CLI, no profile): ` +
          `the profile costs ${forProfile.toFixed(0)} MB above it = ${(forProfile / decodedMB).toFixed(2)} x decoded`,
      );
    }
    if (!hasGo) notes.push('go is not installed: no go tool pprof baseline');
    const goFile = outputs.get('go tool pprof -top');
    if (hasGo && goFile !== undefined) {
      const goText = readFileSync(goFile, 'utf8');
      for (const [name, file] of outputs) {
        if (file === goFile) continue;
        const same = readFileSync(file, 'utf8') === goText;
        notes.push(`${name} output identical to go tool pprof: ${same ? 'yes' : 'NO'}`);
      }
    }
    notes.push(
      '2-core machine shared with other work: expect noise; compare ratios, not absolutes.',
    );
    return notes;
  },
};
export default bench;
