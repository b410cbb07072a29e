// PUGO_INJECT_LEAK: each scenario holds what it was designed to hold, measured by structure and heap.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { BlogError } from '../src/errors.js';
import { LRU_ENTRIES } from '../src/leaks/bounded-cache.js';
import type { LeakScenario } from '../src/leaks/index.js';
import { SLAB_SLOTS } from '../src/leaks/tango-pool.js';
import { openTestBlog, type TestBlog } from './helpers.js';

const gc = globalThis.gc as () => void;

/** Heap used + external after two full collections (what pugo-soak's retained check adds up). */
function heapUsed(): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

let blog: TestBlog | undefined;
afterEach(async () => {
  await blog?.close();
  blog = undefined;
});

async function drive(b: TestBlog, paths: (i: number) => string, n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    const res = await b.app.inject({ method: 'GET', url: paths(i) });
    expect(res.statusCode).toBe(200);
  }
}

/**
 * Heap growth over `n` requests (after 20 to warm up) of a fresh blog with `scenario`, and the
 * number of entries the scenario holds. fastify.inject itself leaves some kB per request in the
 * heap of this test process (not seen over real HTTP), so the leaks are judged against a clean
 * blog driven the same way.
 */
async function growth(
  scenario: LeakScenario | undefined,
  path: (i: number) => string,
  n: number,
  rounds = 1,
): Promise<{ grown: number[]; entries: number[] }> {
  blog = await openTestBlog({ extraPosts: 30, ...(scenario ? { injectLeak: scenario } : {}) });
  await drive(blog, path, 20);
  const grown: number[] = [];
  const entries: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = heapUsed();
    await drive(blog, path, n, 20 + r * n);
    grown.push(heapUsed() - before);
    entries.push(blog.leak?.size ?? 0);
  }
  await blog.close();
  blog = undefined;
  return { grown, entries };
}

describe('the leaking scenarios', () => {
  // Each request to the welcome post renders a page of several kB: the leaks keep its text.
  const post = (i: number) => `/posts/hello-world?ref=${i}`;
  const N = 150;
  let clean = 0;

  beforeAll(async () => {
    clean = (await growth(undefined, post, N)).grown[0] ?? 0;
  });

  for (const scenario of ['listener', 'cache', 'timer', 'tango-pool'] as const) {
    it(`${scenario}: holds one entry and kilobytes of heap per request`, async () => {
      const { grown, entries } = await growth(scenario, post, N);
      expect(entries[0]).toBe(20 + N);
      expect((grown[0] ?? 0) - clean).toBeGreaterThan(N * 1024);
    });
  }

  it('tango-pool: a route fills its 800-slot slab, then plateaus as slots are overwritten', async () => {
    blog = await openTestBlog({ injectLeak: 'tango-pool' });
    await drive(blog, (i) => `/healthz?i=${i}`, SLAB_SLOTS + 100);
    expect(blog.leak?.size).toBe(SLAB_SLOTS);
    // Another route has its own slab: the pool is per route and method.
    await drive(blog, (i) => `/archive?i=${i}`, 3);
    expect(blog.leak?.size).toBe(SLAB_SLOTS + 3);
  });
});

describe('bounded-cache', () => {
  it(`stays at ${LRU_ENTRIES} entries and stops growing once full`, async () => {
    // The RSS feed is tens of kB: each request adds a dozen or more 2 KB fragments, so the first
    // round fills the cache and the second turns it over entirely.
    const feed = (i: number) => `/feed.xml?ref=${i}`;
    const lru = await growth('bounded-cache', feed, 200, 2);
    const clean = await growth(undefined, feed, 200, 2);
    expect(lru.entries).toEqual([LRU_ENTRIES, LRU_ENTRIES]);
    // Filling costs the cache's ~4 MB of fragments; a full turnover adds nothing beyond noise.
    expect((lru.grown[0] ?? 0) - (clean.grown[0] ?? 0)).toBeGreaterThan(3 * 1024 * 1024);
    expect((lru.grown[1] ?? 0) - (clean.grown[1] ?? 0)).toBeLessThan(1024 * 1024);
  });
});

describe('PUGO_INJECT_LEAK configuration', () => {
  it('accepts every scenario outside production', () => {
    expect(loadConfig({ PUGO_INJECT_LEAK: 'cache' }).injectLeak).toBe('cache');
    expect(loadConfig({ NODE_ENV: 'test', PUGO_INJECT_LEAK: 'tango-pool' }).injectLeak).toBe(
      'tango-pool',
    );
    expect(loadConfig({}).injectLeak).toBeUndefined();
  });

  it('lists the valid names for an unknown one', () => {
    expect(() => loadConfig({ PUGO_INJECT_LEAK: 'nope' })).toThrow(
      'invalid PUGO_INJECT_LEAK="nope": expected one of tango-pool, listener, cache, timer, bounded-cache',
    );
  });

  it('refuses any scenario in production', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PUGO_INJECT_LEAK: 'bounded-cache' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlogError);
    expect((error as BlogError).code).toBe('PUGO_ERR_BLOG_INJECT_LEAK');
  });

  it('the server refuses with one line and exit 2 in production', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(
      process.execPath,
      ['--conditions=@pugo/source', '--import', 'tsx', main],
      {
        env: { ...process.env, NODE_ENV: 'production', PUGO_INJECT_LEAK: 'listener', PORT: '0' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'pugo blog: PUGO_INJECT_LEAK="listener" is refused in production (NODE_ENV=production): injected leaks are for soak tests; unset it\n',
    );
  });
});
