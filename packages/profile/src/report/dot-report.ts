// The `dot` report: pprof's call graph (GetDOT + ComposeDot) with its legend, as Graphviz text.
import { basename } from 'node:path';
import { composeDot } from '../dot/compose-dot.js';
import { collectTags } from '../dot/node-tags.js';
import { trimVisualGraph, type VisualGraph } from '../dot/visual-graph.js';
import { percentage } from '../measurement/units.js';
import type { ReportContext } from './context.js';
import type { DotGraphData, ReportData } from './report-data.js';

/** Where the legend sends new readers, as pprof's does. */
export const LEGEND_HELP = '\nSee https://git.io/JfYMW for how to read the graph';

/** pprof's printDOT. */
export function dotReport(rpt: ReportContext): { text: string; data: Partial<ReportData> } {
  const bytesUnit = rpt.o.numLabelUnits.get('bytes');
  const sampleValue = (v: readonly number[]) => rpt.value(v);
  const vg = trimVisualGraph(
    (kept) => {
      const graph = rpt.newGraph(kept);
      return {
        graph,
        tags: collectTags(rpt.prof, graph, { sampleValue, bytesUnit, keptNodes: kept }),
      };
    },
    {
      nodeFraction: rpt.o.nodeFraction,
      edgeFraction: rpt.o.edgeFraction,
      nodeCount: rpt.o.nodeCount,
    },
  );
  rpt.selectOutputUnit(vg.graph);
  const labels = dotLabels(rpt, vg);
  const m0 = rpt.prof.mapping[0];
  const title = m0 !== undefined && m0.file !== '' ? basename(m0.file) : '';
  const text = composeDot(vg.graph, vg.tags, {
    title,
    labels,
    formatValue: (v) => rpt.formatValue(v),
    total: rpt.total,
  });
  const g = vg.graph;
  const ids = new Map(g.nodes.map((n, i) => [n, i + 1]));
  const graph: DotGraphData = {
    nodes: g.nodes.map((n, i) => ({
      id: i + 1,
      name: n.printableName(),
      flat: n.flat,
      cum: n.cum,
    })),
    edges: g.nodes.flatMap((n) =>
      [...n.out.values()].map((e) => ({
        from: ids.get(e.src)!,
        to: ids.get(e.dest)!,
        weight: e.weight,
        residual: e.residual,
        inline: e.inline,
      })),
    ),
  };
  return {
    text,
    data: {
      labels,
      graph,
      nodes: {
        shown: g.nodes.length,
        total: vg.origCount + vg.droppedNodes,
        dropped: vg.droppedNodes,
      },
    },
  };
}

/** pprof's reportLabels with full headers: the text reports' lines plus dropped edges and a hint. */
function dotLabels(rpt: ReportContext, vg: VisualGraph): string[] {
  const out = rpt.profileLabels();
  let flatSum = 0;
  for (const n of vg.graph.nodes) flatSum += n.flat;
  if (rpt.o.activeFilters.length > 0) {
    out.push('Active filters:');
    for (const f of rpt.o.activeFilters) {
      const chars = [...f];
      out.push(`   ${chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : f}`);
    }
  }
  const fmt = (v: number) => rpt.formatValue(v);
  out.push(
    `Showing nodes accounting for ${fmt(flatSum)}, ${percentage(flatSum, rpt.total).trim()} of ${fmt(rpt.total)} total`,
  );
  if (rpt.total !== 0) {
    const dropped = (d: number, what: string, by: string, fraction: number) =>
      `Dropped ${d} ${d > 1 ? `${what}s` : what} (${by} <= ${fmt(Math.abs(Math.trunc(rpt.total * fraction)))})`;
    if (vg.droppedNodes > 0) out.push(dropped(vg.droppedNodes, 'node', 'cum', rpt.o.nodeFraction));
    if (vg.droppedEdges > 0) out.push(dropped(vg.droppedEdges, 'edge', 'freq', rpt.o.edgeFraction));
    const count = vg.graph.nodes.length;
    if (count > 0 && count < vg.origCount) {
      out.push(`Showing top ${count} nodes out of ${vg.origCount}`);
    }
  }
  out.push(LEGEND_HELP);
  return out;
}
