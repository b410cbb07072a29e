// The verdict rules: growth (significant and above --max-growth), retained after drain, RSS not judged.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../src/verdict/samples.js';
import {
  computeRetained,
  computeTrends,
  decide,
  minSamples,
  pClause,
} from '../src/verdict/verdict.js';

const thresholds = { maxGrowth: 32, maxRetained: 16 * 1024 * 1024, alpha: 0.01 };
const MB = 1024 * 1024;

/** Load samples every 100 requests; `f(requests, i)` gives heap used. */
function series(
  n: number,
  f: (requests: number, i: number) => number,
  extra: Partial<Sample> = {},
): Sample[] {
  return Array.from({ length: n }, (_, i) => {
    const requests = 1000 + i * 100;
    return {
      phase: 'load',
      t: i,
      requests,
      heapUsed: f(requests, i),
      heapTotal: 64 * MB,
      external: 2 * MB,
      arrayBuffers: 100_000,
      rss: 90 * MB,
      gcMs: 3,
      ...extra,
    } satisfies Sample;
  });
}

// A deterministic ±jitter, so noisy series are the same every run.
const jitter = (i: number) => ((i * 7919) % 13) - 6;

describe('growth under load', () => {
  it('a steady 1 kB/request growth is a leak, with bytes/request and MB/hour at the rate', () => {
    const samples = series(12, (r, i) => 20 * MB + 1024 * r + jitter(i) * 1000);
    const trends = computeTrends(samples, 500, thresholds);
    const heap = trends.find((t) => t.metric === 'heapUsed')!;
    expect(heap.bytesPerRequest).toBeGreaterThan(1000);
    expect(heap.bytesPerRequest).toBeLessThan(1050);
    expect(heap.mbPerHour).toBeCloseTo((heap.bytesPerRequest * 500 * 3600) / MB, 9);
    expect(heap.significant).toBe(true);
    expect(heap.leak).toBe(true);
    const verdict = decide(trends, undefined, thresholds);
    expect(verdict.leak).toBe(true);
    expect(verdict.reasons[0]).toMatch(
      /^heapUsed grows 1\.0 kB\/request .* p < 0\.0001\), above --max-growth 32 B\/request$/,
    );
  });

  it('a flat, noisy heap passes', () => {
    const samples = series(12, (_r, i) => 20 * MB + jitter(i) * 20_000);
    const verdict = decide(computeTrends(samples, 500, thresholds), undefined, thresholds);
    expect(verdict.leak).toBe(false);
    expect(verdict.trends.find((t) => t.metric === 'heapUsed')!.significant).toBe(false);
    expect(verdict.reasons[0]).toMatch(/^no judged series grows significantly/);
  });

  it('a significant growth under --max-growth is reported but not a leak', () => {
    const samples = series(12, (r) => 20 * MB + 8 * r);
    const heap = computeTrends(samples, 500, thresholds).find((t) => t.metric === 'heapUsed')!;
    expect(heap.significant).toBe(true);
    expect(heap.bytesPerRequest).toBe(8);
    expect(heap.leak).toBe(false);
  });

  it('a growing external series is judged too', () => {
    const samples = series(12, () => 20 * MB).map((s, i) => ({
      ...s,
      external: 2 * MB + i * 100 * 4096,
    }));
    const trends = computeTrends(samples, 100, thresholds);
    expect(trends.find((t) => t.metric === 'external')!.leak).toBe(true);
    expect(decide(trends, undefined, thresholds).leak).toBe(true);
  });

  it('RSS growth alone is reported, never judged', () => {
    const samples = series(12, () => 20 * MB).map((s, i) => ({ ...s, rss: 90 * MB + i * 10 * MB }));
    const trends = computeTrends(samples, 100, thresholds);
    const rss = trends.find((t) => t.metric === 'rss')!;
    expect(rss.significant).toBe(true);
    expect(rss.judged).toBe(false);
    expect(rss.leak).toBe(false);
    expect(decide(trends, undefined, thresholds).leak).toBe(false);
  });
});

describe('retained after the drain', () => {
  const base = series(1, () => 10 * MB)[0]!;

  it('a plateau (tango pool) that leaves heap above --max-retained is a leak even with a flat trend', () => {
    const flat = series(12, (_r, i) => 40 * MB + jitter(i) * 1000);
    const final = { ...base, phase: 'final' as const, heapUsed: 40 * MB, external: 2.5 * MB };
    const retained = computeRetained(base, final, thresholds);
    expect(retained.heapUsed).toBe(30 * MB);
    expect(retained.external).toBe(0.5 * MB);
    expect(retained.total).toBe(30.5 * MB);
    expect(retained.leak).toBe(true);
    const verdict = decide(computeTrends(flat, 500, thresholds), retained, thresholds);
    expect(verdict.leak).toBe(true);
    expect(verdict.reasons).toEqual([
      '30.5 MB of heap used + external retained after the drain, above --max-retained 16.0 MB',
    ]);
  });

  it('a bounded cache under the limit passes', () => {
    const final = { ...base, phase: 'final' as const, heapUsed: 14 * MB };
    const retained = computeRetained(base, final, thresholds);
    expect(retained.leak).toBe(false);
    expect(decide([], retained, thresholds).leak).toBe(false);
  });
});

describe('minSamples and p formatting', () => {
  it('is the fewest samples a monotone series needs to be significant', () => {
    expect(minSamples(0.05)).toBe(5);
    expect(minSamples(0.01)).toBe(6);
    expect(minSamples(0.001)).toBe(8);
  });

  it('prints p for people', () => {
    expect(pClause(0.00001)).toBe('p < 0.0001');
    expect(pClause(0.0085)).toBe('p = 0.0085');
    expect(pClause(0.23)).toBe('p = 0.230');
  });
});
