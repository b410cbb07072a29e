// Every result kind, HEAD, and the context's helpers (status, header, redirect, cookies).
import { Readable } from 'node:stream';
import cookie from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../src/index.js';
import { serve } from './helpers.js';

describe('results', () => {
  it('sends a string as HTML, an object or array as JSON, bytes and streams as they are', async () => {
    const router = createRouter();
    router.get('/html', () => '<h1>hi</h1>');
    router.get('/json', () => ({ a: 1 }));
    router.get('/array', () => [1, 2]);
    router.get('/number', () => 42);
    router.get('/null', () => null);
    router.get('/buffer', () => Buffer.from([0, 1, 2]));
    router.get('/stream', () => Readable.from(['st', 'ream']));
    router.get('/text', (ctx) => ctx.header('content-type', 'text/plain').result ?? 'plain');
    const { app } = await serve(router);
    const html = await app.inject('/html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toBe('<h1>hi</h1>');
    const json = await app.inject('/json');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toEqual({ a: 1 });
    expect((await app.inject('/array')).json()).toEqual([1, 2]);
    expect((await app.inject('/number')).json()).toBe(42);
    expect((await app.inject('/null')).body).toBe('null');
    const buffer = await app.inject('/buffer');
    expect(buffer.headers['content-type']).toBe('application/octet-stream');
    expect([...buffer.rawPayload]).toEqual([0, 1, 2]);
    expect((await app.inject('/stream')).body).toBe('stream');
    const text = await app.inject('/text');
    expect(text.headers['content-type']).toBe('text/plain');
    expect(text.body).toBe('plain');
  });

  it('applies { status, body, headers }, and sends other shapes as JSON', async () => {
    const router = createRouter();
    router.post('/made', () => ({ status: 201, headers: { location: '/p/1' }, body: { id: 1 } }));
    router.get('/empty', () => ({ status: 204 }));
    router.get('/html-body', () => ({ status: 202, body: '<p>queued</p>' }));
    router.get('/data', () => ({ status: 'ok', count: 2 }));
    router.get('/wrapped', () => ({ body: { status: 200 } }));
    const { app } = await serve(router);
    const made = await app.inject({ method: 'POST', url: '/made' });
    expect(made.statusCode).toBe(201);
    expect(made.headers.location).toBe('/p/1');
    expect(made.json()).toEqual({ id: 1 });
    const empty = await app.inject('/empty');
    expect(empty.statusCode).toBe(204);
    expect(empty.body).toBe('');
    const htmlBody = await app.inject('/html-body');
    expect(htmlBody.statusCode).toBe(202);
    expect(htmlBody.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await app.inject('/data')).json()).toEqual({ status: 'ok', count: 2 });
    expect((await app.inject('/wrapped')).json()).toEqual({ status: 200 });
  });

  it('sends nothing for undefined: the handler replied itself, now or later', async () => {
    const router = createRouter();
    router.get('/now', (ctx) => {
      ctx.reply.code(203).send('by hand');
    });
    router.get('/later', (ctx) => {
      setTimeout(() => ctx.reply.send('later'), 5);
    });
    const { app } = await serve(router);
    const now = await app.inject('/now');
    expect(now.statusCode).toBe(203);
    expect(now.body).toBe('by hand');
    expect((await app.inject('/later')).body).toBe('later');
  });

  it('answers HEAD for a GET route with its headers and no body, and serves an explicit HEAD', async () => {
    const router = createRouter();
    router.get('/page', (ctx) => ctx.header('x-page', '1').result ?? '<p>page</p>');
    router.get('/explicit', () => 'get');
    router.head('/explicit', (ctx) => {
      ctx.header('x-head', 'own');
      return { status: 204 };
    });
    const { app } = await serve(router);
    const head = await app.inject({ method: 'HEAD', url: '/page' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['x-page']).toBe('1');
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.body).toBe('');
    const explicit = await app.inject({ method: 'HEAD', url: '/explicit' });
    expect(explicit.statusCode).toBe(204);
    expect(explicit.headers['x-head']).toBe('own');
  });

  it('has helpers for status, headers and redirects', async () => {
    const router = createRouter();
    router.get('/status', (ctx) => ctx.status(202).header('x-a', 'b').result ?? 'accepted');
    router.get('/old', (ctx) => ctx.redirect('/new'));
    router.get('/moved', (ctx) => ctx.redirect('/new', 301));
    const { app } = await serve(router);
    const status = await app.inject('/status');
    expect([status.statusCode, status.headers['x-a'], status.body]).toEqual([202, 'b', 'accepted']);
    const old = await app.inject('/old');
    expect([old.statusCode, old.headers.location]).toEqual([302, '/new']);
    expect((await app.inject('/moved')).statusCode).toBe(301);
  });

  it('reads and sets cookies through @fastify/cookie', async () => {
    const router = createRouter();
    router.get('/cookies', (ctx) => {
      ctx.setCookie('seen', 'yes', { path: '/' }).clearCookie('old');
      return { theme: ctx.cookies.theme ?? null };
    });
    const { app } = await serve(router, async (a) => {
      await a.register(cookie);
    });
    const response = await app.inject({ url: '/cookies', headers: { cookie: 'theme=dark' } });
    expect(response.json()).toEqual({ theme: 'dark' });
    const set = response.cookies.map((c) => `${c.name}=${c.value}`);
    expect(set).toContain('seen=yes');
    expect(set).toContain('old=');
  });

  it('says to register @fastify/cookie when cookies are used without it', async () => {
    const router = createRouter();
    router.get('/read', (ctx) => ctx.cookies);
    router.get('/write', (ctx) => ctx.setCookie('a', 'b').result ?? 'x');
    const { app } = await serve(router);
    for (const url of ['/read', '/write']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({
        code: 'PUGO_ERR_ROUTER_NO_COOKIES',
        message: expect.stringContaining('app.register(cookie)'),
      });
    }
  });
});
