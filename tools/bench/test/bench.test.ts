// The harness: alternating rounds, medians and ratios to the baseline, the table and the saved JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Bench, formatResult, runBench, type Subject, saveResult } from '../src/bench.js';
import { median, ratio } from '../src/stats.js';
import { renderTable } from '../src/table.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A subject whose measurements come from `values`, one per round, logging what happens. */
function scripted(name: string, values: number[], log: string[]): Subject {
  let round = 0;
  return {
    name,
    setup: async () => void log.push(`setup ${name}`),
    measure: async () => {
      log.push(`measure ${name}`);
      return { opsPerSecond: values[round++]! };
    },
    teardown: async () => void log.push(`teardown ${name}`),
  };
}

function benchOf(subjects: Subject[], baseline?: string): Bench {
  return {
    description: 'test bench',
    metrics: { opsPerSecond: { unit: 'ops/s', higherIsBetter: true } },
    subjects: () => subjects,
    ...(baseline === undefined ? {} : { baseline }),
  };
}

describe('runBench', () => {
  test('alternates the order every round, set up and torn down once', async () => {
    const log: string[] = [];
    const bench = benchOf([scripted('a', [1, 2, 3], log), scripted('b', [4, 5, 6], log)]);
    await runBench('t', bench, { runs: 3, args: {} });
    expect(log).toEqual([
      'setup a',
      'setup b',
      'measure a',
      'measure b',
      'measure b',
      'measure a',
      'measure a',
      'measure b',
      'teardown a',
      'teardown b',
    ]);
  });

  test('reports every sample, the median per metric and its ratio to the baseline', async () => {
    const log: string[] = [];
    const bench = benchOf(
      [scripted('fast', [300, 100, 200, 900], log), scripted('base', [50, 100, 70, 10], log)],
      'base',
    );
    const result = await runBench('t', bench, { runs: 4, args: {} });
    expect(result).toMatchObject({ bench: 't', runs: 4, baseline: 'base', node: process.version });
    const [fast, base] = result.subjects;
    expect(fast).toEqual({
      name: 'fast',
      samples: { opsPerSecond: [300, 100, 200, 900] },
      medians: { opsPerSecond: 250 },
      // 250 / 60, to three decimals.
      ratios: { opsPerSecond: 4.167 },
    });
    expect(base!.medians).toEqual({ opsPerSecond: 60 });
    expect(base!.ratios).toEqual({ opsPerSecond: 1 });
  });

  test('tears every subject down when a measurement throws', async () => {
    const log: string[] = [];
    const broken: Subject = {
      name: 'broken',
      measure: async () => {
        throw new Error('server died');
      },
      teardown: async () => void log.push('teardown broken'),
    };
    const bench = benchOf([scripted('a', [1], log), broken]);
    await expect(runBench('t', bench, { runs: 1, args: {} })).rejects.toThrow('server died');
    expect(log).toContain('teardown a');
    expect(log).toContain('teardown broken');
  });
});

describe('formatResult and saveResult', () => {
  test('print a median and a ratio column per metric, and save JSON that reads back', async () => {
    const bench = benchOf([scripted('base', [10, 30], []), scripted('other', [20, 40], [])]);
    const result = await runBench('demo', bench, { runs: 2, args: {} });
    const text = formatResult(bench, result);
    expect(text.split('\n')).toEqual([
      `demo: medians of 2 runs, ratios to "base" (node ${process.version})`,
      '',
      'subject  opsPerSecond (ops/s)  ratio',
      '-------  --------------------  -----',
      'base                       20      1',
      'other                      30   1.50',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'pugo-bench-test-'));
    dirs.push(dir);
    const file = saveResult(result, dir);
    expect(file.startsWith(join(dir, 'demo-'))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(result);
  });
});

describe('stats and tables', () => {
  test('median of odd and even lists, NaN for none; ratios to three decimals', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(ratio(2, 3)).toBe(0.667);
    expect(ratio(1, 0)).toBeNaN();
  });

  test('right-aligns number columns with thousands separators, left-aligns text', () => {
    expect(
      renderTable(
        ['name', 'n'],
        [
          ['a', 1234567],
          ['bb', 2.5],
        ],
      ),
    ).toBe(['name          n', '----  ---------', 'a     1,234,567', 'bb         2.50'].join('\n'));
  });
});
