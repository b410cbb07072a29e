// Test helper: builds real profile.proto bytes (through pprof-format's encoder) from a terse spec.
import {
  Label,
  Line,
  Location,
  Mapping,
  Function as PFunction,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';

/** One frame: `name`, or `name@file:line`. */
export type FrameSpec = string;

/** A location: frames innermost (inlined) first, optional address and mapping index. */
export interface LocationSpec {
  frames: FrameSpec[];
  address?: number;
  mapping?: number;
}

export interface SampleSpec {
  /** Leaf first; a string is a location with one frame. */
  stack: Array<FrameSpec | LocationSpec>;
  values: number[];
  labels?: Record<string, string>;
  numLabels?: Record<string, [number, string?]>;
}

export interface ProfileSpec {
  sampleTypes: Array<[string, string]>;
  samples: SampleSpec[];
  periodType?: [string, string];
  period?: number;
  timeNanos?: number;
  durationNanos?: number;
  mappings?: Array<{ file: string; buildId?: string; start?: number; limit?: number }>;
  comments?: string[];
  dropFrames?: string;
  defaultSampleType?: string;
}

/** Encodes the spec as an uncompressed profile.proto. */
export function buildProfile(spec: ProfileSpec): Uint8Array {
  const st = new StringTable();
  const functions = new Map<string, PFunction>();
  const locations = new Map<string, Location>();
  const fn = (name: string, file: string): PFunction => {
    const key = `${name}\u0000${file}`;
    let f = functions.get(key);
    if (f === undefined) {
      f = new PFunction({
        id: functions.size + 1,
        name: st.dedup(name),
        systemName: st.dedup(name),
        filename: st.dedup(file),
      });
      functions.set(key, f);
    }
    return f;
  };
  const loc = (spec: FrameSpec | LocationSpec): Location => {
    const l: LocationSpec = typeof spec === 'string' ? { frames: [spec] } : spec;
    const key = JSON.stringify(l);
    let out = locations.get(key);
    if (out === undefined) {
      const lines = l.frames.map((frame) => {
        const m = /^(.*?)(?:@(.*):(\d+))?$/.exec(frame)!;
        const f = fn(m[1]!, m[2] ?? '');
        return new Line({ functionId: f.id, line: Number(m[3] ?? 0) });
      });
      out = new Location({
        id: locations.size + 1,
        mappingId: l.mapping === undefined ? 0 : l.mapping + 1,
        address: l.address ?? 0,
        line: lines,
      });
      locations.set(key, out);
    }
    return out;
  };
  const samples = spec.samples.map(
    (s) =>
      new Sample({
        locationId: s.stack.map((f) => loc(f).id),
        value: s.values,
        label: [
          ...Object.entries(s.labels ?? {}).map(
            ([k, v]) => new Label({ key: st.dedup(k), str: st.dedup(v) }),
          ),
          ...Object.entries(s.numLabels ?? {}).map(
            ([k, [n, unit]]) =>
              new Label({ key: st.dedup(k), num: n, numUnit: unit ? st.dedup(unit) : 0 }),
          ),
        ],
      }),
  );
  const mappings = (spec.mappings ?? []).map(
    (m, i) =>
      new Mapping({
        id: i + 1,
        memoryStart: m.start ?? 0x400000 * (i + 1),
        memoryLimit: m.limit ?? 0x400000 * (i + 2),
        filename: st.dedup(m.file),
        buildId: st.dedup(m.buildId ?? ''),
        hasFunctions: true,
      }),
  );
  const sampleType = spec.sampleTypes.map(
    ([type, unit]) => new ValueType({ type: st.dedup(type), unit: st.dedup(unit) }),
  );
  const periodType = spec.periodType
    ? new ValueType({ type: st.dedup(spec.periodType[0]), unit: st.dedup(spec.periodType[1]) })
    : undefined;
  const profile = new Profile({
    sampleType,
    sample: samples,
    mapping: mappings,
    location: [...locations.values()],
    function: [...functions.values()],
    stringTable: st,
    timeNanos: spec.timeNanos ?? 0,
    durationNanos: spec.durationNanos ?? 0,
    periodType,
    period: spec.period ?? 0,
    comment: (spec.comments ?? []).map((c) => st.dedup(c)),
    dropFrames: spec.dropFrames ? st.dedup(spec.dropFrames) : 0,
    defaultSampleType: spec.defaultSampleType ? st.dedup(spec.defaultSampleType) : 0,
  });
  return profile.encode();
}
