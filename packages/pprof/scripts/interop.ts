// `pnpm --filter @pugo/pprof interop`: reads live /heap?gc=1 and /profile?seconds=2 with the reference
// `go tool pprof -top`, prints its reports, and fails if either profile cannot be read.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { startPprofServer } from '../src/index.js';

const run = promisify(execFile);

function fail(message: string): never {
  process.stderr.write(`interop: ${message}\n`);
  process.exit(1);
}

async function goVersion(): Promise<string> {
  try {
    return (await run('go', ['version'])).stdout.trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      fail(
        '`go` is not installed or not on PATH; install it (Debian: apt-get install golang-go) and retry',
      );
    }
    fail(`\`go version\` failed: ${(error as Error).message}`);
  }
}

/** Something for the heap profile to find: ~24 MiB kept alive by a named function. */
function retainForInterop(): number[][] {
  return Array.from({ length: 24 }, () => new Array(128 * 1024).fill(7));
}

let sink = 0;
/** Something for the CPU profile to find: busy slices, until `done`, that let the server answer. */
async function burnForInterop(done: () => boolean): Promise<void> {
  while (!done()) {
    const slice = Date.now() + 20;
    while (Date.now() < slice) sink += Math.sqrt(sink + 1);
    await yieldToLoop();
  }
}

/** Runs `go tool pprof -top url` and returns its report; the expected function must appear. */
async function top(url: string, expected: string, home: string): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await run('go', ['tool', 'pprof', '-top', url], {
      env: { ...process.env, PPROF_TMPDIR: home, HOME: process.env.HOME ?? home },
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    fail(`go tool pprof could not read ${url}:\n${e.stderr ?? e.message}`);
  }
  if (!stdout.includes(expected)) {
    fail(`go tool pprof read ${url} but its report does not name ${expected}:\n${stdout}`);
  }
  return stdout;
}

const version = await goVersion();
const home = mkdtempSync(join(tmpdir(), 'pugo-pprof-interop-'));
const server = await startPprofServer({ port: 0 });
try {
  process.stdout.write(`${version}\npprof server: ${server.url}\n`);
  const held = retainForInterop();

  const heapUrl = `${server.url}/heap?gc=1`;
  const heapReport = await top(heapUrl, 'retainForInterop', home);
  process.stdout.write(`\n$ go tool pprof -top ${heapUrl}\n${heapReport}`);

  const cpuUrl = `${server.url}/profile?seconds=2`;
  let finished = false;
  const cpu = top(cpuUrl, 'burnForInterop', home).finally(() => {
    finished = true;
  });
  const [cpuReport] = await Promise.all([cpu, burnForInterop(() => finished)]);
  process.stdout.write(`\n$ go tool pprof -top ${cpuUrl}\n${cpuReport}`);
  process.stdout.write(
    `\ninterop: ok (both profiles read by go tool pprof; ${held.length} arrays held)\n`,
  );
} finally {
  await server.close();
  rmSync(home, { recursive: true, force: true });
}
