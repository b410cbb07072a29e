// The web UI's views: each turns the refined settings into a page body (graph, top, flame, peek, source).
import { generateReport, scaledLabel } from '@pugo/profile';
import { browserScript } from '../browser-script.js';
import { flameData } from '../flame/flame-data.js';
import { escapeHtml, flameBody } from '../flame/flame-html.js';
import type { Config } from '../settings/config.js';
import { type ReportSources, toReportOptions } from '../settings/report-options.js';
import { graphOptions } from './picture.js';
import { renderSvg } from './render-svg.js';
import { QueryError } from './web-query.js';

/** What a view renders from. */
export interface ViewInput {
  sources: ReportSources;
  config: Config;
  query: URLSearchParams;
  nonce: string;
}

/** A view's body and the warnings of its report (shown above it). */
export interface ViewOutput {
  body: string;
  warnings: string[];
}

function regexpLiteral(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

function legend(labels: readonly string[]): string {
  return `<pre class="legend">${escapeHtml(labels.join('\n'))}</pre>`;
}

/** `/`: the call graph as SVG, drawn from pprof's dot report. */
export async function graphView(v: ViewInput): Promise<ViewOutput> {
  const report = generateReport(v.sources.profile, graphOptions(v.config, v.sources));
  const svg = await renderSvg(report.text, true);
  return {
    body: `<p class="hint">Click a node to focus the graph on it.</p><div class="graph" id="graph">${svg}</div><script type="module" nonce="${v.nonce}">${browserScript('graph-client.js')}</script>`,
    warnings: report.warnings,
  };
}

/** `/top`: the top table (500 rows, as pprof's web UI), each name focusing the graph on it. */
export async function topView(v: ViewInput): Promise<ViewOutput> {
  const n = v.query.get('n');
  const config: Config = { ...v.config, nodeCount: n ? v.config.nodeCount : 500 };
  const report = generateReport(
    v.sources.profile,
    toReportOptions({ kind: 'top' }, config, v.sources),
  );
  const rows = (report.data.top ?? [])
    .map((r) => {
      const fmt = (x: number) =>
        escapeHtml(formatValue(x, report.data.unit, report.data.outputUnit));
      const focus = `/?f=${encodeURIComponent(regexpLiteral(r.name))}`;
      return `<tr><td>${fmt(r.flat)}</td><td>${r.flatPercent.toFixed(2)}%</td><td>${r.sumPercent.toFixed(2)}%</td><td>${fmt(r.cum)}</td><td>${r.cumPercent.toFixed(2)}%</td><td class="name"><a href="${escapeHtml(focus)}" title="Focus the graph on it">${escapeHtml(r.name)}</a>${r.inline !== '' ? ` <span class="hint">${escapeHtml(r.inline)}</span>` : ''}</td></tr>`;
    })
    .join('\n');
  const head =
    '<tr><th>flat</th><th>flat%</th><th>sum%</th><th>cum</th><th>cum%</th><th class="name">name</th></tr>';
  return {
    body: `${legend(report.data.labels)}<table class="top" id="top"><thead>${head}</thead><tbody>${rows}</tbody></table>`,
    warnings: report.warnings,
  };
}

/** `/flamegraph`: the flame graph of the refined profile. */
export async function flameView(v: ViewInput): Promise<ViewOutput> {
  const options = { ...toReportOptions({ kind: 'top' }, v.config, v.sources), nodeCount: 1 };
  const top = generateReport(v.sources.profile, options);
  const labels = top.data.labels.filter((l) => !/^(Showing|Dropped) /.test(l));
  return {
    body: flameBody(flameData(v.sources.profile, options, labels), v.nonce),
    warnings: top.warnings,
  };
}

/** `/peek?f=RE`: callers and callees of the matching functions, at line granularity as pprof's. */
export async function peekView(v: ViewInput): Promise<ViewOutput> {
  const regexp = v.query.get('f') || '.';
  const config: Config = { granularity: 'lines', ...v.config };
  const report = generateReport(
    v.sources.profile,
    toReportOptions({ kind: 'peek', regexp }, config, v.sources),
  );
  return {
    body: `<pre class="text" id="text">${escapeHtml(report.text)}</pre>`,
    warnings: report.warnings,
  };
}

/** `/source?f=RE`: annotated source of the matching functions (pprof's weblist, as `list` text). */
export async function sourceView(v: ViewInput): Promise<ViewOutput> {
  const regexp = v.query.get('f');
  if (regexp === null || regexp === '') {
    throw new QueryError(
      'the source view needs a function: set Focus (f) to a regexp, e.g. f=main\\.handler',
    );
  }
  const report = generateReport(
    v.sources.profile,
    toReportOptions({ kind: 'list', regexp }, v.config, v.sources),
  );
  return {
    body: `<pre class="text" id="text">${escapeHtml(report.text)}</pre>`,
    warnings: report.warnings,
  };
}

// The top table's values in the report's output unit, as its text does.
function formatValue(v: number, unit: string, outputUnit: string): string {
  return scaledLabel(v, unit, outputUnit);
}
