// A server under test for `pnpm bench router`: bare fastify, or the router in one of its modes.
// Usage: node --import tsx server.ts <bare|function|pooled> [poolSize]; prints {"url": …} when ready.
import { setImmediate as tick } from 'node:timers/promises';
import { type Context, createRouter } from '@pugo/router';
import Fastify from 'fastify';

const [mode = 'bare', poolSizeArg] = process.argv.slice(2);

/** The controller route's work, shared by every mode: one await (I/O stand-in), a small view. */
async function render(id: string, trail: string[]) {
  await tick();
  trail.push(id);
  return { id, title: `post ${id}`, comments: trail.length };
}

class HelloController {
  get() {
    return 'hello world';
  }
}

class PostController {
  trail: string[] = [];
  view: { id: string; title: string; comments: number } | null = null;
  async get(ctx: Context) {
    this.view = await render(ctx.params.id!, this.trail);
    return this.view;
  }
}

const app = Fastify({ logger: false });
if (mode === 'bare') {
  app.get('/hello', async (_request, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8');
    return 'hello world';
  });
  app.get('/posts/:id', async (request) => render((request.params as { id: string }).id, []));
} else {
  const router = createRouter(poolSizeArg === undefined ? {} : { poolSize: Number(poolSizeArg) });
  if (mode === 'function') {
    router.get('/hello', () => 'hello world');
    router.get('/posts/:id', (ctx) => render(ctx.params.id!, []));
  } else if (mode === 'pooled') {
    router.get('/hello', HelloController);
    router.get('/posts/:id', PostController);
  } else {
    throw new Error(`unknown mode "${mode}": want bare, function or pooled`);
  }
  app.get('/stats', async () => router.poolStats());
  await app.register(router.plugin());
}
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
