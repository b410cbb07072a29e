// Middleware order, errors before and after next(), the one error handler, recovery and logging.
import { describe, expect, it } from 'vitest';
import { createRouter, type Middleware, recovery, requestLogger } from '../src/index.js';
import { serve } from './helpers.js';

function tracer(trace: string[], name: string): Middleware {
  return async (_ctx, next) => {
    trace.push(`${name} before`);
    await next();
    trace.push(`${name} after`);
  };
}

describe('middleware', () => {
  it('runs router, group and route middleware in order, before and after the handler', async () => {
    const trace: string[] = [];
    const router = createRouter();
    router.use(tracer(trace, 'router'));
    router.group(
      '/g',
      (g) => {
        g.use(tracer(trace, 'group use'));
        g.get(
          '/r',
          () => {
            trace.push('handler');
            return 'ok';
          },
          tracer(trace, 'route'),
        );
      },
      tracer(trace, 'group'),
    );
    // use() after the routes still applies to them.
    router.use(tracer(trace, 'router late'));
    const { app } = await serve(router);
    expect((await app.inject('/g/r')).body).toBe('ok');
    expect(trace).toEqual([
      'router before',
      'router late before',
      'group before',
      'group use before',
      'route before',
      'handler',
      'route after',
      'group use after',
      'group after',
      'router late after',
      'router after',
    ]);
  });

  it('lets middleware share state, short-circuit and replace the result after next()', async () => {
    const router = createRouter();
    router.use(async (ctx, next) => {
      ctx.state.user = ctx.request.headers['x-user'];
      if (ctx.state.user === undefined) {
        ctx.result = { status: 401, body: { error: 'who are you?' } };
        return;
      }
      await next();
      ctx.header('x-wrapped', 'yes');
      ctx.result = { wrapped: ctx.result };
    });
    router.get('/me', (ctx) => ({ user: ctx.state.user }));
    const { app } = await serve(router);
    const anonymous = await app.inject('/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: 'who are you?' });
    const known = await app.inject({ url: '/me', headers: { 'x-user': 'ann' } });
    expect(known.headers['x-wrapped']).toBe('yes');
    expect(known.json()).toEqual({ wrapped: { user: 'ann' } });
  });

  it('sends errors thrown before next(), after next() and in the handler to the one error handler', async () => {
    const seen: string[] = [];
    const router = createRouter({
      errorHandler(error, ctx) {
        seen.push(`${ctx.route.name}: ${(error as Error).message}`);
        return { status: 418, body: `handled ${(error as Error).message}` };
      },
    });
    const trace: string[] = [];
    router.get(
      '/before',
      () => 'never',
      async () => {
        throw new Error('before');
      },
    );
    router.get(
      '/after',
      () => {
        trace.push('handler ran');
        return 'not sent';
      },
      async (_ctx, next) => {
        await next();
        throw new Error('after');
      },
    );
    router.get(
      '/handler',
      async () => {
        throw new Error('handler');
      },
      tracer(trace, 'outer'),
    );
    const { app } = await serve(router);
    for (const path of ['before', 'after', 'handler']) {
      const response = await app.inject(`/${path}`);
      expect(response.statusCode).toBe(418);
      expect(response.body).toBe(`handled ${path}`);
    }
    expect(seen).toEqual(['GET /before: before', 'GET /after: after', 'GET /handler: handler']);
    // The handler's error skipped the outer middleware's "after" part.
    expect(trace).toEqual(['handler ran', 'outer before']);
  });

  it('answers with JSON and the error code by default, and logs a 5xx with its route', async () => {
    const router = createRouter();
    router.get('/boom', () => {
      throw new Error('boom');
    });
    router.get('/teapot', () => {
      throw Object.assign(new Error('short and stout'), { statusCode: 418, code: 'TEAPOT' });
    });
    router.post('/json', (ctx) => ctx.body as object);
    const { app, logs } = await serve(router);
    const boom = await app.inject('/boom');
    expect(boom.statusCode).toBe(500);
    expect(boom.json()).toMatchObject({ statusCode: 500, message: 'boom' });
    expect(logs.find((l) => l.level === 50)).toMatchObject({ route: 'GET /boom' });
    expect((await app.inject('/teapot')).json()).toEqual({
      statusCode: 418,
      error: "I'm a Teapot",
      message: 'short and stout',
      code: 'TEAPOT',
    });
    // fastify's own errors for a router route (a body that is not JSON) reach the handler too.
    const bad = await app.inject({
      method: 'POST',
      url: '/json',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it('lets an error handler that throws fall through to fastify', async () => {
    const router = createRouter({
      errorHandler() {
        throw new Error('the handler broke');
      },
    });
    router.get('/x', () => {
      throw new Error('first');
    });
    const { app } = await serve(router);
    const response = await app.inject('/x');
    expect(response.statusCode).toBe(500);
    expect(response.json().message).toBe('the handler broke');
  });

  it('refuses next() called twice', async () => {
    const router = createRouter();
    router.get(
      '/twice',
      () => 'ok',
      async (_ctx, next) => {
        await next();
        await next();
      },
    );
    const { app } = await serve(router);
    const response = await app.inject('/twice');
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('PUGO_ERR_ROUTER_NEXT_TWICE');
  });

  it('recovery answers with an error page and logs the error with the route', async () => {
    const router = createRouter();
    router.use(recovery({ showStack: false }));
    router.get('/crash', () => {
      throw new Error('<script>secret</script>');
    });
    router.get('/missing', () => {
      throw Object.assign(new Error('no such <post>'), { statusCode: 404 });
    });
    const { app, logs } = await serve(router);
    const crash = await app.inject('/crash');
    expect(crash.statusCode).toBe(500);
    expect(crash.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(crash.body).toContain('<h1>500 Internal Server Error</h1>');
    expect(crash.body).not.toContain('secret');
    const logged = logs.find((l) => l.level === 50);
    expect(logged).toMatchObject({ route: 'GET /crash', statusCode: 500 });
    expect((logged!.err as { message: string }).message).toBe('<script>secret</script>');
    const missing = await app.inject('/missing');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('no such &lt;post&gt;');
    // The process and the server are fine afterwards.
    expect((await app.inject('/crash')).statusCode).toBe(500);
  });

  it('recovery shows the stack outside production, and renders a custom page', async () => {
    const router = createRouter();
    router.get(
      '/stack',
      () => {
        throw new Error('with stack');
      },
      recovery(),
    );
    router.get(
      '/custom',
      () => {
        throw new Error('x');
      },
      recovery({ render: (_error, status) => ({ status, body: `custom ${status}` }) }),
    );
    const { app } = await serve(router);
    expect((await app.inject('/stack')).body).toMatch(/<pre>Error: with stack\n\s+at /);
    expect((await app.inject('/custom')).body).toBe('custom 500');
  });

  it('requestLogger logs method, url, route, status and duration through fastify', async () => {
    const router = createRouter();
    router.use(requestLogger());
    router.get('/posts/:id', () => ({ status: 201, body: 'made' }));
    router.get('/fail', () => {
      throw Object.assign(new Error('gone'), { statusCode: 410 });
    });
    const { app, logs } = await serve(router);
    await app.inject('/posts/9?x=1');
    const line = logs.find((l) => l.route === 'GET /posts/:id');
    expect(line).toMatchObject({
      level: 30,
      method: 'GET',
      url: '/posts/9?x=1',
      statusCode: 201,
      msg: 'GET /posts/9?x=1 201',
      durationMs: expect.any(Number),
    });
    expect(line!.durationMs).toBeGreaterThanOrEqual(0);
    expect((await app.inject('/fail')).statusCode).toBe(410);
    expect(logs.find((l) => l.route === 'GET /fail')).toMatchObject({ level: 50, statusCode: 410 });
  });
});
