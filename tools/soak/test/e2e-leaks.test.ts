// End to end: real leaking services soaked on 127.0.0.1 exit 1 and name the leaking function.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeProfile } from '@pugo/profile';
import { describe, expect, it } from 'vitest';
import { fixtureCmd, fixtures, lastLine, quickFlags, soak } from './helpers/soak.js';

// 8 s rather than 6 s: a busy CI machine slows the polls (each a full GC of a growing heap), and the
// test at alpha 0.01 needs at least 6 samples after warm-up.
const leak = (name: string) =>
  soak([
    '--cmd',
    fixtureCmd(name),
    '--cwd',
    fixtures,
    '--ready',
    '/healthz',
    ...quickFlags,
    '--duration',
    '8s',
    '--json',
  ]);

const top3 = (report: { growers: readonly { function: string }[] } | undefined) =>
  (report?.growers ?? []).slice(0, 3).map((g) => g.function);

describe.concurrent('leaks', () => {
  it('an unbounded cache: exit 1, renderPage among the top growers, the report folder complete', async () => {
    const r = await leak('cache-leak');
    expect(r.code, r.stderr).toBe(1);
    expect(r.report?.verdict).toBe('leak');
    expect(top3(r.report)).toContain('renderPage');
    const site = r.report!.growers.find((g) => g.function === 'renderPage')!;
    expect(site.file).toBe('cache-leak.mjs');
    expect(site.line).toBeGreaterThan(0);
    expect(site.bytes).toBeGreaterThan(1024 * 1024);
    expect(site.callers.map((c) => c.function)).toContain('memoizedRender');
    const heap = r.report!.trends.find((t) => t.metric === 'heapUsed')!;
    expect(heap.leak).toBe(true);
    expect(heap.bytesPerRequest).toBeGreaterThan(5000);
    expect(lastLine(r.stderr)).toMatch(/^pugo-soak: LEAK: heapUsed grows .* \(report: .+\)$/);

    const files = (await readdir(r.dir!)).sort();
    expect(files).toEqual([
      'heap-baseline.pb.gz',
      'heap-final.pb.gz',
      'report.html',
      'report.json',
      'samples.csv',
    ]);
    const final = decodeProfile(await readFile(join(r.dir!, 'heap-final.pb.gz')));
    expect(final.sampleType.map((t) => t.type)).toContain('inuse_space');
    const csv = (await readFile(join(r.dir!, 'samples.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv).toHaveLength(r.report!.samples.length + 1);
    expect(csv[1]).toMatch(/^baseline,/);
    expect(csv.at(-1)).toMatch(/^final,/);
    expect(await readFile(join(r.dir!, 'report.html'), 'utf8')).toContain('renderPage');
  }, 120_000);

  it('a listener leak: exit 1, subscribeToUpdates among the top growers', async () => {
    const r = await leak('listener-leak');
    expect(r.code, r.stderr).toBe(1);
    expect(top3(r.report)).toContain('subscribeToUpdates');
  }, 120_000);

  it("tango's pool (grows then plateaus): exit 1 on retained memory, buildRenderData among the top growers", async () => {
    const r = await leak('pool-plateau');
    expect(r.code, r.stderr).toBe(1);
    expect(top3(r.report)).toContain('buildRenderData');
    expect(r.report!.retained!.leak).toBe(true);
    expect(r.report!.reasons.some((x) => /retained after the drain/.test(x))).toBe(true);
  }, 120_000);
});
