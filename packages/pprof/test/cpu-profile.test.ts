// /profile over real HTTP: a CPU profile with CPU time, one at a time, stopped when the client leaves.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { time } from '@datadog/pprof';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PprofServer, startPprofServer } from '../src/index.js';
import { decodeProfile, get, sampleTypes, until, valueFor } from './helpers.js';

let server: PprofServer;

beforeAll(async () => {
  server = await startPprofServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

let sink = 0;
/** Burns CPU for `ms` in slices, yielding between them so the server can answer. */
async function burnCpuForProfileTest(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const slice = Date.now() + 20;
    while (Date.now() < slice) sink += Math.sqrt(sink + 1);
    await yieldToLoop();
  }
}

describe('/profile', () => {
  it('is a gzipped CPU profile with samples, wall and cpu time, naming a function we ran', async () => {
    const pending = get(`${server.url}/profile?seconds=1`);
    await until(() => time.isStarted());
    await burnCpuForProfileTest(600);
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="profile"');
    const profile = decodeProfile(r.body);
    expect(sampleTypes(profile)).toEqual(['sample/count', 'wall/nanoseconds', 'cpu/nanoseconds']);
    expect(valueFor(profile, 'burnCpuForProfileTest', 'sample')).toBeGreaterThan(0);
    expect(valueFor(profile, 'burnCpuForProfileTest', 'cpu')).toBeGreaterThan(0);
    expect(Number(profile.durationNanos)).toBeGreaterThan(0);
  });

  it('allows one profile at a time: a second request gets 409 saying one is running', async () => {
    const first = get(`${server.url}/profile?seconds=1`);
    await until(() => time.isStarted());
    const second = await get(`${server.url}/profile?seconds=1`);
    expect(second.status).toBe(409);
    expect(second.headers.get('x-go-pprof')).toBe('1');
    expect(second.headers.get('content-disposition')).toBeNull();
    expect(second.text).toMatch(/a CPU profile is already running/);
    expect((await first).status).toBe(200);
    // Once it is over, the next one may start.
    expect((await get(`${server.url}/profile?seconds=1`)).status).toBe(200);
  });

  it('stops the profile when the client goes away', async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.url}/profile?seconds=30`, { signal: controller.signal });
    await until(() => time.isStarted());
    controller.abort();
    await expect(pending).rejects.toThrow();
    // Far sooner than the 30 s asked for, the profiler is off and a new profile may start.
    await until(() => !time.isStarted(), 5000);
    expect((await get(`${server.url}/profile?seconds=1`)).status).toBe(200);
  });
});
