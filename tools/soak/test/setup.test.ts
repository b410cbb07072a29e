// Setup steps against a real HTTP server on 127.0.0.1: cookies kept, captures from headers, body, JSON.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupStep } from '../src/config/setup-spec.js';
import type { SoakError } from '../src/errors.js';
import { runSetup } from '../src/run/setup.js';

let server: Server;
let url: string;
const seen: { url: string; cookie?: string; body: string; token?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({
        url: req.url ?? '',
        cookie: req.headers.cookie,
        body,
        token: req.headers['x-token'] as string | undefined,
      });
      if (req.url === '/login') {
        if (!body.includes('password=s3cret')) return res.writeHead(401).end('wrong password');
        res
          .writeHead(302, {
            location: '/admin',
            'set-cookie': ['sid=abc; HttpOnly', 'theme=dark; Path=/'],
          })
          .end();
      } else if (req.url === '/admin') {
        res.end('<input type="hidden" name="_csrf" value="tok-123">');
      } else if (req.url === '/api/token') {
        res
          .setHeader('content-type', 'application/json')
          .end(JSON.stringify({ data: { token: 'j-9' } }));
      } else res.writeHead(404).end('nope');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const context = () => ({ url, pprofUrl: `${url}/debug/pprof`, fetch, env: { PASS: 's3cret' } });

describe('setup steps', () => {
  it('logs in, keeps cookies, and captures a CSRF token and JSON and header values', async () => {
    const steps: SetupStep[] = [
      {
        method: 'POST',
        path: '/login',
        body: 'user=a&password={{env.PASS}}',
        expect: [302],
        capture: {
          next: { from: 'header', name: 'location' },
          sid: { from: 'cookie', name: 'sid' },
        },
      },
      {
        path: '/admin',
        capture: { csrf: { from: 'body', regex: 'name="_csrf" value="([^"]+)"' } },
      },
      {
        path: '/api/token',
        headers: { 'x-token': '{{csrf}}' },
        capture: { api: { from: 'json', path: 'data.token' } },
      },
    ];
    const outcome = await runSetup(steps, context());
    expect(outcome.vars).toEqual({ next: '/admin', sid: 'abc', csrf: 'tok-123', api: 'j-9' });
    expect(outcome.headers).toEqual({ cookie: 'sid=abc; theme=dark' });
    const admin = seen.filter((s) => s.url === '/admin').at(-1)!;
    expect(admin.cookie).toBe('sid=abc; theme=dark');
    expect(seen.filter((s) => s.url === '/api/token').at(-1)!.token).toBe('tok-123');
  });

  it('fails on an unexpected status, naming the step', async () => {
    const error = (await runSetup(
      [{ name: 'log in', method: 'POST', path: '/login', body: 'password=no' }],
      context(),
    ).catch((e) => e)) as SoakError;
    expect(error.code).toBe('PUGO_ERR_SOAK_SETUP');
    expect(error.message).toBe(
      'the setup step 1 (log in) failed: answered 401: wrong password; check the steps in the soak configuration',
    );
  });

  it('fails when a capture finds nothing', async () => {
    const error = (await runSetup(
      [{ path: '/admin', capture: { csrf: { from: 'body', regex: 'csrf="(x)"' } } }],
      context(),
    ).catch((e) => e)) as SoakError;
    expect(error.message).toMatch(
      /^the setup step 1 \(GET \/admin\) failed: could not capture "csrf"/,
    );
  });

  it('runs a hook and reports its failure', async () => {
    const ok = await runSetup(
      async (c) => ({ vars: { u: c.url }, headers: { authorization: 'Bearer t' } }),
      context(),
    );
    expect(ok).toEqual({ vars: { u: url }, headers: { authorization: 'Bearer t' } });
    const error = (await runSetup(() => {
      throw new Error('no admin user');
    }, context()).catch((e) => e)) as SoakError;
    expect(error.message).toBe(
      'the setup step hook failed: no admin user; check the steps in the soak configuration',
    );
  });
});
