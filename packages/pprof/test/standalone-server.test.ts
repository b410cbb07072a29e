// The standalone server over real HTTP: every endpoint's status, headers and body, and the bad requests.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PprofServer, startPprofServer } from '../src/index.js';
import { get } from './helpers.js';

let server: PprofServer;
const childScript = fileURLToPath(new URL('./fixtures/server-child.ts', import.meta.url));

beforeAll(async () => {
  server = await startPprofServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('startPprofServer', () => {
  it('binds 127.0.0.1 by default and reports the endpoint URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/debug\/pprof$/);
  });

  it('serves a Go-like index with a ?debug=1 link and a description per profile', async () => {
    const r = await get(`${server.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBeNull();
    for (const name of ['cmdline', 'heap', 'heapsnapshot', 'metrics', 'profile', 'resources']) {
      expect(r.text).toContain(`<a href='${name}?debug=1'>${name}</a>`);
      expect(r.text).toContain(`<div class=profile-name>${name}: </div>`);
    }
    expect(r.text).toContain('<title>/debug/pprof/</title>');
  });

  it('redirects the prefix without a slash to the index, keeping the query', async () => {
    const r = await get(`${server.url}?debug=1`);
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/debug/pprof/?debug=1');
  });

  it('serves the command line NUL-separated as text', async () => {
    const r = await get(`${server.url}/cmdline`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBeNull();
    expect(r.text.split('\0')).toEqual(process.argv);
  });

  it('lists active resources by type as text', async () => {
    const r = await get(`${server.url}/resources`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const [header, ...rows] = r.text.trimEnd().split('\n');
    const total = Number(/^resources profile: total (\d+)$/.exec(header ?? '')?.[1]);
    // The server's own listening socket is a TCPServerWrap.
    expect(rows).toContainEqual(expect.stringMatching(/^\d+ @ TCPServerWrap$/));
    const sum = rows.reduce((n, row) => n + Number(row.split(' @ ')[0]), 0);
    expect(sum).toBe(total);
  });

  it('streams a V8 heap snapshot as an attachment', { timeout: 90_000 }, async () => {
    // A child process with a small heap keeps the snapshot small and quick.
    const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { url } = JSON.parse(line) as { url: string };
      const response = await fetch(`${url}/heapsnapshot`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="heap-\d+-\d+\.heapsnapshot"$/,
      );
      // Streamed: no length up front, and the whole stream is one valid snapshot.
      expect(response.headers.get('content-length')).toBeNull();
      const snapshot = JSON.parse(await response.text()) as {
        snapshot: { meta: { node_fields: string[] }; node_count: number };
      };
      expect(snapshot.snapshot.meta.node_fields).toContain('self_size');
      expect(snapshot.snapshot.node_count).toBeGreaterThan(1000);
      // A client that hangs up mid-stream leaves the server healthy.
      const reader = (await fetch(`${url}/heapsnapshot`)).body!.getReader();
      expect(Buffer.from((await reader.read()).value!).toString('utf8')).toMatch(/^\{"snapshot":/);
      await reader.cancel();
      expect((await get(`${url}/cmdline`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('answers an unknown profile with 404 "Unknown profile" and X-Go-Pprof: 1', async () => {
    const r = await get(`${server.url}/goroutine`);
    expect(r.status).toBe(404);
    expect(r.headers.get('x-go-pprof')).toBe('1');
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('x-pugo-error-code')).toBe('PUGO_ERR_PPROF_UNKNOWN_PROFILE');
    expect(r.text).toMatch(/^Unknown profile: "goroutine"; known profiles are cmdline, heap,/);
  });

  it('answers paths outside the prefix with a plain 404', async () => {
    const r = await get(`${server.url.replace('/debug/pprof', '')}/other`);
    expect(r.status).toBe(404);
    expect(r.text).toContain('under /debug/pprof/');
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    const r = await get(`${server.url}/cmdline`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
  });

  const badParams: [string, string, string][] = [
    ['/heap?seconds=abc', 'seconds', 'want an integer from 1 to 300'],
    ['/heap?seconds=-1', 'seconds', 'want an integer from 1 to 300'],
    ['/heap?seconds=99999', 'seconds', 'want an integer from 1 to 300'],
    ['/heap?seconds=0', 'seconds', 'want an integer from 1 to 300'],
    ['/heap?seconds=1.5', 'seconds', 'want an integer from 1 to 300'],
    ['/profile?seconds=abc', 'seconds', 'want an integer from 1 to 300'],
    ['/profile?seconds=-1', 'seconds', 'want an integer from 1 to 300'],
    ['/profile?seconds=99999', 'seconds', 'want an integer from 1 to 300'],
    ['/profile?seconds=1&seconds=2', 'seconds', 'want one value, an integer from 1 to 300'],
    ['/heap?gc=2', 'gc', 'want 0 or 1'],
    ['/metrics?gc=yes', 'gc', 'want 0 or 1'],
    ['/heap?debug=7', 'debug', 'want 0 or 1'],
    ['/?debug=x', 'debug', 'want 0 or 1'],
  ];
  it.each(badParams)(
    'answers %s with 400 naming %s and what is allowed',
    async (path, name, want) => {
      const r = await get(`${server.url}${path}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('x-go-pprof')).toBe('1');
      expect(r.headers.get('x-pugo-error-code')).toBe('PUGO_ERR_PPROF_BAD_PARAM');
      expect(r.text).toContain(`invalid value for "${name}"`);
      expect(r.text).toContain(want);
    },
  );

  it('answers seconds with debug on /heap with 400, as Go does', async () => {
    const r = await get(`${server.url}/heap?seconds=1&debug=1`);
    expect(r.status).toBe(400);
    expect(r.headers.get('x-go-pprof')).toBe('1');
    expect(r.text).toMatch(/^seconds and debug params are incompatible/);
  });

  it('refuses a heap snapshot with 507 when free memory is under the headroom', async () => {
    const tight = await startPprofServer({ port: 0, snapshotHeadroom: 1e9 });
    try {
      const r = await get(`${tight.url}/heapsnapshot`);
      expect(r.status).toBe(507);
      expect(r.headers.get('x-go-pprof')).toBe('1');
      expect(r.headers.get('content-disposition')).toBeNull();
      expect(r.text).toMatch(/^Insufficient storage: a heap snapshot needs about [\d.]+ MiB free/);
    } finally {
      await tight.close();
    }
  });

  it('serves under a custom prefix', async () => {
    const other = await startPprofServer({ port: 0, prefix: '/_pprof/' });
    try {
      expect(other.url).toMatch(/\/_pprof$/);
      expect((await get(`${other.url}/cmdline`)).status).toBe(200);
      expect((await get(other.url.replace('/_pprof', '/debug/pprof/cmdline'))).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('fails to start on a taken port with a coded error', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startPprofServer({ port })).rejects.toMatchObject({
      code: 'PUGO_ERR_PPROF_LISTEN',
      message: expect.stringMatching(
        /^starting the pprof server on 127\.0\.0\.1:\d+ failed: .*EADDRINUSE/,
      ),
    });
  });
});
