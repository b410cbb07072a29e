// Unit tests of the graph (building, trimming) and report layers (options, errors, JSON data).
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildGraph,
  decodeProfile,
  generateReport,
  type Profile,
  percentage,
  scaledLabel,
  trimGraph,
} from '../src/index.js';
import { goFixed, goG } from '../src/measurement/go-format.js';
import { buildProfile } from './helpers/build-profile.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const goHeap = decodeProfile(readFileSync(join(fixtures, 'go-heap-leaky-end.pb.gz')));

// main → a (60) → a1 (50, flat), main → b (30), main → c (9), main → d (1)
const small: Profile = decodeProfile(
  buildProfile({
    sampleTypes: [['samples', 'count']],
    samples: [
      { stack: ['a1', 'a', 'main'], values: [50] },
      { stack: ['a', 'main'], values: [10] },
      { stack: ['b', 'main'], values: [30] },
      { stack: ['c', 'main'], values: [9] },
      { stack: ['d', 'main'], values: [1] },
    ],
  }),
);
const build = (kept?: ReadonlySet<string>) =>
  buildGraph(small, { sampleValue: (v) => v[0] ?? 0, keptNodes: kept });

describe('graph', () => {
  test('flat and cum per function, edges caller → callee', () => {
    const g = build();
    const node = (name: string) => g.nodes.find((n) => n.info.name === name)!;
    expect(node('main').cum).toBe(100);
    expect(node('main').flat).toBe(0);
    expect(node('a').cum).toBe(60);
    expect(node('a').flat).toBe(10);
    expect(node('a').out.get(node('a1'))?.weight).toBe(50);
    expect(node('a1').in.get(node('a'))?.weight).toBe(50);
  });

  test('recursion counts cum once per sample', () => {
    const rec = decodeProfile(
      buildProfile({
        sampleTypes: [['samples', 'count']],
        samples: [{ stack: ['fib', 'fib', 'fib', 'main'], values: [7] }],
      }),
    );
    const g = buildGraph(rec, { sampleValue: (v) => v[0] ?? 0 });
    const fib = g.nodes.find((n) => n.info.name === 'fib')!;
    expect(fib.cum).toBe(7);
    expect(fib.flat).toBe(7);
    expect(fib.out.size).toBe(0); // self edges are not drawn
  });

  test('nodefraction drops nodes whose cum is below the cutoff', () => {
    const t = trimGraph(build, {
      nodeFraction: 0.05,
      edgeFraction: 0,
      nodeCount: 0,
      order: 'flat',
    });
    // Cutoff 5 of 100: d (1) goes.
    expect(t.droppedNodes).toBe(1);
    expect(t.graph.nodes.map((n) => n.info.name)).toEqual(['a1', 'b', 'a', 'c', 'main']);
  });

  test('nodecount keeps the top nodes; edgefraction drops light edges', () => {
    const t = trimGraph(build, { nodeFraction: 0, edgeFraction: 0.2, nodeCount: 3, order: 'cum' });
    expect(t.origCount).toBe(6);
    expect(t.graph.nodes.map((n) => n.info.name)).toEqual(['main', 'a', 'a1']);
    // Edges under 20: none left of main → a (60) and a → a1 (50) were under.
    const main = t.graph.nodes[0]!;
    expect([...main.out.values()].map((e) => e.weight)).toEqual([60]);
  });
});

describe('measurement', () => {
  test('Go rounding: ties go to even, %.2g drops zeros and uses exponents', () => {
    expect(goFixed(1.125, 2)).toBe('1.12');
    expect(goFixed(1.375, 2)).toBe('1.38');
    expect(goFixed(0.005, 2)).toBe('0.01'); // 0.005 is just above the tie in binary
    expect(goG(0.0051, 2)).toBe('0.0051');
    expect(goG(1e-7, 2)).toBe('1e-07');
    expect(goG(0.5, 2)).toBe('0.5');
  });

  test('percentages and scaled labels as pprof prints them', () => {
    expect(percentage(9995, 10000)).toBe('  100%');
    expect(percentage(8554, 10000)).toBe('85.54%');
    expect(percentage(5, 100000)).toBe('0.005%');
    expect(percentage(0, 10)).toBe('    0%');
    expect(scaledLabel(1152, 'bytes', 'kB')).toBe('1.12kB');
    expect(scaledLabel(3_120_000_000, 'nanoseconds', 'minimum')).toBe('3.12s');
    expect(scaledLabel(0, 'bytes', 'MB')).toBe('0');
    expect(scaledLabel(7, 'count', 'minimum')).toBe('7');
  });
});

