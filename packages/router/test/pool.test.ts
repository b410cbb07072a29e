// Controller pools: verbs and actions, laziness, bounds, reset, poolSize 0 and poolStats().
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type Context, createRouter } from '../src/index.js';
import { serve } from './helpers.js';

describe('controller pools', () => {
  it('calls the verb method, or the method named at registration, and 405s the rest of any()', async () => {
    class CommentController {
      get(ctx: Context) {
        return `comment ${ctx.params.id}`;
      }
      post() {
        return { created: true };
      }
      reply(ctx: Context) {
        return { replyTo: ctx.params.id };
      }
    }
    const router = createRouter();
    router.get('/comments/:id', CommentController);
    router.post('/comments/:id/reply', CommentController, 'reply');
    router.any('/comments', CommentController);
    const { app } = await serve(router);
    expect((await app.inject('/comments/3')).body).toBe('comment 3');
    expect((await app.inject({ method: 'POST', url: '/comments/3/reply' })).json()).toEqual({
      replyTo: '3',
    });
    expect((await app.inject({ method: 'POST', url: '/comments' })).json()).toEqual({
      created: true,
    });
    const put = await app.inject({ method: 'PUT', url: '/comments' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('HEAD, GET, POST');
    expect(put.json().code).toBe('PUGO_ERR_ROUTER_METHOD_NOT_ALLOWED');
    expect(() => createRouter().post('/x', CommentController, 'nope' as never)).toThrow(
      /controller CommentController has no method "nope"/,
    );
    expect(() => createRouter().put('/x', CommentController)).toThrow(/has no method "put"/);
  });

  it('lists only the methods a controller has in the Allow header of an any() route', async () => {
    class WriteOnly {
      post() {
        return 'posted';
      }
    }
    const router = createRouter();
    router.any('/inbox', WriteOnly);
    const { app } = await serve(router);
    expect((await app.inject({ method: 'POST', url: '/inbox' })).body).toBe('posted');
    for (const method of ['GET', 'HEAD'] as const) {
      const refused = await app.inject({ method, url: '/inbox' });
      expect(refused.statusCode).toBe(405);
      expect(refused.headers.allow).toBe('POST');
    }
  });

  it('is lazy: no instance exists before the first request', async () => {
    let constructed = 0;
    class Lazy {
      constructor() {
        constructed++;
      }
      get() {
        return 'ok';
      }
    }
    const router = createRouter();
    for (let i = 0; i < 50; i++) router.get(`/lazy/${i}`, Lazy);
    const { app } = await serve(router);
    expect(constructed).toBe(0);
    expect(router.poolStats().totals).toMatchObject({ created: 0, idle: 0, inUse: 0 });
    await app.inject('/lazy/7');
    const [stat] = router.poolStats().pools.filter((p) => p.created > 0);
    expect(stat).toMatchObject({ route: 'GET /lazy/7', created: 1, idle: 1 });
    expect(router.poolStats().totals.created).toBe(1);
    // One handed out, plus one pristine reference per class for reset and the guard.
    expect(constructed).toBe(2);
  });

  it('never keeps more than poolSize idle after 10,000 concurrent requests', async () => {
    class Slow {
      data: string[] = [];
      async get(ctx: Context) {
        this.data.push(ctx.params.n!);
        await tick();
        return this.data.length;
      }
    }
    const router = createRouter({ poolSize: 5 });
    router.get('/slow/:n', Slow);
    const { app } = await serve(router);
    const responses = await Promise.all(
      Array.from({ length: 10_000 }, (_, n) => app.inject(`/slow/${n}`)),
    );
    // Every request saw a reset instance: exactly its own push.
    expect(responses.every((r) => r.body === '1')).toBe(true);
    const [stat] = router.poolStats().pools;
    expect(stat!.highWater).toBeGreaterThan(5);
    expect(stat!.idle).toBe(5);
    expect(stat!.inUse).toBe(0);
    expect(stat!.created + stat!.reused).toBe(10_000);
    expect(stat!.dropped).toBe(stat!.created - 5);
    expect(stat!.retentionWarnings).toBe(0);
    // A second burst reuses the five kept instances, each reset: still one push per request.
    const again = await Promise.all(
      Array.from({ length: 100 }, (_, n) => app.inject(`/slow/${n}`)),
    );
    expect(again.every((r) => r.body === '1')).toBe(true);
    const [after] = router.poolStats().pools;
    expect(after!.reused - stat!.reused).toBe(5);
    expect(after!.idle).toBe(5);
  });

  it('resets every field: nothing survives into the next request, nothing is shared', async () => {
    class PostController {
      title = 'untitled';
      count = 0;
      tags: string[] = [];
      view = { comments: [] as string[], meta: { author: null as string | null } };
      seen = new Map<string, number>();
      get(ctx: Context) {
        const before = {
          title: this.title,
          count: this.count,
          tags: [...this.tags],
          comments: [...this.view.comments],
          author: this.view.meta.author,
          seen: this.seen.size,
        };
        this.title = ctx.params.id!;
        this.count++;
        this.tags.push('t');
        this.view.comments.push('c');
        this.view.meta.author = 'me';
        this.seen.set(ctx.params.id!, 1);
        (this as Record<string, unknown>).extra = 'added';
        return { before, tags: this.tags };
      }
    }
    const router = createRouter({ strict: true });
    router.get('/posts/:id', PostController);
    const { app } = await serve(router);
    const pristine = {
      title: 'untitled',
      count: 0,
      tags: [],
      comments: [],
      author: null,
      seen: 0,
    };
    for (const id of ['1', '2', '3']) {
      const response = await app.inject(`/posts/${id}`);
      expect(response.statusCode).toBe(200);
      // The result still had its data when it was sent, though the instance was reset.
      expect(response.json()).toEqual({ before: pristine, tags: ['t'] });
    }
    expect(router.poolStats().pools[0]).toMatchObject({ created: 1, reused: 2, idle: 1 });
  });

  it('never shares a pristine array or object between instances', async () => {
    const arrays = new Set<string[]>();
    class Tagger {
      tags: string[] = [];
      async get() {
        arrays.add(this.tags);
        this.tags.push('x');
        await tick();
        return this.tags.length;
      }
    }
    const router = createRouter();
    router.get('/tag', Tagger);
    const { app } = await serve(router);
    for (let round = 0; round < 3; round++) {
      const bodies = await Promise.all([1, 2, 3, 4].map(() => app.inject('/tag')));
      // Four instances in use at once, each with its own array: every request saw one push.
      expect(bodies.map((r) => r.body)).toEqual(['1', '1', '1', '1']);
    }
    // Four instances, three rounds: twelve distinct arrays, none handed out twice.
    expect(arrays.size).toBe(12);
    expect(router.poolStats().pools[0]).toMatchObject({ created: 4, reused: 8, highWater: 4 });
  });

  it('runs a class its own reset() instead of the default', async () => {
    class OwnReset {
      items: string[] = [];
      resets = 0;
      get() {
        this.items.push('x');
        return { items: this.items.length, resets: this.resets };
      }
      reset() {
        this.items = [];
        this.resets++;
      }
    }
    const router = createRouter({ retentionGuard: false });
    router.get('/own', OwnReset);
    const { app } = await serve(router);
    await app.inject('/own');
    expect((await app.inject('/own')).json()).toEqual({ items: 1, resets: 1 });
  });

  it('poolSize 0 turns pooling off: a fresh instance per request, none kept', async () => {
    let constructed = 0;
    class Fresh {
      hits = 0;
      constructor() {
        constructed++;
      }
      get() {
        this.hits++;
        return this.hits;
      }
    }
    const router = createRouter({ poolSize: 0 });
    router.get('/fresh', Fresh);
    const { app } = await serve(router);
    for (let i = 0; i < 5; i++) expect((await app.inject('/fresh')).body).toBe('1');
    expect(constructed).toBe(5);
    expect(router.poolStats().pools[0]).toMatchObject({
      poolSize: 0,
      created: 5,
      reused: 0,
      idle: 0,
      dropped: 5,
    });
  });

  it('releases the instance when the handler throws, and poolStats() is plain JSON', async () => {
    class Thrower {
      get() {
        throw new Error('nope');
      }
    }
    const router = createRouter();
    router.get('/throw', Thrower);
    router.get('/fn', () => 'not pooled');
    const { app } = await serve(router);
    expect((await app.inject('/throw')).statusCode).toBe(500);
    expect((await app.inject('/throw')).statusCode).toBe(500);
    const stats = router.poolStats();
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
    expect(stats.pools).toEqual([
      {
        route: 'GET /throw',
        controller: 'Thrower',
        action: 'get',
        poolSize: 8,
        created: 1,
        reused: 1,
        idle: 1,
        inUse: 0,
        highWater: 1,
        dropped: 0,
        retentionWarnings: 0,
      },
    ]);
  });
});
