// pugo-heap -http as a process: prints its URL on stderr, serves the UI, stops on Ctrl-C with exit 0.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { bin, cliEnv, fixtures } from './helpers/run-cli.js';

vi.setConfig({ testTimeout: 120_000 });

test('-http=127.0.0.1:0 -no_browser serves until SIGINT', async () => {
  const child = spawn(
    process.execPath,
    [
      bin,
      '-http=127.0.0.1:0',
      '-no_browser',
      '-diff_base',
      'go-heap-leaky-start.pb.gz',
      'go-heap-leaky-end.pb.gz',
    ],
    { cwd: fixtures, env: cliEnv({ BROWSER: '' }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /Serving web UI on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
  });
  const top = await fetch(`${url}/top?si=alloc_space`);
  expect(top.status).toBe(200);
  const body = await top.text();
  expect(body).toContain('Type: alloc_space');
  expect(body).toContain('main.(*ArticleController).Get');
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stdout).toBe('');
  expect(stderr).toBe(`Serving web UI on ${url}\n`);
});

test('a port in use is one line and exit 2', async () => {
  const { createServer } = await import('node:net');
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const port = (busy.address() as { port: number }).port;
  const child = spawn(
    process.execPath,
    [bin, `-http=127.0.0.1:${port}`, join(fixtures, 'go-heap-leaky-end.pb.gz')],
    {
      env: cliEnv({ BROWSER: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  busy.close();
  expect(code).toBe(2);
  expect(stderr).toMatch(
    /^pugo-heap: cannot serve the web UI on 127\.0\.0\.1:\d+: the port is in use; pick another[^\n]*\n$/,
  );
});
