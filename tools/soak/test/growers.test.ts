// The culprit table from two heap profiles: growth by allocation site, runtime frames skipped, callers.
import type { Profile, ProfileFunction } from '@pugo/profile';
import { describe, expect, it } from 'vitest';
import { frameLocation, topGrowers } from '../src/verdict/growers.js';

type Frame = [name: string, file: string, line: number];

/** A heap profile (inuse_objects, inuse_space) from stacks given leaf first. */
function heapProfile(samples: { stack: Frame[]; objects: number; bytes: number }[]): Profile {
  const functions = new Map<string, ProfileFunction>();
  const p: Profile = {
    sampleType: [
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ],
    defaultSampleType: '',
    sample: [],
    mapping: [],
    location: [],
    function: [],
    comments: [],
    dropFrames: '',
    keepFrames: '',
    timeNanos: 0,
    durationNanos: 0,
    periodType: { type: 'space', unit: 'bytes' },
    period: 524288,
  };
  for (const s of samples) {
    const location = s.stack.map(([name, file, line]) => {
      const key = `${name}@${file}`;
      let fn = functions.get(key);
      if (fn === undefined) {
        fn = { id: functions.size + 1, name, systemName: name, filename: file, startLine: 0 };
        functions.set(key, fn);
        p.function.push(fn);
      }
      const loc = {
        id: p.location.length + 1,
        mapping: undefined,
        address: 0,
        line: [{ function: fn, line }],
        isFolded: false,
      };
      p.location.push(loc);
      return loc;
    });
    p.sample.push({ location, value: [s.objects, s.bytes], label: {}, numLabel: {}, numUnit: {} });
  }
  return p;
}

const server: Frame = ['handle', '/srv/app/server.js', 40];
const render: Frame = ['renderPage', '/srv/app/cache.js', 7];
const memo: Frame = ['memoize', '/srv/app/cache.js', 20];

describe('topGrowers', () => {
  it('ranks sites by growth, final minus baseline, with file:line and callers', () => {
    const baseline = heapProfile([
      { stack: [render, memo, server], objects: 10, bytes: 1_000_000 },
      { stack: [['startup', '/srv/app/main.js', 3]], objects: 5, bytes: 500_000 },
    ]);
    const final = heapProfile([
      { stack: [render, memo, server], objects: 110, bytes: 9_000_000 },
      { stack: [render, server], objects: 5, bytes: 1_000_000 },
      { stack: [['startup', '/srv/app/main.js', 3]], objects: 5, bytes: 500_000 },
      { stack: [['onRequest', '/srv/app/log.js', 9], server], objects: 1, bytes: 600_000 },
    ]);
    const growers = topGrowers(baseline, final, 10, '/srv/app');
    expect(growers.map((g) => [g.function, frameLocation(g), g.bytes, g.objects])).toEqual([
      ['renderPage', 'cache.js:7', 9_000_000, 105],
      ['onRequest', 'log.js:9', 600_000, 1],
    ]);
    expect(growers[0]!.callers).toEqual([
      { function: 'memoize', file: 'cache.js', line: 20, bytes: 8_000_000 },
      { function: 'handle', file: 'server.js', line: 40, bytes: 1_000_000 },
    ]);
    expect(topGrowers(baseline, final, 1, '/srv/app')).toHaveLength(1);
  });

  it('skips runtime frames (node:, V8 builtins) to the first user frame, keeping where it allocated', () => {
    const baseline = heapProfile([]);
    const final = heapProfile([
      {
        stack: [
          ['allocate', 'node:buffer', 400],
          ['repeat', '', 0],
          ['subscribe', 'file:///srv/app/bus.mjs', 12],
          server,
        ],
        objects: 50,
        bytes: 2_000_000,
      },
      { stack: [['(external)', '', 0]], objects: 1, bytes: 300_000 },
    ]);
    const [first, second] = topGrowers(baseline, final, 10, '/srv/app');
    expect(first).toMatchObject({
      function: 'subscribe',
      file: 'bus.mjs',
      line: 12,
      bytes: 2_000_000,
    });
    expect(first!.allocatedIn).toEqual({ function: 'allocate', file: 'node:buffer', line: 400 });
    expect(first!.callers[0]).toMatchObject({ function: 'handle' });
    expect(second).toMatchObject({ function: '(external)', file: '', bytes: 300_000 });
    expect(second!.allocatedIn).toBeUndefined();
  });

  it('lists nothing when nothing grew', () => {
    const p = heapProfile([{ stack: [render], objects: 1, bytes: 100 }]);
    expect(topGrowers(p, p, 10)).toEqual([]);
  });
});
