// Runs pugo-heap as a real process (node tools/heap/bin/pugo-heap.js …) and collects what it printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/pugo-heap.js', import.meta.url));
/** The profile fixtures and go tool pprof's goldens, shared with @pugo/profile. */
export const fixtures = fileURLToPath(
  new URL('../../../../packages/profile/test/fixtures/', import.meta.url),
);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. Default: nothing (stdin closed at once). */
  input?: string;
}

/** Base environment: source (never a stale dist), UTC times as in the goldens, no history file. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PUGO_HEAP_SOURCE: '1',
    TZ: 'UTC',
    PUGO_HEAP_HISTORY: '',
    ...extra,
  };
}

/** Runs `node bin/pugo-heap.js ...args`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runCommand(process.execPath, [bin, ...args], options);
}

/** Runs a shell command line (a golden's .cmd) with `sh -c`. */
export function runShellLine(line: string, options: RunOptions = {}): Promise<CliResult> {
  return runCommand('/bin/sh', ['-c', line], options);
}

function runCommand(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd ?? fixtures,
      env: cliEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}
