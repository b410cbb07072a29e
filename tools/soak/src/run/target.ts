// The service under test as a child process: free ports, start, wait until it answers, watch it, stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { soakError } from '../errors.js';

/** A started target. */
export interface Target {
  /** Base URL of the service, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port given as `PPROF_PORT` / `{pprofPort}`. */
  readonly pprofPort: number;
  readonly pid: number | undefined;
  /** Set once the process has exited: how (`with code 1`, `on signal SIGKILL`). */
  exited(): string | undefined;
  /** Resolves with how it exited, if it ever does. */
  readonly exit: Promise<string>;
  /** The end of its stderr, on one line. */
  stderrTail(): string;
  /** Stops it (SIGTERM to its process group, SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the OS picks; the target binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `cmd` by the shell with `PORT`/`PPROF_PORT` and the `{port}`/`{pprofPort}` placeholders. */
export async function startTarget(options: {
  cmd: string;
  cwd: string;
  env: Readonly<Record<string, string>>;
}): Promise<Target> {
  const port = await freePort();
  let pprofPort = await freePort();
  while (pprofPort === port) pprofPort = await freePort();
  const cmd = options.cmd
    .replaceAll('{port}', String(port))
    .replaceAll('{pprofPort}', String(pprofPort));
  let child: ChildProcess;
  try {
    child = spawn(cmd, {
      shell: true,
      cwd: options.cwd,
      // Its own process group, so stop() reaches the shell's children too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...options.env, PORT: String(port), PPROF_PORT: String(pprofPort) },
    });
  } catch (error) {
    throw soakError('PUGO_ERR_SOAK_TARGET_START', { cmd, reason: (error as Error).message }, error);
  }
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4096);
  });
  let how: string | undefined;
  const exit = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      how ??= `(could not start: ${error.message})`;
      resolve(how);
    });
    child.once('exit', (code, signal) => {
      how ??= signal ? `on signal ${signal}` : `with code ${code}`;
      resolve(how);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    pprofPort,
    pid: child.pid,
    exited: () => how,
    exit,
    stderrTail: () => oneLineTail(tail),
    stop() {
      stopped ??= (async () => {
        if (how === undefined) {
          signalGroup('SIGTERM');
          const timer = sleep(3000).then(() => 'timeout');
          if ((await Promise.race([exit, timer])) === 'timeout') {
            signalGroup('SIGKILL');
            await exit;
          }
        } else {
          // The shell may be gone while a child it started lives on.
          signalGroup('SIGKILL');
        }
        child.stderr?.destroy();
      })();
      return stopped;
    },
  };
}

/** The last lines of `text` joined on one line, at most ~400 characters. */
export function oneLineTail(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.slice(-6).join(' | ').slice(-400);
}

/**
 * Polls `url` until it answers with a status below 500. Fails with the target's exit (and stderr)
 * if it dies first, or PUGO_ERR_SOAK_TARGET_TIMEOUT after `timeoutMs`.
 */
export async function waitUntilReady(
  url: string,
  timeoutMs: number,
  target?: Target,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const how = target?.exited();
    if (how !== undefined) throw targetExited(target!, 'start-up');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = describeFetchError(error);
    }
    await sleep(100);
  }
  if (target?.exited() !== undefined) throw targetExited(target, 'start-up');
  throw soakError('PUGO_ERR_SOAK_TARGET_TIMEOUT', {
    url,
    seconds: Math.round(timeoutMs / 100) / 10,
    last,
    stderr: target?.stderrTail() ?? '',
  });
}

/** The error for a target that exited during `phase`. */
export function targetExited(target: Target, phase: string) {
  return soakError('PUGO_ERR_SOAK_TARGET_EXITED', {
    phase,
    how: target.exited() ?? 'unexpectedly',
    stderr: target.stderrTail(),
  });
}

/** `ECONNREFUSED` rather than fetch's bare "fetch failed". */
export function describeFetchError(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
