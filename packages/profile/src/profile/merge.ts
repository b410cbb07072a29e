// Merges profiles into one, deduplicating samples, locations, functions and mappings (pprof's Merge).
import { fail } from '../errors.js';
import { checkCompatible } from './compatible.js';
import {
  type Line,
  type Location,
  type Mapping,
  NO_LABELS,
  type Profile,
  type ProfileFunction,
  type Sample,
} from './model.js';

class Merger {
  readonly p: Profile;
  /** Samples by a hash of their stack and labels; collisions share a bucket. */
  readonly samples = new Map<number, Sample | Sample[]>();
  readonly locations = new Map<string, Location>();
  readonly functions = new Map<string, ProfileFunction>();
  readonly mappings = new Map<string, Mapping>();
  locationsById = new Map<number, Location>();
  functionsById = new Map<number, ProfileFunction>();
  mappingsById = new Map<number, { m: Mapping | undefined; offset: number }>();

  constructor(p: Profile) {
    this.p = p;
  }

  mapSample(src: Sample): void {
    const s: Sample = {
      location: src.location.map((l) => this.mapLocation(l)),
      value: [...src.value],
      label: copyRecord(src.label),
      numLabel: copyRecord(src.numLabel),
      numUnit: NO_LABELS,
    };
    if (s.numLabel !== NO_LABELS) {
      const units: Record<string, string[]> = {};
      for (const k of Object.keys(src.numLabel)) units[k] = [...(src.numUnit[k] ?? [])];
      s.numUnit = units;
    }
    // pprof keys samples by a string of location ids and labels; a numeric hash with an exact
    // comparison finds the same sample without building a string per sample.
    const labels = hasLabels(s) ? labelKey(s) : '';
    const hash = sampleHash(s, labels);
    const bucket = this.samples.get(hash);
    const existing =
      bucket === undefined
        ? undefined
        : Array.isArray(bucket)
          ? bucket.find((b) => sameSample(b, s, labels))
          : sameSample(bucket, s, labels)
            ? bucket
            : undefined;
    if (existing !== undefined) {
      for (let i = 0; i < src.value.length; i++) existing.value[i]! += src.value[i]!;
      return;
    }
    if (bucket === undefined) this.samples.set(hash, s);
    else if (Array.isArray(bucket)) bucket.push(s);
    else this.samples.set(hash, [bucket, s]);
    this.p.sample.push(s);
  }

  mapLocation(src: Location): Location {
    const known = this.locationsById.get(src.id);
    if (known !== undefined) return known;
    const mi = this.mapMapping(src.mapping);
    const l: Location = {
      id: this.p.location.length + 1,
      mapping: mi.m,
      address: src.address + mi.offset,
      line: src.line.map((ln) => this.mapLine(ln)),
      isFolded: src.isFolded,
    };
    const key = locationKey(l);
    const same = this.locations.get(key);
    if (same !== undefined) {
      this.locationsById.set(src.id, same);
      return same;
    }
    this.locationsById.set(src.id, l);
    this.locations.set(key, l);
    this.p.location.push(l);
    return l;
  }

  mapMapping(src: Mapping | undefined): { m: Mapping | undefined; offset: number } {
    if (src === undefined) return { m: undefined, offset: 0 };
    const known = this.mappingsById.get(src.id);
    if (known !== undefined) return known;
    const key = mappingKey(src);
    const same = this.mappings.get(key);
    if (same !== undefined) {
      const mi = { m: same, offset: same.start - src.start };
      this.mappingsById.set(src.id, mi);
      return mi;
    }
    const m: Mapping = { ...src, id: this.p.mapping.length + 1 };
    this.p.mapping.push(m);
    this.mappings.set(key, m);
    const mi = { m, offset: 0 };
    this.mappingsById.set(src.id, mi);
    return mi;
  }

  mapLine(src: Line): Line {
    return { function: this.mapFunction(src.function), line: src.line };
  }

  mapFunction(src: ProfileFunction): ProfileFunction {
    const known = this.functionsById.get(src.id);
    if (known !== undefined) return known;
    const key = JSON.stringify([src.startLine, src.name, src.systemName, src.filename]);
    const same = this.functions.get(key);
    if (same !== undefined) {
      this.functionsById.set(src.id, same);
      return same;
    }
    const f: ProfileFunction = { ...src, id: this.p.function.length + 1 };
    this.functions.set(key, f);
    this.functionsById.set(src.id, f);
    this.p.function.push(f);
    return f;
  }
}

