// report.html: one self-contained page (inline SVG and CSS, no scripts, no network), everything escaped.

import { formatBytes, formatCount, formatDuration } from '../units.js';
import { frameLocation } from '../verdict/growers.js';
import type { Metric, Sample } from '../verdict/samples.js';
import { formatP } from '../verdict/verdict.js';
import { escapeHtml as e } from './escape.js';
import type { SoakReport } from './soak-report.js';
import { type Chart, type ChartSeries, renderChart } from './svg-chart.js';

const colors: Record<Metric, string> = {
  heapUsed: '#1f6feb',
  external: '#d97706',
  arrayBuffers: '#9333ea',
  rss: '#6b7280',
};
/** Two chart rows: the judged memory, and RSS on its own scale. */
const chartRows: readonly { title: string; metrics: readonly Metric[] }[] = [
  { title: 'Heap used and external', metrics: ['heapUsed', 'external'] },
  { title: 'RSS (reported, not judged)', metrics: ['rss'] },
];

/** The report page. */
export function reportHtml(report: SoakReport): string {
  const verdictClass = report.verdict;
  const title = { pass: 'PASS: no leak', leak: 'LEAK', error: 'ERROR' }[report.verdict];
  const body: string[] = [];
  body.push(`<h1>pugo-soak <span class="${verdictClass}">${e(title)}</span></h1>`);
  body.push(`<ul>${report.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`);
  if (report.samples.length > 0) {
    body.push('<h2>Memory after full GC</h2><div class="charts">');
    for (const row of chartRows) {
      body.push(renderChart(timeChart(report, row.title, row.metrics)));
      body.push(renderChart(requestsChart(report, row.title, row.metrics)));
    }
    body.push('</div>');
  }
  if (report.trends.length > 0) {
    body.push('<h2>Growth under load</h2>');
    body.push(
      table(
        [
          'series',
          'slope',
          'at observed rate',
          'Mann–Kendall S',
          'p',
          'tau',
          'samples',
          'judgement',
        ],
        report.trends.map((t) => [
          t.metric,
          `${formatBytes(t.bytesPerRequest, true)}/request`,
          `${t.mbPerHour.toFixed(1)} MB/hour`,
          String(t.mannKendall.s),
          formatP(t.mannKendall.p),
          t.mannKendall.tau.toFixed(2),
          String(t.samples),
          !t.judged ? 'reported' : t.leak ? 'LEAK' : t.significant ? 'grows, under limit' : 'flat',
        ]),
      ),
    );
  }
  const r = report.retained;
  if (r !== undefined) {
    body.push('<h2>Retained after the drain</h2>');
    body.push(
      table(
        ['heap used + external', 'heap used', 'external', 'array buffers', 'RSS (not judged)'],
        [[r.total, r.heapUsed, r.external, r.arrayBuffers, r.rss].map((v) => formatBytes(v, true))],
      ),
    );
  }
  if (report.growers.length > 0) {
    body.push(
      '<h2>Top growing allocation sites</h2><p>Final heap profile minus the baseline (open heap-final.pb.gz with pugo-heap or go tool pprof, <code>-base heap-baseline.pb.gz</code>).</p>',
    );
    body.push(
      table(
        ['#', '+bytes', '+objects', 'function', 'file:line', 'allocated in', 'callers'],
        report.growers.map((g, i) => [
          String(i + 1),
          formatBytes(g.bytes, true),
          `+${formatCount(g.objects)}`,
          g.function,
          frameLocation(g),
          g.allocatedIn ? `${g.allocatedIn.function} ${frameLocation(g.allocatedIn)}` : '',
          g.callers
            .map((c) => `${c.function} ${frameLocation(c)} (${formatBytes(c.bytes, true)})`)
            .join('\n'),
        ]),
      ),
    );
  }
  if (report.load !== undefined) {
    const l = report.load;
    body.push('<h2>Load</h2>');
    body.push(
      table(
        ['requests', 'req/s', 'p50', 'p99', 'max', 'connection errors', 'failed', 'error rate'],
        [
          [
            formatCount(l.requests),
            formatCount(l.requestsPerSecond),
            `${l.latencyMs.p50} ms`,
            `${l.latencyMs.p99} ms`,
            `${l.latencyMs.max} ms`,
            formatCount(l.connectionErrors),
            formatCount(l.failed),
            `${(l.errorRate * 100).toFixed(2)}%`,
          ],
        ],
      ),
    );
    body.push(
      table(
        ['route', 'requests', 'failed', 'statuses'],
        l.routes.map((rt) => [
          rt.name,
          formatCount(rt.requests),
          formatCount(rt.failed),
          Object.entries(rt.statuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(', '),
        ]),
      ),
    );
  }
  const p = report.parameters;
  body.push('<h2>Parameters</h2>');
  body.push(
    table(
      ['parameter', 'value'],
      [
        ...(report.name !== undefined ? [['run', report.name]] : []),
        ['target', report.target.cmd ?? report.target.url],
        ['service', report.target.url],
        ['pprof', report.target.pprof],
        ['started', report.startedAt],
        ['finished', report.finishedAt],
        ['duration', formatDuration(p.durationMs)],
        ['interval', formatDuration(p.intervalMs)],
        ['connections', String(p.connections)],
        ['rate cap', p.rate > 0 ? `${p.rate} req/s` : 'none'],
        ['warm-up', `${Math.round(p.warmup * 100)}%`],
        ['drain', formatDuration(p.drainMs)],
        ['max growth', `${formatBytes(p.maxGrowth)}/request`],
        ['max retained', formatBytes(p.maxRetained)],
        ['max error rate', `${p.maxErrorRate * 100}%`],
        ['alpha', String(p.alpha)],
        [
          'routes',
          p.routes
            .map((rt) => `${rt.name} (${rt.method} ${rt.path}, weight ${rt.weight})`)
            .join('\n'),
        ],
      ],
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>pugo-soak: ${e(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:74rem;padding:0 1rem;color:#111}
h1 span{padding:.1em .4em;border-radius:4px;color:#fff}.pass{background:#15803d}.leak{background:#b91c1c}.error{background:#92400e}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f3f4f6}svg{display:block;margin:.5rem 0;max-width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#333}
svg .title{font-weight:600;font-size:13px}svg .grid{stroke:#eee}svg .mark{stroke:#999;stroke-dasharray:3 3}svg .marklabel{fill:#666}
code{background:#f3f4f6;padding:0 .2em}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(30rem,1fr));gap:.5rem 1.5rem}
</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = header.map((h) => `<th>${e(h)}</th>`).join('');
  const trs = rows.map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

function memorySeries(
  samples: readonly Sample[],
  x: (s: Sample) => number,
  metrics: readonly Metric[],
): ChartSeries[] {
  return metrics.map((m) => ({
    name: m,
    color: colors[m],
    points: samples.map((s) => [x(s), s[m]] as const),
  }));
}

function trendSeries(
  report: SoakReport,
  x: (s: Sample) => number,
  metrics: readonly Metric[],
): ChartSeries[] {
  const judged = report.samples.filter((s) => s.phase === 'load');
  return report.trends
    .filter((t) => metrics.includes(t.metric))
    .map((t) => ({
      name: `${t.metric} trend`,
      color: colors[t.metric],
      dashed: true,
      points: judged.map((s) => [x(s), t.intercept + t.bytesPerRequest * s.requests] as const),
    }));
}

function timeChart(report: SoakReport, title: string, metrics: readonly Metric[]): Chart {
  const x = (s: Sample) => s.t;
  return {
    title: `${title} after full GC, against time`,
    xLabel: 'seconds since the load started',
    series: [...memorySeries(report.samples, x, metrics), ...trendSeries(report, x, metrics)],
    marks: [
      { x: report.marks.warmupEnd, label: 'warm-up end' },
      { x: report.marks.drainStart, label: 'drain' },
    ],
    formatX: (v) => `${Math.round(v)}s`,
    formatY: (v) => formatBytes(v),
  };
}

function requestsChart(report: SoakReport, title: string, metrics: readonly Metric[]): Chart {
  const x = (s: Sample) => s.requests;
  const warm = report.samples.find((s) => s.phase === 'load');
  const lastLoad = [...report.samples]
    .reverse()
    .find((s) => s.phase === 'load' || s.phase === 'warmup');
  return {
    title: `${title} after full GC, against requests`,
    xLabel: 'requests served',
    series: [...memorySeries(report.samples, x, metrics), ...trendSeries(report, x, metrics)],
    marks: [
      ...(warm ? [{ x: warm.requests, label: 'warm-up end' }] : []),
      ...(lastLoad ? [{ x: lastLoad.requests, label: 'drain' }] : []),
    ],
    formatX: (v) => formatCount(v),
    formatY: (v) => formatBytes(v),
  };
}
