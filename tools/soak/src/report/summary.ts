// The summary on stdout: verdict, growth, retained, slope, p-value, throughput, p99, errors, top growers.

import { formatBytes, formatCount } from '../units.js';
import { frameLocation } from '../verdict/growers.js';
import { formatP } from '../verdict/verdict.js';
import type { SoakReport } from './soak-report.js';
import { alignTable } from './table.js';

/** The human summary of `report`, ending with a newline. */
export function summaryText(report: SoakReport, reportDir?: string): string {
  const out: string[] = [];
  const head = { pass: 'PASS: no leak', leak: 'LEAK', error: 'ERROR: the soak failed' }[
    report.verdict
  ];
  out.push(`pugo-soak: ${head}${report.name !== undefined ? ` (${report.name})` : ''}`);
  for (const reason of report.reasons) out.push(`  - ${reason}`);
  out.push('');
  if (report.trends.length > 0) {
    out.push(
      'Growth under load (post-GC, after warm-up, Theil–Sen slope vs requests; Mann–Kendall):',
    );
    const rows = report.trends.map((t) => [
      t.metric,
      `${formatBytes(t.bytesPerRequest, true)}/req`,
      `${t.mbPerHour >= 0 ? '+' : ''}${t.mbPerHour.toFixed(1)} MB/h`,
      formatP(t.mannKendall.p),
      t.mannKendall.tau.toFixed(2),
      String(t.samples),
      !t.judged ? 'reported' : t.leak ? 'LEAK' : t.significant ? 'grows, under limit' : 'flat',
    ]);
    for (const line of alignTable(
      ['series', 'slope', 'at rate', 'p', 'tau', 'n', 'judgement'],
      rows,
      new Set([1, 2, 3, 4, 5]),
    ))
      out.push(`  ${line}`);
    out.push('');
  }
  const r = report.retained;
  if (r !== undefined) {
    out.push(
      `Retained after drain: ${formatBytes(r.total, true)} heap used + external (heap ${formatBytes(r.heapUsed, true)}, external ${formatBytes(r.external, true)}, array buffers ${formatBytes(r.arrayBuffers, true)}); RSS ${formatBytes(r.rss, true)} (reported, not judged)`,
    );
  }
  const l = report.load;
  if (l !== undefined) {
    out.push(
      `Load: ${formatCount(l.requests)} requests in ${l.durationSeconds.toFixed(1)}s, ${formatCount(l.requestsPerSecond)} req/s, p50 ${l.latencyMs.p50} ms, p99 ${l.latencyMs.p99} ms, errors ${formatCount(l.connectionErrors + l.failed)} (${(l.errorRate * 100).toFixed(2)}%)`,
    );
  }
  if (report.growers.length > 0) {
    out.push('');
    out.push('Top growing allocation sites (final heap profile − baseline):');
    const rows = report.growers.map((g, i) => [
      String(i + 1),
      formatBytes(g.bytes, true),
      `+${formatCount(g.objects)}`,
      g.function,
      frameLocation(g),
      g.callers.map((c) => c.function).join(', ') || '-',
    ]);
    for (const line of alignTable(
      ['#', 'bytes', 'objects', 'function', 'file:line', 'callers'],
      rows,
      new Set([0, 1, 2]),
    ))
      out.push(`  ${line}`);
  }
  if (reportDir !== undefined) {
    out.push('');
    out.push(
      `Report: ${reportDir}/report.html (heap profiles: heap-baseline.pb.gz, heap-final.pb.gz)`,
    );
  }
  return `${out.join('\n')}\n`;
}
