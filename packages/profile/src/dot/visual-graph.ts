// pprof's newTrimmedGraph in visual mode: entropy order, nodelets counted as nodes, redundant edges removed.
import type { Graph } from '../graph/graph.js';
import { abs, type Edge, type GraphNode, sortEdges } from '../graph/node.js';
import { nodesAboveCutoff, sumNodes, trimLowFrequencyEdges } from '../graph/trim.js';
import { countTags, type NodeTags, trimLowFrequencyTags } from './node-tags.js';

/** A graph with the tags of its nodes. */
export interface TaggedGraph {
  graph: Graph;
  tags: Map<GraphNode, NodeTags>;
}

/** What {@link trimVisualGraph} returns: the graph and the counts the legend reports. */
export interface VisualGraph extends TaggedGraph {
  origCount: number;
  droppedNodes: number;
  droppedEdges: number;
}

/** Limits of a visual graph; 0 disables a limit. */
export interface VisualTrimOptions {
  nodeFraction: number;
  edgeFraction: number;
  nodeCount: number;
}

const maxNodelets = 4;

// Go's math.Log2: exact for powers of two, Log(frac)/Ln2 + exp otherwise.
function log2(x: number): number {
  if (x <= 0 || !Number.isFinite(x)) return Math.log2(x);
  let exp = Math.floor(Math.log2(x)) + 1;
  let frac = x / 2 ** exp;
  if (frac >= 1) {
    frac /= 2;
    exp++;
  } else if (frac < 0.5) {
    frac *= 2;
    exp--;
  }
  if (frac === 0.5) return exp - 1;
  return Math.log(frac) * (1 / Math.LN2) + exp;
}

function edgeEntropyScore(edges: Iterable<Edge>, self: number): number {
  const list = [...edges];
  let score = 0;
  let total = self;
  for (const e of list) if (e.weight > 0) total += abs(e.weight);
  if (total !== 0) {
    for (const e of list) {
      const frac = abs(e.weight) / total;
      score += -frac * log2(frac);
    }
    if (self > 0) {
      const frac = abs(self) / total;
      score += -frac * log2(frac);
    }
  }
  return score;
}

const MIN_INT64 = -(2n ** 63n);

// Go's int64(float64) on amd64: NaN and out-of-range values become the "integer indefinite" -2^63.
function toInt64(x: number): bigint {
  if (!Number.isFinite(x) || x >= 2 ** 63 || x < -(2 ** 63)) return MIN_INT64;
  return BigInt(Math.trunc(x));
}

function abs64(x: bigint): bigint {
  return x < 0n ? BigInt.asIntN(64, -x) : x;
}

/**
 * pprof's entropyScore: favours entries, leaves and nodes where paths fan in or out. An int64 with
 * Go's overflow: diffs (negative weights) give NaN scores, which Go turns into -2^63 and pprof sorts
 * by; matching its output means doing the same.
 */
export function entropyScore(n: GraphNode): bigint {
  let score = 0;
  score += n.in.size === 0 ? 1 : edgeEntropyScore(n.in.values(), 0);
  score += n.out.size === 0 ? 1 : edgeEntropyScore(n.out.values(), n.flat);
  return BigInt.asIntN(64, toInt64(score * n.cum) + BigInt(Math.trunc(n.flat)));
}

/** Sorts nodes in pprof's EntropyOrder. */
export function sortByEntropy(nodes: GraphNode[]): void {
  const score = new Map<GraphNode, bigint>();
  for (const n of nodes) score.set(n, abs64(entropyScore(n)));
  nodes.sort((l, r) => {
    const ls = score.get(l)!;
    const rs = score.get(r)!;
    if (ls !== rs) return ls > rs ? -1 : 1;
    const ln = l.printableName();
    const rn = r.printableName();
    if (ln !== rn) return ln < rn ? -1 : 1;
    return abs(r.flat) - abs(l.flat) || (l.sortKey() < r.sortKey() ? -1 : 1);
  });
}

function selectTopNodes(t: TaggedGraph, maxNodes: number): GraphNode[] {
  let max = maxNodes;
  let count = 0;
  const nodes = t.graph.nodes;
  for (let i = 0; i < nodes.length; i++) {
    count += Math.min(countTags(t.tags.get(nodes[i]!)), maxNodelets) + 1;
    if (count >= max) {
      max = i + 1;
      break;
    }
  }
  return nodes.slice(0, Math.min(max, nodes.length));
}

function isRedundantEdge(e: Edge): boolean {
  const src = e.src;
  const seen = new Set<GraphNode>([e.dest]);
  const queue: GraphNode[] = [e.dest];
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const ie of n.in.values()) {
      if (ie === e || seen.has(ie.src)) continue;
      if (ie.src === src) return true;
      seen.add(ie.src);
      queue.push(ie.src);
    }
  }
  return false;
}

/** pprof's RemoveRedundantEdges: drops residual edges whose destination is reachable otherwise. */
export function removeRedundantEdges(g: Graph): void {
  for (let i = g.nodes.length - 1; i >= 0; i--) {
    const inEdges = sortEdges(g.nodes[i]!.in.values());
    for (let j = inEdges.length - 1; j >= 0; j--) {
      const e = inEdges[j]!;
      if (!e.residual) break;
      if (isRedundantEdge(e)) {
        e.src.out.delete(e.dest);
        e.dest.in.delete(e.src);
      }
    }
  }
}

/** pprof's newTrimmedGraph for dot output; `build(kept)` rebuilds graph and tags from the samples. */
export function trimVisualGraph(
  build: (kept?: ReadonlySet<string>) => TaggedGraph,
  o: VisualTrimOptions,
): VisualGraph {
  let t = build();
  const total = sumNodes(t.graph.nodes).flat;
  const nodeCutoff = Math.abs(Math.trunc(total * o.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(total * o.edgeFraction));
  let droppedNodes = 0;
  if (nodeCutoff > 0) {
    const kept = nodesAboveCutoff(t.graph, nodeCutoff);
    if (kept.size !== t.graph.nodes.length) {
      droppedNodes = t.graph.nodes.length - kept.size;
      t = build(kept);
    }
  }
  const origCount = t.graph.nodes.length;
  sortByEntropy(t.graph.nodes);
  if (o.nodeCount > 0) {
    trimLowFrequencyTags(t.tags, nodeCutoff);
    trimLowFrequencyEdges(t.graph, edgeCutoff);
    const top = selectTopNodes(t, o.nodeCount);
    if (top.length !== t.graph.nodes.length) {
      t = build(new Set(top.map((n) => n.key)));
      sortByEntropy(t.graph.nodes);
    }
  }
  trimLowFrequencyTags(t.tags, nodeCutoff);
  const droppedEdges = trimLowFrequencyEdges(t.graph, edgeCutoff);
  removeRedundantEdges(t.graph);
  return { ...t, origCount, droppedNodes, droppedEdges };
}
