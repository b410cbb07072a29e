// Sample labels per graph node (pprof's LabelTags and NumericTags), shown as nodelets in dot graphs.
import type { Graph } from '../graph/graph.js';
import { createNodes } from '../graph/graph.js';
import type { GraphNode } from '../graph/node.js';
import { scaledLabel } from '../measurement/units.js';
import { DIFF_BASE_LABEL } from '../profile/filter.js';
import type { Sample } from '../profile/model.js';
import { forEachSample, type ReportProfile } from '../profile/samples.js';

/** A label value (or numeric label value) and the weight of the samples that carry it. */
export interface Tag {
  name: string;
  /** '' for string labels. */
  unit: string;
  value: number;
  flat: number;
  cum: number;
}

/** A node's tags: string label sets, and numeric tags per label set ('' for none). */
export interface NodeTags {
  label: Map<string, Tag>;
  numeric: Map<string, Map<string, Tag>>;
}

/** How tags are collected: the sample value and the numeric label units of the report. */
export interface TagOptions {
  sampleValue: (values: readonly number[]) => number;
  /** Unit of the `bytes` numeric label (pprof keeps only that one on graphs). */
  bytesUnit: string | undefined;
  keptNodes?: ReadonlySet<string>;
}

function joinLabels(s: Sample): string {
  const labels: string[] = [];
  for (const [key, values] of Object.entries(s.label)) {
    if (key === DIFF_BASE_LABEL) continue;
    for (const v of values) labels.push(`${key}:${v}`);
  }
  labels.sort();
  return labels.join('\\n');
}

function findOrAdd(m: Map<string, Tag>, name: string, unit: string, value: number): Tag {
  let t = m.get(name);
  if (t === undefined) {
    t = { name, unit, value, flat: 0, cum: 0 };
    m.set(name, t);
  }
  return t;
}

function addSample(
  nt: NodeTags,
  s: Sample,
  labels: string,
  w: number,
  flat: boolean,
  o: TagOptions,
) {
  const add = (t: Tag) => {
    if (flat) t.flat += w;
    else t.cum += w;
  };
  if (labels !== '') add(findOrAdd(nt.label, labels, '', 0));
  let numeric = nt.numeric.get(labels);
  if (numeric === undefined) {
    numeric = new Map();
    nt.numeric.set(labels, numeric);
  }
  const bytes = s.numLabel.bytes;
  if (bytes === undefined) return;
  const unit = o.bytesUnit ?? 'bytes';
  for (const v of bytes) add(findOrAdd(numeric, scaledLabel(v, unit, 'minimum'), unit, v));
}

/** Tags of every node of `g`, walking the samples as pprof's graph.New does. */
export function collectTags(p: ReportProfile, g: Graph, o: TagOptions): Map<GraphNode, NodeTags> {
  const byKey = new Map<string, GraphNode>();
  const tags = new Map<GraphNode, NodeTags>();
  for (const n of g.nodes) {
    byKey.set(n.key, n);
    tags.set(n, { label: new Map(), numeric: new Map() });
  }
  const { byLocation } = createNodes(p, { sampleValue: o.sampleValue, keptNodes: o.keptNodes });
  forEachSample(p.sample, (s) => {
    const w = o.sampleValue(s.value);
    if (w === 0) return;
    const labels = joinLabels(s);
    const seen = new Set<string>();
    let leaf: string | undefined;
    let residual = false;
    for (let i = s.location.length - 1; i >= 0; i--) {
      const locNodes = byLocation.get(s.location[i]!.id) ?? [];
      for (let ni = locNodes.length - 1; ni >= 0; ni--) {
        const n = locNodes[ni];
        if (n === undefined) {
          residual = true;
          continue;
        }
        if (!seen.has(n.key)) {
          seen.add(n.key);
          const gn = byKey.get(n.key);
          if (gn !== undefined) addSample(tags.get(gn)!, s, labels, w, false, o);
        }
        leaf = n.key;
        residual = false;
      }
    }
    if (leaf !== undefined && !residual) {
      const gn = byKey.get(leaf);
      if (gn !== undefined) addSample(tags.get(gn)!, s, labels, w, true, o);
    }
  });
  return tags;
}

/** pprof's TrimLowFrequencyTags: keeps tags whose flat or cum reaches the cutoff. */
export function trimLowFrequencyTags(tags: Map<GraphNode, NodeTags>, cutoff: number): void {
  const trim = (m: Map<string, Tag>) => {
    for (const [k, t] of m) if (Math.abs(t.flat) < cutoff && Math.abs(t.cum) < cutoff) m.delete(k);
  };
  for (const nt of tags.values()) {
    trim(nt.label);
    for (const m of nt.numeric.values()) trim(m);
  }
}

/** pprof's countTags: tags with a flat value. */
export function countTags(nt: NodeTags | undefined): number {
  if (nt === undefined) return 0;
  let count = 0;
  for (const t of nt.label.values()) if (t.flat !== 0) count++;
  for (const m of nt.numeric.values()) for (const t of m.values()) if (t.flat !== 0) count++;
  return count;
}

/** pprof's SortTags: by |cum| (unless `flat`), then |flat|, then name. */
export function sortTags(ts: Tag[], flat: boolean): Tag[] {
  return ts.sort((a, b) => {
    if (!flat && a.cum !== b.cum) return Math.abs(b.cum) - Math.abs(a.cum);
    if (a.flat !== b.flat) return Math.abs(b.flat) - Math.abs(a.flat);
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
