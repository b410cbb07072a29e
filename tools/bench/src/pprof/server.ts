// Child server for `pnpm bench pprof`: a fastify JSON route, with or without @pugo/pprof (argv[2]).
import { pprofPlugin } from '@pugo/pprof';
import Fastify from 'fastify';

const mode = process.argv[2] ?? 'off';
if (mode !== 'off' && mode !== 'on') {
  process.stderr.write(`pprof bench server: mode must be "off" or "on", got "${mode}"\n`);
  process.exit(2);
}

const app = Fastify();
// A route that allocates like a small API: a list of posts built per request.
app.get('/posts', async () => ({
  posts: Array.from({ length: 20 }, (_, i) => ({
    id: i,
    slug: `post-${i}`,
    title: `Post number ${i}`,
    tags: ['go', 'node', 'pprof'],
    publishedAt: new Date(1_700_000_000_000 + i * 86_400_000).toISOString(),
  })),
}));
// "on": V8's sampling heap profiler runs at the default 512 KiB from registration on.
if (mode === 'on') await app.register(pprofPlugin);

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
