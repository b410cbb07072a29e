// Unit tests of the profile layer: merge, subtract, diff, scale, normalize, filters, prune.
import { describe, expect, test } from 'vitest';
import {
  decodeProfile,
  diffProfile,
  filterSamplesByName,
  isDiffBaseSample,
  mergeProfiles,
  normalizeProfile,
  type Profile,
  ProfileError,
  prune,
  removeUninteresting,
  sampleIndexByName,
  scaleProfile,
  subtractProfile,
} from '../src/index.js';
import { buildProfile, type ProfileSpec } from './helpers/build-profile.js';

const heap = (samples: ProfileSpec['samples'], extra: Partial<ProfileSpec> = {}): Profile =>
  decodeProfile(
    buildProfile({
      sampleTypes: [
        ['alloc_space', 'bytes'],
        ['inuse_space', 'bytes'],
      ],
      periodType: ['space', 'bytes'],
      samples,
      ...extra,
    }),
  );

/** Sample values keyed by the stack's names, leaf first. */
function byStack(p: Profile): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const s of p.sample) {
    const key = s.location.map((l) => l.line.map((ln) => ln.function.name).join('+')).join(' < ');
    out[key] = s.value;
  }
  return out;
}

describe('mergeProfiles', () => {
  test('adds the values of identical stacks and keeps the others', () => {
    const a = heap([
      { stack: ['leak', 'main'], values: [100, 10] },
      { stack: ['other', 'main'], values: [5, 5] },
    ]);
    const b = heap([{ stack: ['leak', 'main'], values: [50, 7] }], { durationNanos: 3 });
    const m = mergeProfiles([a, b]);
    expect(byStack(m)).toEqual({ 'leak < main': [150, 17], 'other < main': [5, 5] });
    expect(m.function.map((f) => f.name).sort()).toEqual(['leak', 'main', 'other']);
    // Inputs are left alone.
    expect(byStack(a)['leak < main']).toEqual([100, 10]);
  });

  test('same stack with different labels stays apart; same labels merge', () => {
    const a = heap([
      { stack: ['h', 'main'], values: [1, 1], labels: { route: '/a' } },
      { stack: ['h', 'main'], values: [2, 2], labels: { route: '/b' } },
      { stack: ['h', 'main'], values: [4, 4], labels: { route: '/a' } },
      { stack: ['h', 'main'], values: [8, 8], numLabels: { bytes: [64] } },
      { stack: ['h', 'main'], values: [16, 16], numLabels: { bytes: [64] } },
      { stack: ['h', 'main'], values: [32, 32] },
    ]);
    const m = mergeProfiles([a]);
    expect(m.sample.map((s) => [s.label.route?.[0], s.numLabel.bytes?.[0], s.value[0]])).toEqual([
      ['/a', undefined, 5],
      ['/b', undefined, 2],
      [undefined, 64, 24],
      [undefined, undefined, 32],
    ]);
  });

  test('drops samples whose values are all zero', () => {
    const a = heap([
      { stack: ['zero', 'main'], values: [0, 0] },
      { stack: ['one', 'main'], values: [1, 0] },
    ]);
    expect(Object.keys(byStack(mergeProfiles([a])))).toEqual(['one < main']);
  });

  test('refuses profiles of different kinds with a coded error', () => {
    const a = heap([{ stack: ['x'], values: [1, 1] }]);
    const cpu = decodeProfile(
      buildProfile({
        sampleTypes: [['cpu', 'nanoseconds']],
        periodType: ['cpu', 'nanoseconds'],
        samples: [{ stack: ['x'], values: [1] }],
      }),
    );
    expect(() => mergeProfiles([a, cpu])).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_INCOMPATIBLE' }),
    );
  });

  test('brings compatible units to the finer one (ms + ns)', () => {
    const ms = decodeProfile(
      buildProfile({
        sampleTypes: [['cpu', 'milliseconds']],
        periodType: ['cpu', 'milliseconds'],
        samples: [{ stack: ['f'], values: [2] }],
      }),
    );
    const ns = decodeProfile(
      buildProfile({
        sampleTypes: [['cpu', 'nanoseconds']],
        periodType: ['cpu', 'nanoseconds'],
        samples: [{ stack: ['f'], values: [500] }],
      }),
    );
    const m = mergeProfiles([ms, ns]);
    expect(m.sampleType[0]).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    expect(byStack(m)).toEqual({ f: [2_000_500] });
  });
});

