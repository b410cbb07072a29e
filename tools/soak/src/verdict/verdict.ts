// The verdict: trends of post-GC memory against requests served, retained memory after the drain.

import { formatBytes, MB } from '../units.js';
import type { Metric, Sample } from './samples.js';
import { allMetrics, judgedMetrics } from './samples.js';
import { type MannKendall, mannKendall, theilSen } from './stats.js';

/** The thresholds the verdict applies. */
export interface VerdictThresholds {
  /** Bytes per request. */
  readonly maxGrowth: number;
  /** Bytes (heap used + external). */
  readonly maxRetained: number;
  /** Significance level of Mann–Kendall. */
  readonly alpha: number;
}

/** The trend of one series after warm-up. */
export interface Trend {
  readonly metric: Metric;
  /** Whether the verdict judges this series (RSS is only reported). */
  readonly judged: boolean;
  readonly samples: number;
  /** Theil–Sen slope, bytes per request served. */
  readonly bytesPerRequest: number;
  /** Theil–Sen intercept: bytes at 0 requests. */
  readonly intercept: number;
  /** The slope at the observed request rate, in MB (2^20 bytes) per hour. */
  readonly mbPerHour: number;
  readonly mannKendall: MannKendall;
  /** p < alpha and the slope is positive. */
  readonly significant: boolean;
  /** Judged, significant and above maxGrowth. */
  readonly leak: boolean;
}

/** Final minus baseline, both after full GCs (the final one after the drain). */
export interface Retained {
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rss: number;
  /** heapUsed + external: what is judged. */
  readonly total: number;
  readonly leak: boolean;
}

/** The outcome. */
export interface Verdict {
  readonly leak: boolean;
  /** One sentence per finding (or why it passed). */
  readonly reasons: readonly string[];
  readonly trends: readonly Trend[];
  readonly retained: Retained | undefined;
}

/** The trends of every series over `samples` (the load samples after warm-up), at `rate` req/s. */
export function computeTrends(
  samples: readonly Sample[],
  rate: number,
  t: VerdictThresholds,
): Trend[] {
  const x = samples.map((s) => s.requests);
  return allMetrics.map((metric) => {
    const y = samples.map((s) => s[metric]);
    const fit = theilSen(x, y);
    const mk = mannKendall(y);
    const slope = Number.isNaN(fit.slope) ? 0 : fit.slope;
    const judged = judgedMetrics.includes(metric);
    const significant = mk.p < t.alpha && mk.s > 0 && slope > 0;
    return {
      metric,
      judged,
      samples: samples.length,
      bytesPerRequest: slope,
      intercept: Number.isNaN(fit.intercept) ? 0 : fit.intercept,
      mbPerHour: (slope * rate * 3600) / MB,
      mannKendall: mk,
      significant,
      leak: judged && significant && slope > t.maxGrowth,
    };
  });
}

/** Final minus baseline. */
export function computeRetained(baseline: Sample, final: Sample, t: VerdictThresholds): Retained {
  const d = (m: Metric) => final[m] - baseline[m];
  const total = d('heapUsed') + d('external');
  return {
    heapUsed: d('heapUsed'),
    external: d('external'),
    arrayBuffers: d('arrayBuffers'),
    rss: d('rss'),
    total,
    leak: total > t.maxRetained,
  };
}

/** LEAK if a judged series grows significantly faster than maxGrowth, or too much is retained. */
export function decide(
  trends: readonly Trend[],
  retained: Retained | undefined,
  t: VerdictThresholds,
): Verdict {
  const reasons: string[] = [];
  for (const trend of trends) {
    if (!trend.leak) continue;
    reasons.push(
      `${trend.metric} grows ${formatBytes(trend.bytesPerRequest)}/request (${trend.mbPerHour.toFixed(1)} MB/hour at the observed rate; Mann–Kendall ${pClause(trend.mannKendall.p)}), above --max-growth ${formatBytes(t.maxGrowth)}/request`,
    );
  }
  if (retained?.leak) {
    reasons.push(
      `${formatBytes(retained.total)} of heap used + external retained after the drain, above --max-retained ${formatBytes(t.maxRetained)}`,
    );
  }
  const leak = reasons.length > 0;
  if (!leak) {
    const worst = trends
      .filter((x) => x.judged)
      .sort((a, b) => b.bytesPerRequest - a.bytesPerRequest)[0];
    reasons.push(
      `no judged series grows significantly above ${formatBytes(t.maxGrowth)}/request${worst ? ` (steepest: ${worst.metric} ${formatBytes(worst.bytesPerRequest)}/request, ${pClause(worst.mannKendall.p)})` : ''}${retained ? `; retained ${formatBytes(retained.total)} ≤ ${formatBytes(t.maxRetained)}` : ''}`,
    );
  }
  return { leak, reasons, trends, retained };
}

/** The fewest samples for which a perfectly monotone series is significant at `alpha`. */
export function minSamples(alpha: number): number {
  for (let n = 3; n < 1000; n++) {
    if (mannKendall(Array.from({ length: n }, (_, i) => i)).p < alpha) return n;
  }
  return 1000;
}

/** `p = 0.003` or `p < 0.0001`. */
export function pClause(p: number): string {
  const text = formatP(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** A p-value for people: `0.0003`, `< 0.0001`. */
export function formatP(p: number): string {
  if (p < 0.0001) return '< 0.0001';
  return p < 0.01 ? p.toFixed(4) : p.toFixed(3);
}
