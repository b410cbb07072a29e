// @pugo/profile against go tool pprof: decode a ~1M-sample heap profile and print `top`.
// Usage: pnpm bench profile [--runs N] [--samples=N]  (default 1,000,000 samples)
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Bench, Subject } from '../bench.js';
import { syntheticProfilePath } from '../profile/synthetic.js';

const child = fileURLToPath(new URL('../profile/top-child.mjs', import.meta.url));

/** Runs a command, returning wall time and the peak RSS GNU time reports (KiB → MB). */
async function timed(cmd: string, args: readonly string[]): Promise<{ ms: number; rssMB: number }> {
  const start = performance.now();
  const proc = spawn('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${code}): ${stderr.trim()}`);
  const kib = Number(stderr.trim().split('\n').pop());
  return { ms, rssMB: kib / 1024 };
}

function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const bench: Bench = {
  description: '@pugo/profile decode + top vs go tool pprof -top on a ~1M-sample heap profile',
  metrics: {
    wallMs: { unit: 'ms', higherIsBetter: false },
    peakRssMB: { unit: 'MB', higherIsBetter: false },
  },
  subjects: (options) => {
    const raw = options.args.samples ?? '1000000';
    const samples = Number(raw);
    if (!Number.isInteger(samples) || samples < 1) {
      throw new Error(`--samples=N must be a positive integer, got "${raw}"`);
    }
    const { path, decodedBytes } = syntheticProfilePath(samples);
    process.stderr.write(`profile: ${path}, ${(decodedBytes / 2 ** 20).toFixed(1)} MB decoded\n`);
    const subjects: Subject[] = [];
    if (hasGo()) {
      subjects.push({
        name: 'go tool pprof -top',
        measure: async () => {
          const r = await timed('go', ['tool', 'pprof', '-top', path]);
          return { wallMs: r.ms, peakRssMB: r.rssMB };
        },
      });
    }
    subjects.push({
      name: '@pugo/profile decode + top',
      measure: async () => {
        const r = await timed(process.execPath, [child, path]);
        return { wallMs: r.ms, peakRssMB: r.rssMB };
      },
    });
    return subjects;
  },
  notes: () => [
    'Targets: no slower than go tool pprof; peak memory at most twice the decoded profile.',
    'Each measurement is a fresh process (startup included). 2 shared cores: numbers are noisy.',
  ],
};
export default bench;
