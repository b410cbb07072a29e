// Sorting and trimming a graph by node fraction, edge fraction and node count, as pprof does.

import type { Graph } from './graph.js';
import { abs, type GraphNode } from './node.js';

/** How nodes are ordered: by flat value (the default) or by cumulative value. */
export type NodeOrder = 'flat' | 'cum';

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts nodes in place: pprof's FlatNameOrder or CumNameOrder. */
export function sortNodes(nodes: GraphNode[], order: NodeOrder): void {
  if (order === 'flat') {
    nodes.sort(
      (l, r) =>
        abs(r.flat) - abs(l.flat) ||
        cmpStr(l.printableName(), r.printableName()) ||
        abs(r.cum) - abs(l.cum) ||
        cmpStr(l.sortKey(), r.sortKey()),
    );
  } else {
    nodes.sort(
      (l, r) =>
        abs(r.cum) - abs(l.cum) ||
        cmpStr(l.printableName(), r.printableName()) ||
        abs(r.flat) - abs(l.flat) ||
        cmpStr(l.sortKey(), r.sortKey()),
    );
  }
}

/** Sorts by function name, then node identity (pprof's NameOrder). */
export function sortByName(nodes: GraphNode[]): void {
  nodes.sort((l, r) => cmpStr(l.info.name, r.info.name) || cmpStr(l.sortKey(), r.sortKey()));
}

/** Sorts by file, then start line, then node identity (pprof's FileOrder). */
export function sortByFile(nodes: GraphNode[]): void {
  nodes.sort(
    (l, r) =>
      cmpStr(l.info.file, r.info.file) ||
      l.info.startLine - r.info.startLine ||
      cmpStr(l.sortKey(), r.sortKey()),
  );
}

/** Sum of flat and cumulative values. */
export function sumNodes(nodes: readonly GraphNode[]): { flat: number; cum: number } {
  let flat = 0;
  let cum = 0;
  for (const n of nodes) {
    flat += n.flat;
    cum += n.cum;
  }
  return { flat, cum };
}

/** Keys of nodes whose |cum| reaches the cutoff (pprof's DiscardLowFrequencyNodes). */
export function nodesAboveCutoff(g: Graph, cutoff: number): Set<string> {
  const kept = new Set<string>();
  for (const n of g.nodes) if (abs(n.cum) >= cutoff) kept.add(n.key);
  return kept;
}

/** Removes edges lighter than the cutoff; returns how many went. */
export function trimLowFrequencyEdges(g: Graph, cutoff: number): number {
  let dropped = 0;
  for (const n of g.nodes) {
    for (const [src, e] of n.in) {
      if (abs(e.weight) < cutoff) {
        n.in.delete(src);
        src.out.delete(n);
        dropped++;
      }
    }
  }
  return dropped;
}

/** Result of {@link trimGraph}. */
export interface TrimmedGraph {
  graph: Graph;
  /** Nodes before the node count cut. */
  origCount: number;
  droppedNodes: number;
  droppedEdges: number;
}

/** Options of {@link trimGraph}; 0 disables a trim. */
export interface TrimOptions {
  nodeFraction: number;
  edgeFraction: number;
  nodeCount: number;
  order: NodeOrder;
}

/** pprof's newTrimmedGraph: `build(kept)` rebuilds the graph keeping only the given node keys. */
export function trimGraph(
  build: (kept?: ReadonlySet<string>) => Graph,
  o: TrimOptions,
): TrimmedGraph {
  let g = build();
  const total = sumNodes(g.nodes).flat;
  const nodeCutoff = Math.abs(Math.trunc(total * o.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(total * o.edgeFraction));
  let droppedNodes = 0;
  if (nodeCutoff > 0) {
    const kept = nodesAboveCutoff(g, nodeCutoff);
    if (kept.size !== g.nodes.length) {
      droppedNodes = g.nodes.length - kept.size;
      g = build(kept);
    }
  }
  const origCount = g.nodes.length;
  sortNodes(g.nodes, o.order);
  if (o.nodeCount > 0) {
    trimLowFrequencyEdges(g, edgeCutoff);
    const top = g.nodes.slice(0, Math.min(o.nodeCount, g.nodes.length));
    if (top.length !== g.nodes.length) {
      g = build(new Set(top.map((n) => n.key)));
      sortNodes(g.nodes, o.order);
    }
  }
  const droppedEdges = trimLowFrequencyEdges(g, edgeCutoff);
  return { graph: g, origCount, droppedNodes, droppedEdges };
}
