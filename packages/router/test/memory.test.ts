// Memory (never timed): 200 routes cost under 1 MB, and 100,000 requests across them leave no growth.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { type Context, createRouter } from '../src/index.js';
import { pipelinedClient } from './pipelined-client.js';

const MB = 1024 * 1024;

async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc (the root vitest config does)');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** A controller that puts request data (about 1 KB) in its fields: tango's render data. */
class PageController {
  title = '';
  body: string[] = [];
  view = { params: {} as Record<string, string>, rendered: '' };
  get(ctx: Context) {
    this.title = `page ${ctx.params.id}`;
    this.body.push('x'.repeat(1024));
    this.view.params = { ...ctx.params };
    this.view.rendered = `<h1>${this.title}</h1>`;
    return this.view.rendered;
  }
}

describe('memory', () => {
  it('registers 200 routes in under 1 MB, and 100,000 requests leave the heap where it was', async () => {
    const app = Fastify({ logger: false });
    await app.ready();
    const before = await settledHeap();

    // As deployed: no retention guard, so only the reset keeps request data out of the pools.
    const router = createRouter({ retentionGuard: false });
    for (let i = 0; i < 100; i++) {
      router.get(`/pages/${i}/:id`, PageController);
      router.get(`/hello/${i}/:id`, (ctx) => ({ hello: ctx.params.id }));
    }
    const registered = await settledHeap();
    expect(registered - before).toBeLessThan(1 * MB);

    // Real HTTP on 127.0.0.1: four keep-alive sockets, 100 pipelined requests each per round.
    const served = Fastify({ logger: false });
    await served.register(router.plugin());
    await served.listen({ host: '127.0.0.1', port: 0 });
    const { port } = served.server.address() as AddressInfo;
    const clients = await Promise.all([1, 2, 3, 4].map(() => pipelinedClient(port)));
    const urls = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? `/pages/${i >> 1}/${i}` : `/hello/${i >> 1}/${i}`,
    );
    const run = async (requests: number) => {
      for (let done = 0; done < requests; done += 400) {
        await Promise.all(
          clients.map((client, c) =>
            client.get(urls.slice(c * 50, c * 50 + 50).concat(urls.slice(c * 50, c * 50 + 50))),
          ),
        );
      }
    };
    await run(10_000);
    const warm = await settledHeap();
    await run(100_000);
    const after = await settledHeap();
    expect(Math.abs(after - warm)).toBeLessThan(1 * MB);

    const { totals, pools } = router.poolStats();
    expect(totals.created + totals.reused).toBe(55_000); // half the requests hit controllers
    expect(pools).toHaveLength(100);
    expect(Math.max(...pools.map((p) => p.idle))).toBeLessThanOrEqual(8);
    for (const client of clients) client.close();
    await served.close();
    await app.close();
  }, 120_000);
});