describe('generateReport', () => {
  test('top data mirrors the text rows', () => {
    const r = generateReport(goHeap, { kind: 'top', nodeCount: 3 });
    expect(r.data.kind).toBe('top');
    expect(r.data.sampleType).toBe('inuse_space');
    expect(r.data.unit).toBe('bytes');
    expect(r.data.outputUnit).toBe('MB'); // 3120.02kB is the smallest: MB fits it
    expect(r.data.top?.map((row) => row.name)).toEqual([
      'main.(*ArticleController).Get',
      'main.(*ThemeRender).Assign',
      'reflect.unsafe_NewArray',
    ]);
    expect(r.data.top?.[1]?.inline).toBe('(inline)');
    expect(r.data.nodes).toEqual({ shown: 3, total: 31, dropped: 19 });
    expect(r.data.labels).toContain('Showing top 3 nodes out of 12');
    expect(r.text).toContain('Showing top 3 nodes out of 12\n');
    expect(JSON.parse(JSON.stringify(r.data))).toEqual(r.data);
  });

  test('peek data lists callers and callees', () => {
    const r = generateReport(goHeap, { kind: 'peek', regexp: '^reflect\\.Value\\.call$' });
    expect(r.data.tree).toHaveLength(1);
    expect(r.data.tree?.[0]?.callers.map((e) => e.name)).toEqual(['reflect.Value.Call']);
    expect(r.data.tree?.[0]?.callees.map((e) => e.name)).toEqual(['main.(*ArticleController).Get']);
    expect(r.data.tree?.[0]?.callees[0]?.percent).toBe(100);
  });

  test('traces data holds every sample leaf first with formatted numeric labels', () => {
    const r = generateReport(goHeap, { kind: 'traces' });
    const first = r.data.traces?.[0];
    expect(first?.frames[0]?.name).toBe('sync.(*Pool).pinSlow');
    expect(first?.numLabels.bytes).toEqual(['256B']);
  });

  test('list reads the source along sourcePath and annotates it', () => {
    const node = decodeProfile(readFileSync(join(fixtures, 'node-heap-leaky-end.pb.gz')));
    const r = generateReport(node, {
      kind: 'list',
      regexp: '^get$',
      sourcePath: [join(fixtures, 'nodeleak')],
    });
    const routine = r.data.list?.[0];
    expect(routine?.file).toBe('server.mjs');
    expect(routine?.error).toBeUndefined();
    expect(routine?.lines.find((l) => l.line === 10)?.source).toBe('  get(req) {');
    const missing = generateReport(node, { kind: 'list', regexp: '^get$' });
    expect(missing.data.list?.[0]?.error).toBe(
      'open /app/nodeleak/server.mjs: no such file or directory',
    );
  });

  test('warnings carry what pprof prints on stderr', () => {
    const r = generateReport(goHeap, { kind: 'top', focus: 'no-such-function' });
    expect(r.warnings).toEqual(['Focus expression matched no samples']);
    expect(r.text).toContain('Showing nodes accounting for 0, 0% of 152.48MB total\n');
  });

  test('the input profile is not modified', () => {
    const before = JSON.stringify(goHeap.sample.slice(0, 5).map((s) => s.value));
    generateReport(goHeap, { kind: 'top', hide: 'main', granularity: 'lines' });
    expect(goHeap.function.every((f) => f.name !== '')).toBe(true);
    expect(JSON.stringify(goHeap.sample.slice(0, 5).map((s) => s.value))).toBe(before);
  });

  test('bad options are coded errors with one-line messages', () => {
    const cases: Array<[Parameters<typeof generateReport>[1], string]> = [
      [{ kind: 'top', focus: '(' }, 'PUGO_ERR_PROFILE_REGEX'],
      [{ kind: 'peek', regexp: 'no-such-function' }, 'PUGO_ERR_PROFILE_NO_MATCH'],
      [{ kind: 'list', regexp: 'no-such-function' }, 'PUGO_ERR_PROFILE_NO_MATCH'],
      [{ kind: 'peek' }, 'PUGO_ERR_PROFILE_OPTION'],
      [{ kind: 'top', sampleIndex: 'cpu' }, 'PUGO_ERR_PROFILE_SAMPLE_INDEX'],
      [{ kind: 'top', base: goHeap, diffBase: goHeap }, 'PUGO_ERR_PROFILE_OPTION'],
      [{ kind: 'top', nodeFraction: -1 }, 'PUGO_ERR_PROFILE_OPTION'],
      [{ kind: 'flame' as 'top' }, 'PUGO_ERR_PROFILE_OPTION'],
    ];
    for (const [options, code] of cases) {
      let caught: unknown;
      try {
        generateReport(goHeap, options);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(options)).toMatchObject({ code });
      expect((caught as Error).message).not.toContain('\n');
    }
  });

  test('RE2 spellings translate: (?i) and \\z', () => {
    const r = generateReport(goHeap, { kind: 'peek', regexp: '(?i)REFLECT\\.VALUE\\.CALL\\z' });
    expect(r.data.tree?.map((n) => n.name)).toEqual(['reflect.Value.Call', 'reflect.Value.call']);
  });
});
