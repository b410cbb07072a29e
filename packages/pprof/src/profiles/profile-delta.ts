// The difference of two profiles of the same kind (end minus start), as Go's delta profiles compute.
// Hand-written: neither pprof-format nor @datadog/pprof subtracts profiles, and /heap?seconds=N must.
import {
  Label,
  Line,
  Location,
  Function as PprofFunction,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';
import type { ProfileData } from './profile-data.js';

type SourceLabel = ProfileData['sample'][number]['label'][number];
type SourceLocation = ProfileData['location'][number];
type SourceFunction = ProfileData['function'][number];

/**
 * `end − start`, matched by stack (function names, files and lines) and labels, so that the two
 * profiles may number their functions and locations differently. Samples that cancel out are
 * dropped; samples only in `start` (memory freed during the window) stay, with negative values, as
 * in Go. The result spans `start.timeNanos` to `end.timeNanos`.
 */
export function deltaProfile(end: ProfileData, start: ProfileData): Profile {
  const out = new ProfileBuilder(end);
  const values = new Map<string, { location: number[]; label: Label[]; value: number[] }>();
  const add = (from: ProfileData, sign: 1 | -1) => {
    for (const sample of from.sample) {
      const location = sample.locationId.map((id) => out.location(from, Number(id)));
      const label = sample.label.map((l) => out.label(from, l));
      const key = `${location.join(',')}|${label.map((l) => `${l.key}=${l.str}:${l.num}`).join(',')}`;
      let entry = values.get(key);
      if (entry === undefined) {
        entry = { location, label, value: sample.value.map(() => 0) };
        values.set(key, entry);
      }
      sample.value.forEach((v, i) => {
        entry.value[i] = (entry.value[i] ?? 0) + sign * Number(v);
      });
    }
  };
  add(end, 1);
  add(start, -1);
  for (const { location, label, value } of values.values()) {
    if (value.some((v) => v !== 0)) {
      out.profile.sample.push(new Sample({ locationId: location, label, value }));
    }
  }
  out.profile.timeNanos = start.timeNanos;
  out.profile.durationNanos = Number(end.timeNanos) - Number(start.timeNanos);
  return out.profile;
}

interface SourceIndex {
  readonly locations: Map<number, SourceLocation>;
  readonly functions: Map<number, SourceFunction>;
}

/** Copies functions, locations and strings from source profiles into one new profile. */
class ProfileBuilder {
  readonly profile: Profile;
  readonly #strings = new StringTable();
  readonly #functions = new Map<string, number>();
  readonly #locations = new Map<string, number>();
  readonly #indexes = new WeakMap<ProfileData, SourceIndex>();

  constructor(template: ProfileData) {
    const str = (i: unknown) => this.#str(template, i);
    this.profile = new Profile({
      stringTable: this.#strings,
      sampleType: template.sampleType.map(
        (t) => new ValueType({ type: str(t.type), unit: str(t.unit) }),
      ),
      periodType:
        template.periodType &&
        new ValueType({ type: str(template.periodType.type), unit: str(template.periodType.unit) }),
      period: template.period,
    });
  }

  /** The id, in the new profile, of location `id` of `from` (same frames → same id). */
  location(from: ProfileData, id: number): number {
    const source = this.#index(from).locations.get(id);
    if (source === undefined) return 0;
    const lines = source.line.map(
      (line) =>
        new Line({ functionId: this.#function(from, Number(line.functionId)), line: line.line }),
    );
    const key = lines.map((l) => `${l.functionId}:${l.line}`).join(';');
    let newId = this.#locations.get(key);
    if (newId === undefined) {
      newId = this.profile.location.length + 1;
      this.#locations.set(key, newId);
      this.profile.location.push(new Location({ id: newId, line: lines }));
    }
    return newId;
  }

  label(from: ProfileData, label: SourceLabel): Label {
    return new Label({
      key: this.#str(from, label.key),
      str: this.#str(from, label.str),
      num: label.num,
      numUnit: this.#str(from, label.numUnit),
    });
  }

  #function(from: ProfileData, id: number): number {
    const source = this.#index(from).functions.get(id);
    if (source === undefined) return 0;
    const name = this.#str(from, source.name);
    const systemName = this.#str(from, source.systemName);
    const filename = this.#str(from, source.filename);
    const key = `${name}:${systemName}:${filename}:${source.startLine}`;
    let newId = this.#functions.get(key);
    if (newId === undefined) {
      newId = this.profile.function.length + 1;
      this.#functions.set(key, newId);
      this.profile.function.push(
        new PprofFunction({ id: newId, name, systemName, filename, startLine: source.startLine }),
      );
    }
    return newId;
  }

  #index(from: ProfileData): SourceIndex {
    let index = this.#indexes.get(from);
    if (index === undefined) {
      index = {
        locations: new Map(from.location.map((l) => [Number(l.id), l])),
        functions: new Map(from.function.map((f) => [Number(f.id), f])),
      };
      this.#indexes.set(from, index);
    }
    return index;
  }

  #str(from: ProfileData, index: unknown): number {
    return this.#strings.dedup(from.stringTable.strings[Number(index)] ?? '');
  }
}
