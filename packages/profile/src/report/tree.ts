// The `tree` and `peek` reports: each node with its callers above and callees below.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md

import { fail } from '../errors.js';
import { sortEdges } from '../graph/node.js';
import { trimGraph } from '../graph/trim.js';
import { padLeft } from '../measurement/go-format.js';
import { percentage } from '../measurement/units.js';
import type { ReportContext } from './context.js';
import type { ReportData, TreeEdge, TreeEntry } from './report-data.js';

const SEPARATOR = '----------------------------------------------------------+-------------';
const LEGEND = '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ';

/** pprof's printTree; with a symbol regexp (peek), only matching nodes are printed. */
export function treeReport(rpt: ReportContext): { text: string; data: Partial<ReportData> } {
  const t = trimGraph((kept) => rpt.newGraph(kept), {
    nodeFraction: rpt.o.nodeFraction,
    edgeFraction: rpt.o.edgeFraction,
    nodeCount: rpt.o.nodeCount,
    order: rpt.o.cum ? 'cum' : 'flat',
  });
  const g = t.graph;
  rpt.selectOutputUnit(g);
  const labels = rpt.reportLabels(g, t.origCount, t.droppedNodes);
  const lines = [...labels, SEPARATOR, LEGEND];
  const entries: TreeEntry[] = [];
  const rx = rpt.o.symbol;
  let flatSum = 0;
  let matched = 0;
  const edgeLine = (value: number, cum: number, name: string, inline: boolean): string =>
    `${padLeft(rpt.formatValue(value), 50)} ${percentage(value, cum)} |   ${name}${inline ? ' (inline)' : ''}`;
  for (const n of g.nodes) {
    const name = n.printableName();
    if (rx !== undefined && !rx.test(name)) continue;
    matched++;
    lines.push(SEPARATOR);
    const callers: TreeEdge[] = [];
    for (const e of sortEdges(n.in.values())) {
      const peer = e.src.printableName();
      lines.push(edgeLine(e.weight, n.cum, peer, e.inline));
      callers.push({
        name: peer,
        value: e.weight,
        percent: rpt.percentOf(e.weight, n.cum),
        inline: e.inline,
      });
    }
    flatSum += n.flat;
    lines.push(
      `${padLeft(rpt.formatValue(n.flat), 10)} ${percentage(n.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${padLeft(rpt.formatValue(n.cum), 10)} ${percentage(n.cum, rpt.total)}                | ${name}`,
    );
    const callees: TreeEdge[] = [];
    for (const e of sortEdges(n.out.values())) {
      const peer = e.dest.printableName();
      lines.push(edgeLine(e.weight, n.cum, peer, e.inline));
      callees.push({
        name: peer,
        value: e.weight,
        percent: rpt.percentOf(e.weight, n.cum),
        inline: e.inline,
      });
    }
    entries.push({
      name,
      flat: n.flat,
      flatPercent: rpt.percentOf(n.flat),
      sumPercent: rpt.percentOf(flatSum),
      cum: n.cum,
      cumPercent: rpt.percentOf(n.cum),
      callers,
      callees,
    });
  }
  if (g.nodes.length > 0) lines.push(SEPARATOR);
  if (rx !== undefined && matched === 0) {
    fail(
      'PUGO_ERR_PROFILE_NO_MATCH',
      `no matches found for regexp: ${rpt.o.symbolSource}; check the expression against the names in \`top\``,
    );
  }
  return {
    text: `${lines.join('\n')}\n`,
    data: {
      labels,
      tree: entries,
      nodes: {
        shown: g.nodes.length,
        total: t.origCount + t.droppedNodes,
        dropped: t.droppedNodes,
      },
    },
  };
}
