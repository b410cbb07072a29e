// Runs pugo-soak in-process (the CLI driver) against the fixtures, capturing stdout, stderr and the exit code.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import type { SoakReport } from '../../src/report/soak-report.js';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const bin = fileURLToPath(new URL('../../bin/pugo-soak.js', import.meta.url));

/** The shell command that starts a fixture (its @pugo/pprof import resolved to source through tsx). */
export function fixtureCmd(name: string): string {
  return `node --import tsx --conditions=@pugo/source ${name}.mjs`;
}

/** Short soak flags: leaks in the fixtures are tens of kB per request, so seconds suffice. */
export const quickFlags = [
  '--duration',
  '6s',
  '--interval',
  '0.5s',
  '--drain',
  '1s',
  '--rate',
  '200',
  '-c',
  '4',
];

export interface SoakOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** Parsed from stdout when --json was given and the soak reached a report. */
  report?: SoakReport;
  /** The report folder (from the last stderr line). */
  dir?: string;
}

/** `pugo-soak ...args` through the driver, with a fresh --out folder unless --no-report. */
export async function soak(args: string[]): Promise<SoakOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const extra = args.includes('--no-report')
    ? []
    : ['--out', mkdtempSync(join(tmpdir(), 'soak-e2e-'))];
  const code = await run([...args, ...extra], {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
  });
  const stdout = out.join('');
  const stderr = err.join('');
  const outcome: SoakOutcome = { code, stdout, stderr };
  if (args.includes('--json') && stdout.startsWith('{'))
    outcome.report = JSON.parse(stdout) as SoakReport;
  const dir = /\(report: (.+)\)\n$/.exec(stderr)?.[1];
  if (dir) outcome.dir = dir;
  return outcome;
}

/** The last line of `text`. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

/** Runs the bin (from source) as a real process. */
export function runBin(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, PUGO_SOAK_SOURCE: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
