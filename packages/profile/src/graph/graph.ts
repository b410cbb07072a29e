// Builds the call graph of a profile: one node per distinct frame, edges caller → callee.
import { normalize } from 'node:path/posix';
import { IdTable } from '../profile/id-table.js';
import type { Line, Location } from '../profile/model.js';
import { forEachSample, type ReportProfile } from '../profile/samples.js';
import { GraphNode, infoKey, type NodeInfo } from './node.js';

/** Options of {@link buildGraph}. */
export interface GraphOptions {
  /** The value of a sample: its value at the report's sample index. */
  sampleValue: (values: readonly number[]) => number;
  /** Keep object file names on named nodes (list reports). Default: false. */
  objNames?: boolean;
  /** Drop nodes whose value is negative overall. Default: false. */
  dropNegative?: boolean;
  /** Only create nodes whose key is in this set. Default: all nodes. */
  keptNodes?: ReadonlySet<string>;
  /**
   * Build edges. Default: true. Without them a graph holds only nodes' flat and cum values, which
   * is all `top` needs when no location has inlined frames (edges only mark inlining there).
   */
  edges?: boolean;
}

/** A call graph: its nodes (unsorted until a report sorts them). */
export interface Graph {
  nodes: GraphNode[];
}

/** Go's filepath.Clean for slash paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const n = normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function nodeInfo(l: Location, line: Line | undefined, objfile: string, o: GraphOptions): NodeInfo {
  if (line === undefined) {
    return {
      name: '',
      origName: '',
      address: l.address,
      file: '',
      startLine: 0,
      lineno: 0,
      objfile,
    };
  }
  const fn = line.function;
  const ni: NodeInfo = {
    name: fn.name,
    origName: '',
    address: l.address,
    file: fn.filename !== '' ? cleanPath(fn.filename) : '',
    startLine: 0,
    lineno: line.line,
    objfile: '',
  };
  if (o.objNames === true || ni.name === '') {
    ni.objfile = objfile;
    ni.startLine = fn.startLine;
  }
  return ni;
}

/** Nodes per location id, innermost frame first; undefined where keptNodes excluded a frame. */
export function createNodes(
  p: ReportProfile,
  o: GraphOptions,
): { nodes: Map<string, GraphNode>; byLocation: Map<number, Array<GraphNode | undefined>> } {
  const nodes = new Map<string, GraphNode>();
  const byLocation = new Map<number, Array<GraphNode | undefined>>();
  for (const l of p.location) {
    const objfile = l.mapping?.file ?? '';
    const lines: Array<Line | undefined> = l.line.length === 0 ? [undefined] : l.line;
    byLocation.set(
      l.id,
      lines.map((ln) => {
        const info = nodeInfo(l, ln, objfile, o);
        const key = infoKey(info);
        if (o.keptNodes !== undefined && !o.keptNodes.has(key)) return undefined;
        let n = nodes.get(key);
        if (n === undefined) {
          n = new GraphNode(info, key);
          nodes.set(key, n);
        }
        return n;
      }),
    );
  }
  return { nodes, byLocation };
}

const NO_NODES: readonly (GraphNode | undefined)[] = [];

/** Builds the graph as pprof's graph.New does (not a call tree). */
export function buildGraph(p: ReportProfile, o: GraphOptions): Graph {
  const created = createNodes(p, o);
  const nodes = created.nodes;
  const byLocation = new IdTable(created.byLocation);
  const edges = o.edges !== false;
  let stamp = 0;
  forEachSample(p.sample, (sample) => {
    const w = o.sampleValue(sample.value);
    if (w === 0) return;
    stamp++;
    let parent: GraphNode | undefined;
    let residual = false;
    for (let i = sample.location.length - 1; i >= 0; i--) {
      const locNodes = byLocation.get(sample.location[i]!.id) ?? NO_NODES;
      for (let ni = locNodes.length - 1; ni >= 0; ni--) {
        const n = locNodes[ni];
        if (n === undefined) {
          residual = true;
          continue;
        }
        if (n.stamp !== stamp) {
          n.stamp = stamp;
          n.cum += w;
        }
        if (edges && parent !== undefined && n !== parent) {
          const e = parent.out.get(n);
          if (e === undefined) {
            parent.addToEdge(n, w, residual, ni !== locNodes.length - 1, stamp);
          } else if (e.stamp !== stamp) {
            // The edge's first use in this sample (pprof's per-sample seen set).
            e.stamp = stamp;
            e.weight += w;
            if (residual) e.residual = true;
            if (ni === locNodes.length - 1) e.inline = false;
          }
        }
        parent = n;
        residual = false;
      }
    }
    if (parent !== undefined && !residual) parent.flat += w;
  });
  const kept: GraphNode[] = [];
  for (const n of nodes.values()) {
    if (n.cum === 0 && n.flat === 0) continue;
    if (o.dropNegative === true && (n.flat < 0 || (n.flat === 0 && n.cum < 0))) continue;
    kept.push(n);
  }
  return { nodes: kept };
}
