// The `top` report: one row per node, flat and cumulative values with running sum.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md
import { trimGraph } from '../graph/trim.js';
import { padLeft } from '../measurement/go-format.js';
import { percentage } from '../measurement/units.js';
import type { ReportContext } from './context.js';
import type { ReportData, TopRow } from './report-data.js';

/** pprof's printText. */
export function topReport(rpt: ReportContext): { text: string; data: Partial<ReportData> } {
  // Edges only mark inlined frames in `top`: without inlining, a large profile's edges (millions
  // of caller–callee pairs) are not built at all.
  const inlining = rpt.prof.location.some((l) => l.line.length > 1);
  const t = trimGraph((kept) => rpt.newGraph(kept, false, inlining), {
    nodeFraction: rpt.o.nodeFraction,
    edgeFraction: rpt.o.edgeFraction,
    nodeCount: rpt.o.nodeCount,
    order: rpt.o.cum ? 'cum' : 'flat',
  });
  const g = t.graph;
  rpt.selectOutputUnit(g);
  const labels = rpt.reportLabels(g, t.origCount, t.droppedNodes);
  const lines = [
    ...labels,
    `${padLeft('flat', 10)} ${padLeft('flat', 5)}% ${padLeft('sum', 5)}% ${padLeft('cum', 10)} ${padLeft('cum', 5)}%`,
  ];
  const rows: TopRow[] = [];
  let flatSum = 0;
  for (const n of g.nodes) {
    let inline = false;
    let noinline = false;
    for (const e of n.in.values()) {
      if (e.inline) inline = true;
      else noinline = true;
    }
    const inl = inline ? (noinline ? '(partial-inline)' : '(inline)') : '';
    flatSum += n.flat;
    const name = n.printableName();
    lines.push(
      `${padLeft(rpt.formatValue(n.flat), 10)} ${percentage(n.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${padLeft(rpt.formatValue(n.cum), 10)} ${percentage(n.cum, rpt.total)}  ${name}${inl !== '' ? ` ${inl}` : ''}`,
    );
    rows.push({
      name,
      inline: inl,
      flat: n.flat,
      flatPercent: rpt.percentOf(n.flat),
      sumPercent: rpt.percentOf(flatSum),
      cum: n.cum,
      cumPercent: rpt.percentOf(n.cum),
    });
  }
  return {
    text: `${lines.join('\n')}\n`,
    data: {
      labels,
      top: rows,
      nodes: {
        shown: g.nodes.length,
        total: t.origCount + t.droppedNodes,
        dropped: t.droppedNodes,
      },
    },
  };
}
