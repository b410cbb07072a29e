// What a benchmark is, and the runner that alternates its subjects and reports medians and ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ratio } from './stats.js';
import { renderTable } from './table.js';

/** One thing measured, e.g. "bare fastify" or "router, pooled controller". */
export interface Subject {
  /** Row label in the table. */
  readonly name: string;
  /** Called once before the rounds (start a server, seed a database). Default: nothing. */
  setup?(): Promise<void>;
  /** One measurement: metric name → value. Every call must return the same metric names. */
  measure(): Promise<Record<string, number>>;
  /** Called once after the rounds. Default: nothing. */
  teardown?(): Promise<void>;
}

/** A benchmark: subjects measured side by side, the first one (or `baseline`) being the baseline. */
export interface Bench {
  /** One line for `pnpm bench <name> --help`. */
  readonly description: string;
  /** Subjects in table order. */
  subjects(options: BenchOptions): Promise<Subject[]> | Subject[];
  /** The subject the ratios are relative to. Default: the first. */
  readonly baseline?: string;
  /** Per metric, whether higher is better (for the reader; ratios are always value / baseline). */
  readonly metrics: Record<string, { unit: string; higherIsBetter: boolean }>;
  /** Extra notes printed under the table (targets, conditions). Default: none. */
  notes?(result: BenchResult): string[];
}

export interface BenchOptions {
  /** Rounds; each round measures every subject once, in alternating order. Default: 5. */
  readonly runs: number;
  /** Free-form `--key value` arguments after the bench name. */
  readonly args: Readonly<Record<string, string>>;
}

export interface SubjectResult {
  readonly name: string;
  /** Every sample, per metric. */
  readonly samples: Record<string, number[]>;
  /** Median per metric. */
  readonly medians: Record<string, number>;
  /** Median / baseline median, per metric. */
  readonly ratios: Record<string, number>;
}

export interface BenchResult {
  readonly bench: string;
  readonly date: string;
  readonly runs: number;
  readonly node: string;
  readonly baseline: string;
  readonly subjects: SubjectResult[];
}

/**
 * Runs `bench`: setup, then `runs` rounds in which every subject is measured once, the order reversed
 * on every other round so that no subject always runs first (or last, on a warmer machine).
 */
export async function runBench(
  name: string,
  bench: Bench,
  options: BenchOptions,
): Promise<BenchResult> {
  const subjects = await bench.subjects(options);
  const samples = new Map<string, Record<string, number[]>>(subjects.map((s) => [s.name, {}]));
  for (const subject of subjects) await subject.setup?.();
  try {
    for (let round = 0; round < options.runs; round++) {
      const order = round % 2 === 0 ? subjects : [...subjects].reverse();
      for (const subject of order) {
        process.stderr.write(
          `\r\x1b[K${name}: round ${round + 1}/${options.runs}, ${subject.name}`,
        );
        const values = await subject.measure();
        const bucket = samples.get(subject.name)!;
        for (const [metric, value] of Object.entries(values)) {
          bucket[metric] = [...(bucket[metric] ?? []), value];
        }
      }
    }
  } finally {
    process.stderr.write('\r\x1b[K');
    for (const subject of subjects) await subject.teardown?.();
  }
  const baselineName = bench.baseline ?? subjects[0]!.name;
  const medians = new Map(
    [...samples].map(([subject, byMetric]) => [
      subject,
      Object.fromEntries(
        Object.entries(byMetric).map(([metric, values]) => [metric, median(values)]),
      ),
    ]),
  );
  const base = medians.get(baselineName) ?? {};
  return {
    bench: name,
    date: new Date().toISOString(),
    runs: options.runs,
    node: process.version,
    baseline: baselineName,
    subjects: subjects.map((s) => {
      const m = medians.get(s.name)!;
      return {
        name: s.name,
        samples: samples.get(s.name)!,
        medians: m,
        ratios: Object.fromEntries(
          Object.entries(m).map(([k, v]) => [k, ratio(v, base[k] ?? Number.NaN)]),
        ),
      };
    }),
  };
}

/** The result as a table: a median and a ratio column per metric. */
export function formatResult(bench: Bench, result: BenchResult): string {
  const metrics = Object.keys(bench.metrics);
  const header = [
    'subject',
    ...metrics.flatMap((m) => [`${m} (${bench.metrics[m]!.unit})`, 'ratio']),
  ];
  const rows = result.subjects.map((s) => [
    s.name,
    ...metrics.flatMap((m) => [s.medians[m] ?? Number.NaN, s.ratios[m] ?? Number.NaN]),
  ]);
  const lines = [
    `${result.bench}: medians of ${result.runs} runs, ratios to "${result.baseline}" (node ${result.node})`,
    '',
    renderTable(header, rows),
  ];
  const notes = bench.notes?.(result) ?? [];
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n');
}

/** Where results are saved, whichever package ran the bench: `tools/bench/results/`. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Writes the result as JSON to `<dir>/<bench>-<date>.json` and returns the path. Default dir: {@link RESULTS_DIR} */
export function saveResult(result: BenchResult, dir: string = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.bench}-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
