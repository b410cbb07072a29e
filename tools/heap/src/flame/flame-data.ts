// The data of a flame graph: the profile's stacks merged into a tree (callers or callees first).
import {
  compileRegExp,
  filterSamplesByName,
  type Profile,
  prepareProfile,
  type ReportOptions,
  sampleIndexByName,
} from '@pugo/profile';
import { heapError } from '../errors.js';

/** A tree in flat arrays: node i has name `names[name[i]]`, parent `parent[i]` (-1 for the root). */
export interface FlameTree {
  name: number[];
  parent: number[];
  /** Width: the sum of |sample values| through the node. */
  total: number[];
  /** The part of `total` where the node is the leaf (root-most frame in the caller view). */
  self: number[];
  /** Net value (positive minus negative samples): colours a diff. */
  delta: number[];
}

/** Everything the page draws, as JSON. */
export interface FlameData {
  title: string;
  labels: string[];
  /** Sample type and its unit, e.g. inuse_space, bytes. */
  sampleType: string;
  unit: string;
  /** Whether samples of a base profile are in (then colour shows growth and shrinkage). */
  diff: boolean;
  names: string[];
  /** Root-to-leaf: callers at the root, as a flame graph reads. */
  callees: FlameTree;
  /** Leaf-to-root: each function with the paths that called it (the inverted view). */
  callers: FlameTree;
}

/** Options of {@link flameData}. */
export interface FlameDataOptions {
  /** Drop tree nodes narrower than this share of the total; they cannot be drawn. Default: 1e-5. */
  minShare?: number;
}

// Keys of (parent, name) pairs: parent × NAME_SPACE + name stays exact below 2^53.
const NAME_SPACE = 2 ** 24;

function newTree(): FlameTree {
  return { name: [-1], parent: [-1], total: [0], self: [0], delta: [0] };
}

/**
 * Builds the flame graph of `profile` under the report options' filters, sample index and base.
 * Throws the library's ProfileError for a bad regex or sample index.
 */
export function flameData(
  profile: Profile,
  options: ReportOptions,
  labels: string[],
  o: FlameDataOptions = {},
): FlameData {
  const p = prepareProfile(profile, options);
  const index = sampleIndexByName(p, options.sampleIndex);
  const rx = (s: string | undefined, what: string) => (s ? compileRegExp(s, what) : undefined);
  filterSamplesByName(p, {
    focus: rx(options.focus, 'focus'),
    ignore: rx(options.ignore, 'ignore'),
    hide: rx(options.hide, 'hide'),
    show: rx(options.show, 'show'),
  });
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const nameOf = (s: string) => {
    let id = nameIds.get(s);
    if (id === undefined) {
      id = names.length;
      names.push(s);
      nameIds.set(s, id);
    }
    return id;
  };
  const callees = newTree();
  const callers = newTree();
  // One map per tree from (parent, name) to child: a map per node costs too much on big profiles.
  const kids = new Map<number, number>();
  const kidsInv = new Map<number, number>();
  let diff = false;
  const frames: number[] = [];
  if (p.function.length + p.location.length >= NAME_SPACE) {
    throw heapError('PUGO_ERR_HEAP_REPORT', {
      reason: `drawing the flame graph failed: the profile has ${p.function.length + p.location.length} distinct frames, more than ${NAME_SPACE}; narrow it with -focus or -show`,
    });
  }
  for (const s of p.sample) {
    const v = s.value[index] ?? 0;
    if (v === 0) continue;
    if (v < 0) diff = true;
    frames.length = 0;
    // Leaf first, inlined frames innermost first: as profile.proto orders them.
    for (const l of s.location) {
      if (l.line.length === 0) frames.push(nameOf(`0x${l.address.toString(16)}`));
      for (const ln of l.line) frames.push(nameOf(ln.function.name || '<unknown>'));
    }
    add(callees, kids, frames, frames.length - 1, -1, v);
    add(callers, kidsInv, frames, 0, 1, v);
  }
  if (options.base !== undefined || options.diffBase !== undefined) diff = true;
  const total = callees.total[0] ?? 0;
  const min = Math.abs(total) * (o.minShare ?? 1e-5);
  const st = p.sampleType[index];
  return {
    title: p.mapping[0]?.file.split('/').pop() ?? '',
    labels,
    sampleType: st?.type ?? '',
    unit: st?.unit ?? '',
    diff,
    names,
    callees: prune(callees, min),
    callers: prune(callers, min),
  };
}

function add(
  t: FlameTree,
  kids: Map<number, number>,
  frames: readonly number[],
  start: number,
  step: 1 | -1,
  v: number,
): void {
  const w = Math.abs(v);
  let node = 0;
  t.total[0]! += w;
  t.delta[0]! += v;
  for (let i = start; i >= 0 && i < frames.length; i += step) {
    const name = frames[i]!;
    const key = node * NAME_SPACE + name;
    let child = kids.get(key);
    if (child === undefined) {
      child = t.name.length;
      t.name.push(name);
      t.parent.push(node);
      t.total.push(0);
      t.self.push(0);
      t.delta.push(0);
      kids.set(key, child);
    }
    node = child;
    t.total[node]! += w;
    t.delta[node]! += v;
  }
  t.self[node]! += w;
}

/** Keeps nodes at least `min` wide (and their ancestors, which are wider). */
function prune(t: FlameTree, min: number): FlameTree {
  const out = newTree();
  out.total[0] = t.total[0]!;
  out.self[0] = t.self[0]!;
  out.delta[0] = t.delta[0]!;
  const map = new Map<number, number>([[0, 0]]);
  for (let i = 1; i < t.name.length; i++) {
    const parent = map.get(t.parent[i]!);
    if (parent === undefined || t.total[i]! < min) continue;
    map.set(i, out.name.length);
    out.name.push(t.name[i]!);
    out.parent.push(parent);
    out.total.push(t.total[i]!);
    out.self.push(t.self[i]!);
    out.delta.push(t.delta[i]!);
  }
  return out;
}
