// deltaProfile: end minus start, matched by frames, not by ids.
import {
  Line,
  Location,
  Function as PprofFunction,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { deltaProfile } from '../src/profiles/profile-delta.js';
import { signed, valueFor } from './helpers.js';

/** A heap-like profile with one sample per `[function, bytes]`, ids offset by `shift`. */
function profileOf(samples: [string, number][], shift: number, timeNanos: number): Profile {
  const strings = new StringTable();
  const p = new Profile({
    stringTable: strings,
    sampleType: [
      new ValueType({ type: strings.dedup('inuse_space'), unit: strings.dedup('bytes') }),
    ],
    timeNanos,
  });
  samples.forEach(([name, bytes], i) => {
    const id = i + 1 + shift;
    p.function.push(
      new PprofFunction({ id, name: strings.dedup(name), filename: strings.dedup('app.js') }),
    );
    p.location.push(new Location({ id, line: [new Line({ functionId: id, line: name.length })] }));
    p.sample.push(new Sample({ locationId: [id], value: [bytes] }));
  });
  return p;
}

describe('deltaProfile', () => {
  it('subtracts by frames, drops what cancels and keeps what was freed as negative', () => {
    const start = profileOf(
      [
        ['steady', 100],
        ['freed', 50],
      ],
      0,
      1e9,
    );
    const end = profileOf(
      [
        ['grown', 70],
        ['steady', 100],
      ],
      40,
      3e9,
    );
    const delta = Profile.decode(deltaProfile(end, start).encode());
    expect(valueFor(delta, 'grown', 'inuse_space')).toBe(70);
    expect(valueFor(delta, 'freed', 'inuse_space')).toBe(-50);
    expect(delta.sample).toHaveLength(2);
    expect(delta.sample.map((s) => signed(s.value[0]!)).sort((a, b) => a - b)).toEqual([-50, 70]);
    expect(Number(delta.timeNanos)).toBe(1e9);
    expect(Number(delta.durationNanos)).toBe(2e9);
  });
});
