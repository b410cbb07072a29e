// The routing table: params, groups, prefixes, precedence, constraints and conflicts.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { type Context, createRouter, RouterError } from '../src/index.js';
import { serve } from './helpers.js';

const echo = (label: string) => (ctx: Context) => ({ label, params: ctx.params });

describe('routing', () => {
  it('passes params, wildcards and the query to the handler', async () => {
    const router = createRouter();
    router.get('/posts/:id', echo('post'));
    router.get('/posts/:id/comments/:comment', echo('comment'));
    router.get('/files/*', echo('files'));
    router.get('/search', (ctx) => ({ q: ctx.query.q }));
    const { app } = await serve(router);
    expect((await app.inject('/posts/42')).json()).toEqual({ label: 'post', params: { id: '42' } });
    expect((await app.inject('/posts/7/comments/9')).json()).toEqual({
      label: 'comment',
      params: { id: '7', comment: '9' },
    });
    expect((await app.inject('/files/a/b.txt')).json()).toEqual({
      label: 'files',
      params: { '*': 'a/b.txt' },
    });
    expect((await app.inject('/search?q=leak')).json()).toEqual({ q: 'leak' });
    expect((await app.inject('/nothing')).statusCode).toBe(404);
  });

  it('serves every verb and any()', async () => {
    const router = createRouter();
    router.post('/v', () => 'post');
    router.put('/v', () => 'put');
    router.patch('/v', () => 'patch');
    router.delete('/v', () => 'delete');
    router.options('/v', () => 'options');
    router.any('/all', (ctx) => ctx.request.method);
    const { app } = await serve(router);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      expect((await app.inject({ method, url: '/v' })).body).toBe(method.toLowerCase());
      expect((await app.inject({ method, url: '/all' })).body).toBe(method);
    }
    expect((await app.inject('/all')).body).toBe('GET');
    expect((await app.inject({ method: 'GET', url: '/v' })).statusCode).toBe(404);
  });

  it('nests groups with prefixes, and prefixes the plugin', async () => {
    const router = createRouter();
    router.group('/admin', (admin) => {
      admin.get('/', () => 'admin home');
      admin.group('/posts/', (posts) => {
        posts.get('/:id', echo('admin post'));
      });
    });
    const app = Fastify();
    await app.register(router.plugin(), { prefix: '/blog' });
    expect((await app.inject('/blog/admin')).body).toBe('admin home');
    expect((await app.inject('/blog/admin/posts/3')).json()).toEqual({
      label: 'admin post',
      params: { id: '3' },
    });
    expect((await app.inject('/admin')).statusCode).toBe(404);
  });

  it('prefers static over parametric over wildcard, as fastify does', async () => {
    const router = createRouter();
    router.get('/p/*', echo('wildcard'));
    router.get('/p/:id', echo('param'));
    router.get('/p/new', echo('static'));
    const { app } = await serve(router);
    expect((await app.inject('/p/new')).json().label).toBe('static');
    expect((await app.inject('/p/5')).json().label).toBe('param');
    expect((await app.inject('/p/5/x')).json().label).toBe('wildcard');
  });

  it('passes regex params and constraints through to fastify', async () => {
    const router = createRouter();
    router.get('/n/:id(^\\d+$)', echo('number'));
    router.get({ path: '/site', constraints: { host: 'a.example' } }, () => 'a');
    router.get({ path: '/site', constraints: { host: 'b.example' } }, () => 'b');
    const { app } = await serve(router);
    expect((await app.inject('/n/12')).json().label).toBe('number');
    expect((await app.inject('/n/x')).statusCode).toBe(404);
    expect((await app.inject({ url: '/site', headers: { host: 'a.example' } })).body).toBe('a');
    expect((await app.inject({ url: '/site', headers: { host: 'b.example' } })).body).toBe('b');
  });

  it('refuses a conflicting route at registration, naming both routes', () => {
    const router = createRouter();
    router.get('/users/:id', function userById() {});
    const error = catchError(() => router.get('/users/:name', function userByName() {}));
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).code).toBe('PUGO_ERR_ROUTER_CONFLICT');
    expect((error as Error).message).toContain('GET /users/:name (userByName)');
    expect((error as Error).message).toContain('GET /users/:id (userById)');
    // any() collides with every verb; group prefixes count.
    router.group('/api', (api) => api.post('/x', () => 1));
    expect(() => router.any('/api/x', () => 1)).toThrow(/ANY \/api\/x .*POST \/api\/x/);
    // Same path, different methods or constraints: no conflict.
    expect(() => router.post('/users/:id', () => 1)).not.toThrow();
    expect(() =>
      router.get({ path: '/users/:id', constraints: { host: 'other' } }, () => 1),
    ).not.toThrow();
  });

  it('names both routes when the conflict is with a route fastify already has', async () => {
    const router = createRouter();
    router.get('/health', function routerHealth() {});
    const app = Fastify();
    app.get('/health', async function appHealth() {
      return 'ok';
    });
    await expect(app.register(router.plugin())).rejects.toThrow(
      /GET \/health \(routerHealth\).*conflicts with GET \/health \(registered on fastify outside/,
    );
  });

  it('refuses bad paths, handlers and middleware, and routes added after registration', async () => {
    const router = createRouter();
    expect(() => router.get('posts', () => 1)).toThrow(/must be a string starting with "\/"/);
    expect(() => router.get('/a', 'nope' as never)).toThrow(/handler is string/);
    expect(() => router.get('/a', () => 1, 'reply' as never)).toThrow(/middleware #1 is string/);
    expect(() => router.group('admin', () => {})).toThrow(
      'registering group admin failed: a group prefix must start with "/"',
    );
    await serve(router);
    const error = catchError(() => router.get('/late', () => 1));
    expect((error as RouterError).code).toBe('PUGO_ERR_ROUTER_SEALED');
  });

  it('refuses bad options', () => {
    expect(() => createRouter({ poolSize: -1 })).toThrow(/option "poolSize" is -1/);
    expect(() => createRouter({ poolSize: 1.5 })).toThrow(RouterError);
    expect(() => createRouter({ errorHandler: 'x' as never })).toThrow(/errorHandler/);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