describe('subtract, diff, scale, normalize', () => {
  const start = heap([
    { stack: ['leak', 'main'], values: [100, 100] },
    { stack: ['gone', 'main'], values: [40, 40] },
  ]);
  const end = heap([
    { stack: ['leak', 'main'], values: [300, 250] },
    { stack: ['new', 'main'], values: [10, 10] },
  ]);

  test('subtract leaves end minus start per stack', () => {
    expect(byStack(subtractProfile(end, start))).toEqual({
      'leak < main': [200, 150],
      'new < main': [10, 10],
      'gone < main': [-40, -40],
    });
  });

  test('diff negates and tags the base samples instead of folding them in', () => {
    const d = diffProfile(end, start);
    const base = d.sample.filter(isDiffBaseSample);
    expect(base.map((s) => s.value)).toEqual([
      [-100, -100],
      [-40, -40],
    ]);
    expect(d.sample.filter((s) => !isDiffBaseSample(s)).map((s) => s.value)).toEqual([
      [300, 250],
      [10, 10],
    ]);
  });

  test('scale rounds half away from zero and drops samples that become zero', () => {
    const p = heap([
      { stack: ['a'], values: [3, 5] },
      { stack: ['b'], values: [1, 1] },
    ]);
    scaleProfile(p, 0.5);
    expect(byStack(p)).toEqual({ a: [2, 3], b: [1, 1] });
    scaleProfile(p, 0.1);
    expect(byStack(p)).toEqual({});
  });

  test('normalize scales the profile to the base totals per sample type', () => {
    const p = heap([{ stack: ['a'], values: [10, 20] }]);
    const base = heap([{ stack: ['a'], values: [30, 10] }]);
    normalizeProfile(p, base);
    expect(byStack(p)).toEqual({ a: [30, 10] });
  });
});

describe('filters', () => {
  const sample = (): Profile =>
    heap([
      { stack: ['leak', 'pool.get', 'main'], values: [10, 10] },
      { stack: ['fmt.Sprintf', 'handler', 'main'], values: [5, 5] },
      { stack: ['other', 'main'], values: [1, 1] },
    ]);

  test('focus keeps samples through a matching frame; ignore drops them', () => {
    const p = sample();
    const m = filterSamplesByName(p, { focus: /pool/, ignore: /fmt/ });
    expect(m).toMatchObject({ focus: true, ignore: true });
    expect(Object.keys(byStack(p))).toEqual(['leak < pool.get < main']);
  });

  test('hide removes frames, show keeps only matching frames', () => {
    const p = sample();
    filterSamplesByName(p, { hide: /^main$/ });
    expect(Object.keys(byStack(p))).toEqual(['leak < pool.get', 'fmt.Sprintf < handler', 'other']);
    const q = sample();
    filterSamplesByName(q, { show: /main|leak/ });
    expect(
      q.sample.map((x) => x.location.map((l) => l.line[0]?.function.name).join(' < ')),
    ).toEqual(['leak < main', 'main', 'main']);
  });

  test('a focus that matches nothing empties the profile and says so', () => {
    const p = sample();
    expect(filterSamplesByName(p, { focus: /nothing-here/ }).focus).toBe(false);
    expect(p.sample).toHaveLength(0);
  });

  test('prune cuts stacks below a dropped frame; drop_frames applies it', () => {
    const p = heap([{ stack: ['malloc.inner', 'malloc', 'user', 'main'], values: [1, 1] }]);
    prune(p, /^malloc$/);
    expect(Object.keys(byStack(p))).toEqual(['user < main']);
    const q = heap([{ stack: ['malloc.inner', 'malloc', 'user', 'main'], values: [1, 1] }], {
      dropFrames: 'malloc',
    });
    removeUninteresting(q);
    expect(Object.keys(byStack(q))).toEqual(['user < main']);
  });
});

describe('sampleIndexByName', () => {
  const p = heap([{ stack: ['a'], values: [1, 2] }]);
  test('names, inuse_ prefix, numbers and the default', () => {
    expect(sampleIndexByName(p, 'alloc_space')).toBe(0);
    expect(sampleIndexByName(p, '1')).toBe(1);
    expect(sampleIndexByName(p, undefined)).toBe(1);
    const node = decodeProfile(
      buildProfile({
        sampleTypes: [
          ['objects', 'count'],
          ['space', 'bytes'],
        ],
        samples: [],
      }),
    );
    expect(sampleIndexByName(node, 'inuse_space')).toBe(1);
  });
  test('a missing type is pprof’s error, coded', () => {
    expect(() => sampleIndexByName(p, 'alloc_objects')).toThrow(
      new ProfileError(
        'PUGO_ERR_PROFILE_SAMPLE_INDEX',
        'sample_index "alloc_objects" must be one of: [alloc_space inuse_space]',
      ),
    );
    expect(() => sampleIndexByName(p, '7')).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_SAMPLE_INDEX' }),
    );
  });
});
