// Runs the pugo-heap driver in this process with argv split by sh, collecting what it printed.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { run } from '../../src/index.js';
import type { CliResult } from './run-cli.js';

const exec = promisify(execFile);

/** Splits a command line into words exactly as `sh` does (quotes and backslashes included). */
export async function shellWords(line: string): Promise<string[]> {
  const { stdout } = await exec('/bin/sh', ['-c', `printf '%s\\0' ${line}`]);
  return stdout.split('\0').slice(0, -1);
}

/** `run(argv)` with stdin closed and stdout/stderr captured. */
export async function runInProcess(argv: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = new PassThrough({ decodeStrings: false });
  stderr.on('data', (chunk: Buffer | string) => err.push(chunk.toString()));
  const stdin = new PassThrough();
  stdin.end();
  const code = await run(argv, {
    stdin,
    stdout: { write: (text: string) => out.push(text) },
    stderr,
    env: { ...process.env, PUGO_HEAP_HISTORY: '' },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
