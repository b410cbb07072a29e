// /heap over real HTTP: the protobuf, ?gc=1, the delta profile and the debug=1 text listing.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';
import { openPprofRuntime } from '../src/core/pprof-runtime.js';
import { type PprofServer, startPprofServer } from '../src/index.js';
import { decodeProfile, get, sampleTypes, settlesWithin, valueFor } from './helpers.js';

let server: PprofServer;

beforeAll(async () => {
  server = await startPprofServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

/**
 * 1 MiB arrays of small integers (filled without an elements-kind change, so no garbage backing
 * store) in V8's large-object space, which only a full collection frees.
 */
function allocateHeldForHeapTest(count: number): number[][] {
  return Array.from({ length: count }, () => new Array(128 * 1024).fill(0));
}
function allocateGarbageForHeapTest(count: number): number[][] {
  return Array.from({ length: count }, () => new Array(128 * 1024).fill(0));
}
function allocateBeforeWindow(count: number): number[][] {
  return Array.from({ length: count }, () => new Array(128 * 1024).fill(0));
}
function allocateInsideWindow(count: number): number[][] {
  return Array.from({ length: count }, () => new Array(128 * 1024).fill(0));
}

describe('/heap', () => {
  it('is a gzipped profile.proto attachment with inuse_objects and inuse_space', async () => {
    const held = allocateHeldForHeapTest(16);
    const r = await get(`${server.url}/heap`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="heap"');
    const profile = decodeProfile(r.body);
    expect(sampleTypes(profile)).toEqual(['inuse_objects/count', 'inuse_space/bytes']);
    // 16 MiB held through a 512 KiB sampler: the estimate lands well above 8 MiB.
    expect(valueFor(profile, 'allocateHeldForHeapTest', 'inuse_space')).toBeGreaterThan(8 << 20);
    // The profiler's own bookkeeping (the profile being built) is left out.
    const files = profile.function.map((f) => profile.stringTable.strings[Number(f.filename)]);
    expect(files.filter((f) => f?.includes('@datadog'))).toEqual([]);
    expect(held).toHaveLength(16);
  });

  it('with gc=1 runs a full collection first, so garbage the test dropped is gone', async () => {
    let garbage: number[][] | undefined = allocateGarbageForHeapTest(16);
    const before = decodeProfile((await get(`${server.url}/heap`)).body);
    expect(valueFor(before, 'allocateGarbageForHeapTest', 'inuse_space')).toBeGreaterThan(8 << 20);
    const witness = new WeakRef(garbage[0]!);
    garbage = undefined;
    const r = await get(`${server.url}/heap?gc=1`);
    expect(r.status).toBe(200);
    const after = decodeProfile(r.body);
    expect(valueFor(after, 'allocateGarbageForHeapTest', 'inuse_space')).toBe(0);
    expect(witness.deref()).toBeUndefined();
    expect(garbage).toBeUndefined();
  });

  it('with seconds=N is a delta: an allocation inside the window, none from before it', async () => {
    const before = allocateBeforeWindow(16);
    const pending = get(`${server.url}/heap?seconds=2`);
    await sleep(1000);
    const inside = allocateInsideWindow(16);
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="heap-delta"');
    const delta = decodeProfile(r.body);
    expect(sampleTypes(delta)).toEqual(['inuse_objects/count', 'inuse_space/bytes']);
    expect(valueFor(delta, 'allocateInsideWindow', 'inuse_space')).toBeGreaterThan(8 << 20);
    expect(valueFor(delta, 'allocateBeforeWindow', 'inuse_space')).toBe(0);
    // The delta spans the window.
    expect(Number(delta.durationNanos)).toBeGreaterThanOrEqual(2e9);
    expect(before.length + inside.length).toBe(32);
  });

  it('with debug=1 is a text listing modelled on Go: totals, records with frames, statistics', async () => {
    const held = allocateHeldForHeapTest(8);
    const r = await get(`${server.url}/heap?debug=1`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBeNull();
    const lines = r.text.split('\n');
    expect(lines[0]).toMatch(/^heap profile: \d+: \d+ \[\d+: \d+\] @ heap\/524288$/);
    expect(lines[1]).toMatch(/^\d+: \d+ \[\d+: \d+\] @( 0x[0-9a-f]+)+$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^#\t0x[0-9a-f]+\tallocateHeldForHeapTest\t.*heap-profile\.test\.ts:\d+$/,
      ),
    );
    expect(r.text).toContain('# process.memoryUsage()\n# rss = ');
    expect(r.text).toContain('# v8.getHeapStatistics()\n# total_heap_size = ');
    expect(r.text).toMatch(/# v8\.getHeapSpaceStatistics\(\)\n# \w+: size \d+, used \d+/);
    expect(held).toHaveLength(8);
  });

  it('stops a delta profile when the client goes away', async () => {
    // Over HTTP: the client hangs up mid-window and the server keeps answering.
    const controller = new AbortController();
    const pending = fetch(`${server.url}/heap?seconds=30`, { signal: controller.signal });
    await sleep(200);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await get(`${server.url}/cmdline`)).status).toBe(200);

    // In the core, where the end of the window is visible: the request's signal ends it at once,
    // with nothing to send, instead of 30 s later.
    const runtime = await openPprofRuntime(resolveOptions());
    try {
      const left = new AbortController();
      const answer = runtime.handler({
        path: '/heap',
        pathname: '/debug/pprof/heap',
        query: new URLSearchParams('seconds=30'),
        authorization: undefined,
        remoteAddress: '127.0.0.1',
        signal: left.signal,
      });
      left.abort();
      expect(await settlesWithin(answer, 5000)).toEqual({ status: 499, headers: {}, body: null });
    } finally {
      runtime.close();
    }
  });
});
