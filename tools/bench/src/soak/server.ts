// Child server for `pnpm bench soak`: a fastify JSON route with @pugo/pprof and a live heap of
// ~40 MB of small objects (a blog's caches and ORM state), so a forced full GC costs what it would.
import { pprofPlugin } from '@pugo/pprof';
import Fastify from 'fastify';

const liveObjects = Number(process.argv[2] ?? 400_000);
const retained: { id: number; title: string; tags: string[] }[] = [];
for (let i = 0; i < liveObjects; i++)
  retained.push({ id: i, title: `post ${i}`, tags: ['a', 'b'] });

const app = Fastify();
await app.register(pprofPlugin);
app.get('/posts', async () => ({
  count: retained.length,
  posts: Array.from({ length: 20 }, (_, i) => ({
    id: i,
    slug: `post-${i}`,
    title: `Post number ${i}`,
  })),
}));

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
