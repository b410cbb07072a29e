// Builds the soak's report: the verdict on its samples, the growers, and whether the run could judge at all.
import type { ResolvedSoakOptions } from '../config/options.js';
import { type SoakError, soakError } from '../errors.js';
import type { LoadSummary, ReportParameters, SoakReport } from '../report/soak-report.js';
import { formatCount } from '../units.js';
import { topGrowers } from '../verdict/growers.js';
import type { Sample } from '../verdict/samples.js';
import { computeRetained, computeTrends, decide, minSamples } from '../verdict/verdict.js';
import type { HeapProfile } from './phases.js';

/** Everything a finished soak measured. */
export interface SoakMeasurements {
  readonly o: ResolvedSoakOptions;
  readonly startedAt: string;
  readonly target: SoakReport['target'];
  readonly summary: LoadSummary;
  /** Baseline first, final last. */
  readonly samples: readonly Sample[];
  readonly marks: SoakReport['marks'];
  readonly heapBaseline: HeapProfile;
  readonly heapFinal: HeapProfile;
}

/** The report: `pass`, `leak`, or `error` when the run could not judge (its data is kept). */
export function buildReport(m: SoakMeasurements): SoakReport {
  const { o, summary, samples } = m;
  const judged = samples.filter((s) => s.phase === 'load');
  const trends = judged.length >= 2 ? computeTrends(judged, summary.requestsPerSecond, o) : [];
  const retained = computeRetained(samples[0]!, samples.at(-1)!, o);
  const verdict = decide(trends, retained, o);
  const error = harnessError(o, summary, judged.length);
  return {
    tool: 'pugo-soak',
    ...(o.name !== undefined ? { name: o.name } : {}),
    verdict: error ? 'error' : verdict.leak ? 'leak' : 'pass',
    exitCode: error ? 2 : verdict.leak ? 1 : 0,
    reasons: error ? [error.message, ...verdict.reasons] : verdict.reasons,
    ...(error ? { error: { code: error.code, message: error.message } } : {}),
    startedAt: m.startedAt,
    finishedAt: new Date().toISOString(),
    target: m.target,
    parameters: reportParameters(o),
    load: summary,
    trends,
    retained,
    marks: m.marks,
    samples,
    growers: topGrowers(m.heapBaseline.profile, m.heapFinal.profile, o.top, o.cwd),
  };
}

/** Why the run cannot be judged: no load, too many failed requests, or too few samples. */
function harnessError(
  o: ResolvedSoakOptions,
  summary: LoadSummary,
  judged: number,
): SoakError | undefined {
  const need = minSamples(o.alpha);
  if (summary.requests === 0)
    return soakError('PUGO_ERR_SOAK_NO_LOAD', {
      reason: `${formatCount(summary.connectionErrors)} connection errors`,
    });
  if (summary.errorRate > o.maxErrorRate)
    return soakError('PUGO_ERR_SOAK_ERROR_RATE', {
      rate: `${(summary.errorRate * 100).toFixed(2)}%`,
      max: `${o.maxErrorRate * 100}%`,
      detail: errorDetail(summary),
    });
  if (judged < need) return soakError('PUGO_ERR_SOAK_TOO_FEW_SAMPLES', { samples: judged, need });
  return undefined;
}

/** The failures in a line: connection errors, unexpected statuses, the worst route's statuses. */
function errorDetail(s: LoadSummary): string {
  const worst = [...s.routes].sort((a, b) => b.failed - a.failed)[0];
  const parts = [
    `${formatCount(s.connectionErrors)} connection errors`,
    `${formatCount(s.failed)} unexpected statuses`,
  ];
  if (worst && worst.failed > 0)
    parts.push(
      `most from ${worst.name}: ${Object.entries(worst.statuses)
        .map(([k, v]) => `${k}×${v}`)
        .join(' ')}`,
    );
  return parts.join(', ');
}

/** The run's parameters as report.json records them. */
function reportParameters(o: ResolvedSoakOptions): ReportParameters {
  return {
    durationMs: o.durationMs,
    intervalMs: o.intervalMs,
    connections: o.connections,
    rate: o.rate,
    warmup: o.warmup,
    drainMs: o.drainMs,
    maxGrowth: o.maxGrowth,
    maxRetained: o.maxRetained,
    maxErrorRate: o.maxErrorRate,
    alpha: o.alpha,
    routes: o.routes.map((r) => ({
      name: r.name ?? `${r.method ?? 'GET'} ${r.path}`,
      method: r.method ?? 'GET',
      path: r.path,
      weight: r.weight ?? 1,
    })),
  };
}
