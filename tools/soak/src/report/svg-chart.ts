// A small line chart as inline SVG (no scripts, no external references), for report.html.
// Hand-written: chart libraries draw with scripts or a DOM, and report.html must open offline with neither.
import { escapeHtml } from './escape.js';

/** One line of a chart. */
export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  /** Drawn dashed, without markers (a fitted trend). */
  readonly dashed?: boolean;
}

/** A chart: series, vertical marks (warm-up end, drain start), axis labels. */
export interface Chart {
  readonly title: string;
  readonly xLabel: string;
  readonly series: readonly ChartSeries[];
  readonly marks: readonly { readonly x: number; readonly label: string }[];
  readonly formatX: (v: number) => string;
  readonly formatY: (v: number) => string;
}

const W = 560;
const H = 300;
const pad = { left: 70, right: 16, top: 56, bottom: 44 };

/** The chart as an `<svg>` element. */
export function renderChart(chart: Chart): string {
  const all = chart.series.flatMap((s) => s.points);
  const xs = [...all.map((p) => p[0]), ...chart.marks.map((m) => m.x)];
  const ys = all.map((p) => p[1]);
  let [x0, x1] = [Math.min(...xs, 0), Math.max(...xs, 1)];
  let [y0, y1] = [Math.min(...ys, 0), Math.max(...ys, 1)];
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  y1 += (y1 - y0) * 0.05;
  if (y0 < 0) y0 -= (y1 - y0) * 0.05;
  const px = (x: number) => pad.left + ((x - x0) / (x1 - x0)) * (W - pad.left - pad.right);
  const py = (y: number) => H - pad.bottom - ((y - y0) / (y1 - y0)) * (H - pad.top - pad.bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(chart.title)}">`,
  );
  parts.push(`<text x="${pad.left}" y="18" class="title">${escapeHtml(chart.title)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    parts.push(
      `<line x1="${pad.left}" x2="${W - pad.right}" y1="${f(py(y))}" y2="${f(py(y))}" class="grid"/>`,
    );
    parts.push(
      `<text x="${pad.left - 6}" y="${f(py(y) + 4)}" text-anchor="end">${escapeHtml(chart.formatY(y))}</text>`,
    );
    const x = x0 + ((x1 - x0) * i) / 4;
    parts.push(
      `<text x="${f(px(x))}" y="${H - pad.bottom + 16}" text-anchor="middle">${escapeHtml(chart.formatX(x))}</text>`,
    );
  }
  parts.push(
    `<text x="${(W + pad.left) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>`,
  );
  for (const mark of chart.marks) {
    const x = f(px(mark.x));
    parts.push(`<line x1="${x}" x2="${x}" y1="${pad.top}" y2="${H - pad.bottom}" class="mark"/>`);
    parts.push(
      `<text x="${x}" y="${pad.top - 4}" text-anchor="middle" class="marklabel">${escapeHtml(mark.label)}</text>`,
    );
  }
  for (const s of chart.series) {
    if (s.points.length === 0) continue;
    const d = s.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${f(px(p[0]))},${f(py(p[1]))}`)
      .join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<path d="${d}" fill="none" stroke="${escapeHtml(s.color)}" stroke-width="2"${dash}><title>${escapeHtml(s.name)}</title></path>`,
    );
    if (!s.dashed) {
      for (const p of s.points)
        parts.push(
          `<circle cx="${f(px(p[0]))}" cy="${f(py(p[1]))}" r="2.5" fill="${escapeHtml(s.color)}"/>`,
        );
    }
  }
  // The legend, on its own row under the title (mark labels sit just above the plot).
  let lx = pad.left;
  for (const s of chart.series) {
    const color = escapeHtml(s.color);
    const dash = s.dashed ? ' stroke-dasharray="4 3"' : '';
    parts.push(
      `<line x1="${lx}" x2="${lx + 14}" y1="31" y2="31" stroke="${color}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<text x="${lx + 18}" y="35">${escapeHtml(s.name)}</text>`);
    lx += 30 + s.name.length * 6;
  }
  parts.push('</svg>');
  return parts.join('');
}
