// URL sources against a real HTTP server on 127.0.0.1: fetch, ?seconds=, saving, and each way a fetch fails.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fixtures, runCli } from './helpers/run-cli.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const heap = readFileSync(join(fixtures, 'go-heap-leaky-end.pb.gz'));
const cpu = readFileSync(join(fixtures, 'go-cpu.pb.gz'));
const golden = (name: string) => readFileSync(join(fixtures, 'golden', `${name}.txt`), 'utf8');

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/debug/pprof/heap') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(heap);
    } else if (path === '/debug/pprof/profile') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(cpu);
    } else if (path === '/debug/pprof/broken') {
      res
        .writeHead(500, { 'content-type': 'text/plain', 'x-go-pprof': '1' })
        .end('profiling failed\n');
    } else if (path === '/debug/pprof/slow') {
      // Never answers: the client's timeout must end the wait.
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const profilesDir = () => mkdtempSync(join(tmpdir(), 'pugo-heap-profiles-'));

describe.concurrent('fetching', () => {
  test('a heap URL: the report, the progress lines, and the saved copy', async () => {
    const dir = profilesDir();
    const url = `${base}/debug/pprof/heap`;
    const result = await runCli(['-top', url], { env: { PUGO_PROFILES_DIR: dir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden('go-heap-leaky-end.top'));
    const saved = join(
      dir,
      'pprof.minitango.alloc_objects.alloc_space.inuse_objects.inuse_space.001.pb.gz',
    );
    expect(result.stderr).toBe(
      `Fetching profile over HTTP from ${url}\nSaved profile in ${saved}\n`,
    );
    expect(readFileSync(saved)).toEqual(heap);
  });

  test('a second fetch is saved as 002, and the saved file is itself a source', async () => {
    const dir = profilesDir();
    const env = { PUGO_PROFILES_DIR: dir };
    await runCli(['-top', `${base}/debug/pprof/heap`], { env });
    await runCli(['-top', `${base}/debug/pprof/heap`], { env });
    expect(readdirSync(dir).sort()).toEqual([
      'pprof.minitango.alloc_objects.alloc_space.inuse_objects.inuse_space.001.pb.gz',
      'pprof.minitango.alloc_objects.alloc_space.inuse_objects.inuse_space.002.pb.gz',
    ]);
    const again = await runCli(['-top', join(dir, readdirSync(dir)[0]!)]);
    expect(again.stdout).toBe(golden('go-heap-leaky-end.top'));
  });

  test('-seconds sets ?seconds= on the URL (host:port form, no scheme) and says to wait', async () => {
    const dir = profilesDir();
    const hostPort = base.slice('http://'.length);
    const result = await runCli(
      ['-top', '-seconds', '2', `${hostPort}/debug/pprof/profile?debug=0`],
      {
        env: { PUGO_PROFILES_DIR: dir },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden('go-cpu.top'));
    expect(requests).toContain('/debug/pprof/profile?debug=0&seconds=2');
    expect(result.stderr).toContain(
      `Fetching profile over HTTP from ${base}/debug/pprof/profile?debug=0&seconds=2\nPlease wait... (2s)\n`,
    );
    expect(existsSync(join(dir, 'pprof.cpuburn.samples.cpu.001.pb.gz'))).toBe(true);
  });

  test('a URL and a file are merged', async () => {
    const result = await runCli(['-top', 'go-heap-leaky-start.pb.gz', `${base}/debug/pprof/heap`], {
      env: { PUGO_PROFILES_DIR: profilesDir() },
    });
    const merged = readFileSync(new URL('./golden/merge.top.txt', import.meta.url), 'utf8');
    expect(result.stdout).toBe(merged);
  });
});

/** Exit 2, nothing on stdout, and the last stderr line is our one error line. */
async function expectFetchFailure(args: string[], message: RegExp): Promise<void> {
  const result = await runCli(args, { env: { PUGO_PROFILES_DIR: profilesDir() } });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^Fetching profile over HTTP from /);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^pugo-heap: /);
  expect(lines[1]).toMatch(message);
}

describe.concurrent('failing fetches: exit 2 and one error line', () => {
  test('an HTTP 500 from a pprof endpoint shows its message', async () => {
    await expectFetchFailure(
      ['-top', `${base}/debug/pprof/broken`],
      /server response: 500 Internal Server Error - profiling failed/,
    );
  });

  test('an HTTP 404', async () => {
    await expectFetchFailure(['-top', `${base}/nothing`], /server response: 404 Not Found/);
  });

  test('an unreachable port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expectFetchFailure(['-top', `http://127.0.0.1:${port}/debug/pprof/heap`], /ECONNREFUSED/);
  });

  test('a server that never answers, with -timeout=1', async () => {
    await expectFetchFailure(
      ['-top', '-timeout=1', `${base}/debug/pprof/slow`],
      /within 1s; raise -timeout/,
    );
  });
});
