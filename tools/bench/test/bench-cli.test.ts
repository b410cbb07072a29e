// The `pnpm bench` command line every package runs its benches with, and the dispatch to packages.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Bench } from '../src/bench.js';
import { type BenchCliOptions, runBenchCli } from '../src/bench-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const counting: Bench = {
  description: 'counts calls (--step=N)',
  metrics: { calls: { unit: 'calls', higherIsBetter: true } },
  subjects: ({ args }) => {
    const step = Number(args.step ?? 1);
    let calls = 0;
    return [
      { name: 'base', measure: async () => ({ calls: 10 }) },
      {
        name: 'counter',
        measure: async () => {
          calls += step;
          return { calls };
        },
      },
    ];
  },
};

const failing: Bench = {
  description: 'cannot start',
  metrics: { calls: { unit: 'calls', higherIsBetter: true } },
  subjects: () => [
    {
      name: 'broken',
      measure: async () => {
        throw new Error('port 80 is taken');
      },
    },
  ],
};

async function cli(argv: string[], options: Partial<BenchCliOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const resultsDir = mkdtempSync(join(tmpdir(), 'pugo-bench-cli-'));
  dirs.push(resultsDir);
  const code = await runBenchCli(argv, {
    benches: { counting: async () => counting, failing: async () => failing },
    resultsDir,
    io: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    ...options,
  });
  return { code, out: out.join(''), err: err.join(''), saved: readdirSync(resultsDir) };
}

describe('runBenchCli', () => {
  test('runs the named bench with its options, prints the table and saves the result', async () => {
    const { code, out, err, saved } = await cli(['counting', '--runs', '3', '--step', '5']);
    expect(code).toBe(0);
    expect(out).toMatch(/^counting: medians of 3 runs, ratios to "base"/);
    // The counter measured 5, 10, 15: median 10, the same as the baseline.
    expect(out).toMatch(/counter\s+10\s+1\n/);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^counting-.*\.json$/);
    expect(err).toContain(`saved `);
  });

  test('prints the usage with every bench, and a bench description with its name', async () => {
    const all = await cli(['--help'], { otherNames: async () => ['blog'] });
    expect(all.code).toBe(0);
    expect(all.out).toContain('benchmarks: blog, counting, failing');
    const one = await cli(['counting', '--help']);
    expect(one.out).toContain('counting: counts calls (--step=N)');
    expect(one.saved).toEqual([]);
  });

  test('is exit 2 with the usage for no name, an unknown name or a bad option', async () => {
    for (const argv of [[], ['nope'], ['counting', '--runs', '0']]) {
      const { code, err, saved } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(/^pnpm bench: .*\n\nusage: pnpm bench <name>/);
      expect(saved).toEqual([]);
    }
  });

  test('is exit 2 with one line when the bench cannot run', async () => {
    const { code, err, out, saved } = await cli(['failing', '--runs', '1']);
    expect(code).toBe(2);
    expect(err.trim()).toBe('pnpm bench failing: port 80 is taken');
    expect(out).toBe('');
    expect(saved).toEqual([]);
  });

  test('hands a bench it does not have to the delegate, with every argument', async () => {
    const calls: [string, readonly string[]][] = [];
    const delegate = async (name: string, argv: readonly string[]) => {
      calls.push([name, argv]);
      return name === 'blog' ? 7 : undefined;
    };
    expect((await cli(['blog', '--runs', '2', '--posts=50'], { delegate })).code).toBe(7);
    expect(calls).toEqual([['blog', ['blog', '--runs', '2', '--posts=50']]]);
    expect((await cli(['other'], { delegate })).code).toBe(2);
    expect((await cli(['counting', '--runs', '1'], { delegate })).code).toBe(0);
    expect(calls.map(([name]) => name)).toEqual(['blog', 'other']);
  });
});