/** A copy of a label record; empty records become the shared empty one. */
function copyRecord<T>(r: Record<string, T[]>): Record<string, T[]> {
  const keys = Object.keys(r);
  if (keys.length === 0) return NO_LABELS;
  const out: Record<string, T[]> = {};
  for (const k of keys) out[k] = [...(r[k] ?? [])];
  return out;
}

function hasLabels(s: Sample): boolean {
  return s.label !== NO_LABELS || s.numLabel !== NO_LABELS;
}

/** A canonical string of a sample's labels (pprof's key without the stack). */
function labelKey(s: Sample): string {
  const labels = Object.entries(s.label)
    .map(([k, v]) => JSON.stringify([k, v]))
    .sort()
    .join('');
  const nums = Object.entries(s.numLabel)
    .map(([k, v]) => JSON.stringify([k, v, s.numUnit[k] ?? []]))
    .sort()
    .join('');
  return `${labels}\u0000${nums}`;
}

/** FNV-1a over the (merged) location ids, then the label string. */
function sampleHash(s: Sample, labels: string): number {
  let h = 0x811c9dc5;
  for (const l of s.location) h = Math.imul(h ^ l.id, 0x01000193);
  for (let i = 0; i < labels.length; i++) h = Math.imul(h ^ labels.charCodeAt(i), 0x01000193);
  return h;
}

/** Same stack (merged locations are shared objects) and same labels. */
function sameSample(a: Sample, b: Sample, bLabels: string): boolean {
  if (a.location.length !== b.location.length) return false;
  for (let i = 0; i < a.location.length; i++) if (a.location[i] !== b.location[i]) return false;
  const aLabels = hasLabels(a) ? labelKey(a) : '';
  return aLabels === bLabels;
}

function locationKey(l: Location): string {
  let addr = l.address;
  let mappingId = 0;
  if (l.mapping !== undefined) {
    addr -= l.mapping.start;
    mappingId = l.mapping.id;
  }
  const lines = l.line
    .map((ln) => `${ln.function.id.toString(16)}|${ln.line.toString(16)}`)
    .join('|');
  return `${addr}\u0000${mappingId}\u0000${lines}\u0000${l.isFolded}`;
}

function mappingKey(m: Mapping): string {
  const rounding = 0x1000;
  let size = m.limit - m.start;
  size = size + rounding - 1;
  size = size - (size % rounding);
  return `${size}\u0000${m.offset}\u0000${m.buildId !== '' ? m.buildId : m.file}`;
}

function isZeroSample(s: Sample): boolean {
  return s.value.every((v) => v === 0);
}

function combineHeaders(srcs: readonly Profile[]): Profile {
  const first = srcs[0]!;
  for (const s of srcs.slice(1)) checkCompatible(first, s);
  let timeNanos = 0;
  let durationNanos = 0;
  let period = 0;
  const comments: string[] = [];
  const seen = new Set<string>();
  let defaultSampleType = '';
  for (const s of srcs) {
    if (timeNanos === 0 || s.timeNanos < timeNanos) timeNanos = s.timeNanos;
    durationNanos += s.durationNanos;
    if (period === 0 || period < s.period) period = s.period;
    for (const c of s.comments) {
      if (!seen.has(c)) {
        comments.push(c);
        seen.add(c);
      }
    }
    if (defaultSampleType === '') defaultSampleType = s.defaultSampleType;
  }
  return {
    sampleType: first.sampleType.map((t) => ({ ...t })),
    defaultSampleType,
    sample: [],
    mapping: [],
    location: [],
    function: [],
    comments,
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    timeNanos,
    durationNanos,
    periodType: { ...first.periodType },
    period,
  };
}

/** pprof's Merge: one profile holding all samples; the inputs are not modified. */
export function mergeRaw(srcs: readonly Profile[]): Profile {
  if (srcs.length === 0)
    fail(
      'PUGO_ERR_PROFILE_INCOMPATIBLE',
      'merging profiles failed: no profiles given; pass at least one',
    );
  const p = combineHeaders(srcs);
  const pm = new Merger(p);
  for (const src of srcs) {
    pm.locationsById = new Map();
    pm.functionsById = new Map();
    pm.mappingsById = new Map();
    if (pm.mappings.size === 0 && src.mapping.length > 0) pm.mapMapping(src.mapping[0]);
    for (const s of src.sample) if (!isZeroSample(s)) pm.mapSample(s);
  }
  if (p.sample.some(isZeroSample)) return mergeRaw([p]);
  return p;
}
