// Starts a server under test in its own process and learns its URL from the first line it prints.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface ChildServer {
  /** Base URL the child printed, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The child's process id, for memory readings. */
  readonly pid: number;
  /** Sends SIGTERM and waits for the child to exit. */
  stop(): Promise<void>;
}

export interface StartChildOptions {
  /** Arguments after the script. Default: none. */
  args?: readonly string[];
  /** Extra environment. Default: none. */
  env?: Record<string, string>;
  /** Node flags, e.g. `['--import', 'tsx']`. Default: `['--import', 'tsx']`, so `.ts` scripts run. */
  execArgv?: readonly string[];
  /** How long to wait for the URL line. Default: 30 s. */
  timeoutMs?: number;
}

/**
 * Runs `node script`; the script must print one JSON line `{"url": "http://…"}` on stdout once it
 * listens. Its stderr passes through, so a crash says why.
 */
export async function startChild(
  script: string,
  options: StartChildOptions = {},
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...(options.execArgv ?? ['--import', 'tsx']), script, ...(options.args ?? [])],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} printed no URL within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`${script} exited with code ${code} before listening`)),
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`${script} printed ${JSON.stringify(line)} instead of {"url": …}`));
      }
    });
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
