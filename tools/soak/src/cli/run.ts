// The pugo-soak driver: argv → options → soak → summary, report folder and exit code (0, 1, 2).
import { readFileSync } from 'node:fs';
import { loadConfigFile, type SoakFileOptions } from '../config/config-file.js';
import { optionTable } from '../config/option-table.js';
import { SoakError } from '../errors.js';
import type { SoakReport } from '../report/soak-report.js';
import { type StatusStream, statusLine } from '../report/status-line.js';
import { summaryText } from '../report/summary.js';
import { writeReport } from '../report/write-report.js';
import { runSoak } from '../run/run-soak.js';
import { parseArgs } from './args.js';
import { soakOptions } from './soak-options.js';
import { usageText } from './usage.js';

/** The streams the driver talks to. */
export interface RunIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: StatusStream;
  /** Aborting stops the soak (SIGINT in the CLI). */
  readonly signal?: AbortSignal;
}

/** Runs pugo-soak with `argv` (no node, no script) and returns the exit code. */
export async function run(argv: readonly string[], io: RunIo): Promise<number> {
  let teardown: (() => unknown) | undefined;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout.write(usageText());
      return 0;
    }
    if (args.version) {
      io.stdout.write(`pugo-soak ${packageVersion()}\n`);
      return 0;
    }
    const file: SoakFileOptions = args.config ? await loadConfigFile(args.config) : {};
    teardown = file.teardown;
    const options = await soakOptions(args, file);
    const status = statusLine(io.stderr);
    const result = await runSoak(options, { status, ...(io.signal ? { signal: io.signal } : {}) });
    let dir: string | undefined;
    if (args.report)
      dir = await writeReport(result, args.out ?? file.out ?? optionTable.out.default);
    io.stdout.write(
      args.json ? `${JSON.stringify(result.report, null, 2)}\n` : summaryText(result.report, dir),
    );
    const r = result.report;
    io.stderr.write(`${verdictLine(r)}${dir ? ` (report: ${dir})` : ''}\n`);
    return r.exitCode;
  } catch (error) {
    if (error instanceof SoakError) {
      io.stderr.write(`pugo-soak: ${error.message}\n`);
      return 2;
    }
    const e = error as Error;
    io.stderr.write(
      `pugo-soak: internal error: ${e?.message ?? String(error)}; please report it\n`,
    );
    if (process.env.PUGO_SOAK_DEBUG === '1') io.stderr.write(`${e?.stack ?? ''}\n`);
    return 2;
  } finally {
    await runTeardown(teardown, io);
  }
}

/** Calls the config's teardown; its failure is reported but does not change the verdict. */
async function runTeardown(teardown: (() => unknown) | undefined, io: RunIo): Promise<void> {
  if (teardown === undefined) return;
  try {
    await teardown();
  } catch (error) {
    io.stderr.write(
      `pugo-soak: the config's teardown failed: ${(error as Error)?.message ?? String(error)}\n`,
    );
  }
}

/** The last line on stderr: the verdict, or why there is none. */
function verdictLine(r: SoakReport): string {
  if (r.verdict === 'error') return `pugo-soak: ${r.error?.message ?? 'the soak failed'}`;
  return r.verdict === 'leak' ? `pugo-soak: LEAK: ${r.reasons[0] ?? ''}` : 'pugo-soak: no leak';
}

/** The version in this package's package.json (two folders up from src/cli or dist/cli). */
function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
