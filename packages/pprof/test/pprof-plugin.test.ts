// pprofPlugin in a fastify app with its own routes and error handler, over real HTTP.
import { request } from 'node:http';
import { time } from '@datadog/pprof';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pprofPlugin } from '../src/index.js';
import { decodeProfile, get, sampleTypes, until } from './helpers.js';

let app: FastifyInstance;
let base: string;
const handled: string[] = [];

beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler((error: Error, _request, reply) => {
    handled.push(error.message);
    reply.code(418).send({ app: 'error', message: error.message });
  });
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get('/boom', async () => {
    throw new Error('app failure');
  });
  await app.register(pprofPlugin);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
});

describe('pprofPlugin', () => {
  it('is a fastify-plugin named @pugo/pprof for fastify 5', () => {
    const meta = (pprofPlugin as unknown as Record<symbol, { name: string; fastify: string }>)[
      Symbol.for('plugin-meta')
    ];
    expect(meta).toMatchObject({ name: '@pugo/pprof', fastify: '5.x' });
  });

  it('leaves the app routes and error handler alone', async () => {
    expect(JSON.parse((await get(`${base}/hello`)).text)).toEqual({ hello: 'world' });
    const boom = await get(`${base}/boom`);
    expect(boom.status).toBe(418);
    expect(handled).toEqual(['app failure']);
  });

  it('serves the index and a decodable heap profile under /debug/pprof', async () => {
    const index = await get(`${base}/debug/pprof/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.text).toContain("<a href='heap?debug=1'>heap</a>");
    const heap = await get(`${base}/debug/pprof/heap?gc=1`);
    expect(heap.status).toBe(200);
    expect(heap.headers.get('content-type')).toBe('application/octet-stream');
    expect(heap.headers.get('content-disposition')).toBe('attachment; filename="heap"');
    expect(sampleTypes(decodeProfile(heap.body))).toEqual([
      'inuse_objects/count',
      'inuse_space/bytes',
    ]);
  });

  it('redirects /debug/pprof to /debug/pprof/', async () => {
    const r = await get(`${base}/debug/pprof`);
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/debug/pprof/');
  });

  it('answers its own errors Go-style, without the app error handler', async () => {
    const before = handled.length;
    const unknown = await get(`${base}/debug/pprof/allocs`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-go-pprof')).toBe('1');
    expect(unknown.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(unknown.text).toMatch(/^Unknown profile/);
    const bad = await get(`${base}/debug/pprof/profile?seconds=99999`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('want an integer from 1 to 300');
    expect(handled.length).toBe(before);
  });

  it('serves metrics and cmdline with Go content types', async () => {
    const metrics = await get(`${base}/debug/pprof/metrics`);
    expect(metrics.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(metrics.text).memory.heapUsed).toBeGreaterThan(0);
    const cmdline = await get(`${base}/debug/pprof/cmdline`);
    expect(cmdline.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(cmdline.text.split('\0')).toEqual(process.argv);
  });

  it('stops a CPU profile when the client goes away, and keeps serving', async () => {
    // node:http rather than fetch: an aborted fetch can leave undici holding a spare socket that
    // never sends a request, which Node does not count as idle, so app.close() would wait for it.
    const client = request(`${base}/debug/pprof/profile?seconds=30`);
    const failed = new Promise((resolve) => client.once('error', resolve));
    client.end();
    await until(() => time.isStarted());
    client.destroy();
    expect(await failed).toBeInstanceOf(Error);
    await until(() => !time.isStarted(), 5000);
    expect((await get(`${base}/debug/pprof/cmdline`)).status).toBe(200);
  });

  it('refuses non-loopback clients with 403 when no token is set', async () => {
    const r = await app.inject({ url: '/debug/pprof/cmdline', remoteAddress: '192.0.2.7' });
    expect(r.statusCode).toBe(403);
    expect(r.headers['x-go-pprof']).toBe('1');
    expect(r.body).toMatch(/^Forbidden: 192\.0\.2\.7 is not a loopback client and no token/);
    const local = await app.inject({ url: '/debug/pprof/cmdline', remoteAddress: '::1' });
    expect(local.statusCode).toBe(200);
  });
});

describe('pprofPlugin options', () => {
  it('uses a custom prefix and requires the token from every client', async () => {
    const other = Fastify();
    await other.register(pprofPlugin, { prefix: '/_debug', token: 'plugin-secret' });
    const url = await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      expect((await get(`${url}/_debug/cmdline`)).status).toBe(401);
      const ok = await get(`${url}/_debug/cmdline`, {
        headers: { authorization: 'Bearer plugin-secret' },
      });
      expect(ok.status).toBe(200);
      expect((await get(`${url}/debug/pprof/cmdline`)).status).toBe(404);
      const remote = await other.inject({
        url: '/_debug/cmdline',
        remoteAddress: '192.0.2.7',
        headers: { authorization: 'Bearer plugin-secret' },
      });
      expect(remote.statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('keeps the index reachable when the app ignores trailing slashes', async () => {
    const other = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    await other.register(pprofPlugin);
    try {
      expect((await other.inject('/debug/pprof/')).statusCode).toBe(200);
      expect((await other.inject('/debug/pprof')).statusCode).toBe(301);
      expect((await other.inject('/debug/pprof/cmdline')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('works mounted under an app prefix: redirect and index title follow the mount', async () => {
    const other = Fastify();
    await other.register(
      async (admin) => {
        await admin.register(pprofPlugin);
      },
      { prefix: '/admin' },
    );
    try {
      const redirect = await other.inject('/admin/debug/pprof?debug=1');
      expect(redirect.statusCode).toBe(301);
      expect(redirect.headers.location).toBe('/admin/debug/pprof/?debug=1');
      const index = await other.inject('/admin/debug/pprof/');
      expect(index.body).toContain('<title>/admin/debug/pprof/</title>');
      expect((await other.inject('/admin/debug/pprof/cmdline')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('fails registration on a bad option with a coded error', async () => {
    const other = Fastify();
    await expect(other.register(pprofPlugin, { heapIntervalBytes: -1 })).rejects.toMatchObject({
      code: 'PUGO_ERR_PPROF_BAD_OPTION',
      message: expect.stringMatching(/heapIntervalBytes.*want a positive integer/),
    });
    await other.close();
  });
});
