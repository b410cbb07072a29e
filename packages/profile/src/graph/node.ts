// Nodes and edges of the call graph, keyed by what a granularity keeps of a frame.
import { basename } from 'node:path';

/** What identifies a node: google/pprof's NodeInfo. */
export interface NodeInfo {
  name: string;
  origName: string;
  address: number;
  file: string;
  startLine: number;
  lineno: number;
  objfile: string;
}

/** A caller → callee edge with the value that flowed along it. */
export interface Edge {
  src: GraphNode;
  dest: GraphNode;
  weight: number;
  /** True when the edge skips nodes that were trimmed away. */
  residual: boolean;
  /** True when the call was inlined. */
  inline: boolean;
  /** Internal: the sample that last touched the edge (pprof's per-sample seen set). */
  stamp: number;
}

/** A function, file, line or address in the graph with its flat and cumulative values. */
export class GraphNode {
  readonly info: NodeInfo;
  readonly key: string;
  flat = 0;
  cum = 0;
  readonly in = new Map<GraphNode, Edge>();
  readonly out = new Map<GraphNode, Edge>();
  /** Internal: the sample that last touched the node. */
  stamp = -1;
  #printable: string | undefined;
  #sortKey: string | undefined;

  constructor(info: NodeInfo, key: string) {
    this.info = info;
    this.key = key;
  }

  /** The name pprof prints: address, function, file:line as the granularity keeps them. */
  printableName(): string {
    this.#printable ??= nameComponents(this.info).join(' ');
    return this.#printable;
  }

  /** Go's fmt.Sprint(NodeInfo), pprof's last tie-breaker when sorting. */
  sortKey(): string {
    const i = this.info;
    this.#sortKey ??= `{${i.name} ${i.origName} ${i.address} ${i.file} ${i.startLine} ${i.lineno} ${i.objfile}}`;
    return this.#sortKey;
  }

  /** Adds `v` to the edge this → `to`, creating it if needed. */
  addToEdge(to: GraphNode, v: number, residual: boolean, inline: boolean, stamp: number): void {
    const e = this.out.get(to);
    if (e !== undefined) {
      e.weight += v;
      if (residual) e.residual = true;
      if (!inline) e.inline = false;
      e.stamp = stamp;
      return;
    }
    const edge: Edge = { src: this, dest: to, weight: v, residual, inline, stamp };
    this.out.set(to, edge);
    to.in.set(this, edge);
  }
}

/** The parts of a printable node name. */
export function nameComponents(i: NodeInfo): string[] {
  const name: string[] = [];
  if (i.address !== 0) name.push(i.address.toString(16).padStart(16, '0'));
  if (i.name !== '') name.push(i.name);
  if (i.lineno !== 0) name.push(`${i.file}:${i.lineno}`);
  else if (i.file !== '') name.push(i.file);
  else if (i.name !== '') {
    // The function name says it all.
  } else if (i.objfile !== '') name.push(`[${basename(i.objfile)}]`);
  else name.push('<unknown>');
  return name;
}

/** A string key for a NodeInfo, used for maps and kept-node sets. */
export function infoKey(i: NodeInfo): string {
  return `${i.name}\u0000${i.origName}\u0000${i.address}\u0000${i.file}\u0000${i.startLine}\u0000${i.lineno}\u0000${i.objfile}`;
}

function abs(x: number): number {
  return x < 0 ? -x : x;
}

/** Edges sorted as pprof sorts them: heavier first, then by source and destination name. */
export function sortEdges(edges: Iterable<Edge>): Edge[] {
  return [...edges].sort((a, b) => {
    if (a.weight !== b.weight) {
      const d = abs(b.weight) - abs(a.weight);
      if (d !== 0) return d;
    }
    const s1 = a.src.printableName();
    const s2 = b.src.printableName();
    if (s1 !== s2) return s1 < s2 ? -1 : 1;
    const d1 = a.dest.printableName();
    const d2 = b.dest.printableName();
    return d1 < d2 ? -1 : d1 > d2 ? 1 : 0;
  });
}

export { abs };
