// Writes a call graph in Graphviz DOT, line for line as pprof's ComposeDot (dotgraph.go) does.
import type { Graph } from '../graph/graph.js';
import { abs, type Edge, type GraphNode, sortEdges } from '../graph/node.js';
import { label as autoLabel, percentage, scale } from '../measurement/units.js';
import { dotColor } from './dot-color.js';
import { escapeForDot, multilinePrintableName } from './dot-names.js';
import { type NodeTags, sortTags, type Tag } from './node-tags.js';

/** How the graph is drawn: its title, legend lines, value formatter and total. */
export interface DotConfig {
  /** The graph's name (pprof: the main binary's base name). Default: "unnamed". */
  title: string;
  /** Legend lines, the first one also naming the legend box. */
  labels: readonly string[];
  formatValue: (v: number) => string;
  total: number;
}

const maxNodelets = 4;

// Go's int64 division: exact, truncated toward zero.
function idiv(a: number, b: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Math.abs(a) < 2 ** 53 / 128) {
    return Math.trunc(a / b);
  }
  return Number(BigInt(Math.trunc(a)) / BigInt(Math.trunc(b)));
}

/** pprof's ComposeDot: the legend, then nodes with their nodelets, then edges by weight. */
export function composeDot(g: Graph, tags: Map<GraphNode, NodeTags>, c: DotConfig): string {
  const out: string[] = [];
  out.push(`digraph "${c.title !== '' ? c.title : 'unnamed'}" {`);
  out.push('node [style=filled fillcolor="#f8f8f8"]');
  if (c.labels.length > 0) {
    let legend = `subgraph cluster_L { "${c.labels[0]}" [shape=box fontsize=16`;
    legend += ` label="${c.labels.map(escapeForDot).join('\\l')}\\l"`;
    if (c.title !== '') legend += ` tooltip="${c.title}"`;
    out.push(`${legend}] }`);
  }
  if (g.nodes.length > 0) {
    const ids = new Map<GraphNode, number>();
    const hasNodelets = new Map<GraphNode, boolean>();
    let maxFlat = abs(g.nodes[0]!.flat);
    g.nodes.forEach((n, i) => {
      ids.set(n, i + 1);
      if (abs(n.flat) > maxFlat) maxFlat = abs(n.flat);
    });
    const edges: Edge[] = [];
    for (const n of g.nodes) {
      const id = ids.get(n)!;
      out.push(nodeLine(n, id, maxFlat, c));
      const nodelets = nodeletLines(n, id, tags.get(n), c);
      out.push(...nodelets);
      hasNodelets.set(n, nodelets.length > 0);
      edges.push(...n.out.values());
    }
    for (const e of sortEdges(edges)) {
      out.push(edgeLine(e, ids.get(e.src)!, ids.get(e.dest)!, hasNodelets.get(e.src) === true, c));
    }
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

function nodeLine(n: GraphNode, id: number, maxFlat: number, c: DotConfig): string {
  const { flat, cum } = n;
  let label = multilinePrintableName(n.info);
  const flatValue = c.formatValue(flat);
  if (flat !== 0) label += `${flatValue} (${percentage(flat, c.total).trim()})`;
  else label += '0';
  let cumValue = flatValue;
  if (cum !== flat) {
    label += flat !== 0 ? '\\n' : ' ';
    cumValue = c.formatValue(cum);
    label += `of ${cumValue} (${percentage(cum, c.total).trim()})`;
  }
  // Font size from 8 to 24, growing with the square root of the flat share.
  let fontSize = 8;
  if (maxFlat !== 0 && flat !== 0 && abs(flat) <= maxFlat) {
    fontSize += Math.ceil(16.0 * Math.sqrt(abs(flat) / maxFlat));
  }
  const score = cum / abs(c.total);
  return `N${id} [label="${label}" id="node${id}" fontsize=${fontSize} shape=box tooltip="${escapeForDot(n.printableName())} (${cumValue})" color="${dotColor(score, false)}" fillcolor="${dotColor(score, true)}"]`;
}

function nodeletLines(n: GraphNode, id: number, nt: NodeTags | undefined, c: DotConfig): string[] {
  if (nt === undefined) return [];
  const lines: string[] = [];
  // Leaves show cumulative tags (weight of trimmed children included); inner nodes flat ones.
  const flatTags = n.out.size > 0;
  const ts = sortTags([...nt.label.values()], flatTags).slice(0, maxNodelets);
  ts.forEach((t, i) => {
    const w = flatTags ? t.flat : t.cum;
    if (w === 0) return;
    const weight = c.formatValue(w);
    lines.push(
      `N${id}_${i} [label = "${t.name}" id="N${id}_${i}" fontsize=8 shape=box3d tooltip="${weight}"]`,
    );
    lines.push(
      `N${id} -> N${id}_${i} [label=" ${weight}" weight=100 tooltip="${weight}" labeltooltip="${weight}"]`,
    );
    const numeric = nt.numeric.get(t.name);
    if (numeric !== undefined && numeric.size > 0) {
      lines.push(...numericNodelets([...numeric.values()], flatTags, `N${id}_${i}`, c));
    }
  });
  const unlabelled = nt.numeric.get('');
  if (unlabelled !== undefined && unlabelled.size > 0) {
    lines.push(...numericNodelets([...unlabelled.values()], flatTags, `N${id}`, c));
  }
  return lines;
}

function numericNodelets(ts: Tag[], flatTags: boolean, source: string, c: DotConfig): string[] {
  const lines: string[] = [];
  collapsedTags(ts, maxNodelets, flatTags).forEach((t, j) => {
    let w = t.cum;
    let attr = ' style="dotted"';
    if (flatTags || t.flat === t.cum) {
      w = t.flat;
      attr = '';
    }
    if (w === 0) return;
    const weight = c.formatValue(w);
    lines.push(
      `N${source}_${j} [label = "${t.name}" id="N${source}_${j}" fontsize=8 shape=box3d tooltip="${weight}"]`,
    );
    lines.push(
      `${source} -> N${source}_${j} [label=" ${weight}" weight=100 tooltip="${weight}" labeltooltip="${weight}"${attr}]`,
    );
  });
  return lines;
}

/** pprof's collapsedTags: at most `count` numeric tags, nearby values grouped as `min..max`. */
function collapsedTags(input: Tag[], count: number, flatTags: boolean): Tag[] {
  const ts = sortTags(input, flatTags);
  if (ts.length <= count) return ts;
  const groups: Tag[][] = ts.slice(0, count).map((t) => [t]);
  for (const t of ts.slice(count)) {
    let g = 0;
    let d = tagDistance(t, groups[0]![0]!);
    for (let i = 1; i < count; i++) {
      const nd = tagDistance(t, groups[i]![0]!);
      if (nd < d) {
        g = i;
        d = nd;
      }
    }
    groups[g]!.push(t);
  }
  return sortTags(groups.map(tagGroup), flatTags);
}

function tagDistance(t: Tag, u: Tag): number {
  const [v] = scale(u.value, u.unit, t.unit);
  return v < t.value ? t.value - v : v - t.value;
}

function tagGroup(g: Tag[]): Tag {
  const first = g[0]!;
  if (g.length === 1) {
    return { ...first, name: autoLabel(first.value, first.unit) };
  }
  let min = first;
  let max = first;
  let flat = first.flat;
  let cum = first.cum;
  for (const t of g.slice(1)) {
    if (Math.trunc(scale(t.value, t.unit, min.unit)[0]) < min.value) min = t;
    if (Math.trunc(scale(t.value, t.unit, max.unit)[0]) > max.value) max = t;
    flat += t.flat;
    cum += t.cum;
  }
  const name = `${autoLabel(min.value, min.unit)}..${autoLabel(max.value, max.unit)}`;
  return { name, unit: '', value: 0, flat, cum };
}

function edgeLine(e: Edge, from: number, to: number, hasNodelets: boolean, c: DotConfig): string {
  const inline = e.inline ? '\\n (inline)' : '';
  const w = c.formatValue(e.weight);
  let attr = `label=" ${w}${inline}"`;
  if (c.total !== 0) {
    // A diff's edge can outweigh the total: cap at 100% and 5.
    const weight = 1 + Math.min(abs(idiv(e.weight * 100, c.total)), 100);
    if (weight > 1) attr += ` weight=${weight}`;
    const width = 1 + Math.min(abs(idiv(e.weight * 5, c.total)), 5);
    if (width > 1) attr += ` penwidth=${width}`;
    attr += ` color="${dotColor(e.weight / abs(c.total), false)}"`;
  }
  const arrow = e.residual ? '...' : '->';
  const tooltip = `"${escapeForDot(e.src.printableName())} ${arrow} ${escapeForDot(e.dest.printableName())} (${w})"`;
  attr += ` tooltip=${tooltip} labeltooltip=${tooltip}`;
  if (e.residual) attr += ' style="dotted"';
  if (hasNodelets) attr += ' minlen=2';
  return `N${from} -> N${to} [${attr}]`;
}
