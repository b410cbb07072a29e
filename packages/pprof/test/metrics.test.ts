// /metrics over real HTTP: the documented JSON shape, ?gc=1, and stats providers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PprofMetrics,
  type PprofServer,
  registerStatsProvider,
  startPprofServer,
} from '../src/index.js';
import { get } from './helpers.js';

let server: PprofServer;
const unregister: (() => void)[] = [];

beforeAll(async () => {
  server = await startPprofServer({
    port: 0,
    providers: { local: () => ({ answer: 42 }) },
  });
});
afterAll(async () => {
  for (const u of unregister) u();
  await server.close();
});

async function metrics(query = ''): Promise<PprofMetrics> {
  const r = await get(`${server.url}/metrics${query}`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(r.headers.get('content-disposition')).toBeNull();
  return JSON.parse(r.text) as PprofMetrics;
}

describe('/metrics', () => {
  it('has memory, V8 heap and spaces, GC by kind, event-loop delay and uptime', async () => {
    const m = await metrics();
    expect(m.pid).toBe(process.pid);
    expect(Date.parse(m.timestamp)).not.toBeNaN();
    expect(m.uptimeSeconds).toBeGreaterThan(0);
    expect(m.forcedGc).toBeNull();
    for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const) {
      expect(m.memory[key]).toBeGreaterThan(0);
    }
    expect(m.heap.usedHeapSize).toBeGreaterThan(0);
    expect(m.heap.heapSizeLimit).toBeGreaterThan(m.heap.usedHeapSize!);
    expect(m.heapSpaces.map((s) => s.name)).toContain('old_space');
    for (const space of m.heapSpaces) {
      expect(Object.keys(space).sort()).toEqual(['available', 'name', 'physical', 'size', 'used']);
    }
    for (const kind of ['total', 'minor', 'major', 'incremental', 'weakcb'] as const) {
      expect(m.gc[kind]).toEqual({ count: expect.any(Number), pauseMs: expect.any(Number) });
    }
    expect(Date.parse(m.gc.since)).not.toBeNaN();
    expect(Object.keys(m.eventLoopDelayMs).sort()).toEqual(
      ['max', 'mean', 'min', 'p50', 'p90', 'p99', 'stddev'].sort(),
    );
  });

  it('with gc=1 runs a full collection first and counts it as major', async () => {
    const before = await metrics();
    let garbage: number[][] | undefined = Array.from({ length: 16 }, () =>
      new Array(128 * 1024).fill(0),
    );
    const witness = new WeakRef(garbage[0]!);
    garbage = undefined;
    const after = await metrics('?gc=1');
    expect(after.forcedGc).toEqual({ durationMs: expect.any(Number) });
    expect(witness.deref()).toBeUndefined();
    expect(after.gc.major.count).toBeGreaterThanOrEqual(before.gc.major.count + 2);
    expect(after.gc.total.count).toBeGreaterThan(before.gc.total.count);
    expect(garbage).toBeUndefined();
  });

  it('includes the providers given as options and registered process-wide', async () => {
    unregister.push(registerStatsProvider('pools', () => ({ size: 10, idle: 7 })));
    unregister.push(registerStatsProvider('later', async () => ({ ready: true })));
    unregister.push(
      registerStatsProvider('broken', () => {
        throw new Error('pool closed');
      }),
    );
    const m = await metrics();
    expect(m.providers).toEqual({
      pools: { size: 10, idle: 7 },
      later: { ready: true },
      broken: { error: 'pool closed' },
      local: { answer: 42 },
    });
  });

  it('drops a provider once unregistered, and refuses a duplicate name with a coded error', async () => {
    const remove = registerStatsProvider('once', () => ({}));
    expect(() => registerStatsProvider('once', () => ({}))).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PPROF_DUPLICATE_PROVIDER' }),
    );
    remove();
    expect((await metrics()).providers).not.toHaveProperty('once');
    expect(() => registerStatsProvider('', () => ({}))).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PPROF_BAD_OPTION' }),
    );
  });
});
