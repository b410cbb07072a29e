// URL sources in-process: pprof's URL recognition, -seconds and timeouts, Go durations, saved file names.
import { describe, expect, test } from 'vitest';
import { adjustUrl } from '../src/cli/fetch.js';
import { goDuration } from '../src/cli/load.js';
import { profilePrefix } from '../src/cli/save.js';

describe('adjustUrl, as pprof recognises URLs', () => {
  test('http(s) URLs, and host:port/path without a scheme', () => {
    expect(adjustUrl('http://h:1/debug/pprof/heap', -1, -1)?.url).toBe(
      'http://h:1/debug/pprof/heap',
    );
    expect(adjustUrl('https://h/x', -1, -1)?.url).toBe('https://h/x');
    expect(adjustUrl('localhost:6060/debug/pprof/heap', -1, -1)?.url).toBe(
      'http://localhost:6060/debug/pprof/heap',
    );
    expect(adjustUrl('127.0.0.1:6060/debug/pprof/heap', -1, -1)?.url).toBe(
      'http://127.0.0.1:6060/debug/pprof/heap',
    );
  });

  test('file paths are not URLs', () => {
    for (const path of [
      'heap.pb.gz',
      './heap.pb.gz',
      '/tmp/heap.pb.gz',
      'dir/heap.pb.gz',
      'file:///x',
    ]) {
      expect(adjustUrl(path, -1, -1)).toBeUndefined();
    }
  });

  test('-seconds sets the parameter; parameters are sorted as Go encodes them', () => {
    const remote = adjustUrl('http://h/debug/pprof/profile?z=1&a=2', 30, -1)!;
    expect(remote.url).toBe('http://h/debug/pprof/profile?a=2&seconds=30&z=1');
    expect(remote.seconds).toBe(30);
  });

  test('timeouts: explicit, 1.5 × duration + 5 s, or 60 s + 5 s', () => {
    expect(adjustUrl('http://h/p', 30, 7)!.timeoutMs).toBe(7000);
    expect(adjustUrl('http://h/p', 30, -1)!.timeoutMs).toBe(50_000);
    expect(adjustUrl('http://h/p?seconds=10', -1, -1)!.timeoutMs).toBe(20_000);
    expect(adjustUrl('http://h/p', -1, -1)!.timeoutMs).toBe(65_000);
  });
});

test('goDuration prints as Go does', () => {
  expect([goDuration(2), goDuration(90), goDuration(3600)]).toEqual(['2s', '1m30s', '1h0m0s']);
});

test('saved profiles are named as pprof names them', () => {
  const profile = {
    mapping: [{ file: '/usr/local/bin/minitango' }],
    sampleType: [{ type: 'samples' }, { type: 'cpu' }],
  };
  expect(profilePrefix(profile)).toBe('pprof.minitango.samples.cpu.');
  expect(profilePrefix({ mapping: [], sampleType: [{ type: 'space' }] })).toBe('pprof.space.');
});
