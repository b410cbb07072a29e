// The pugo-soak driver: argv → options → soak → summary, report folder and exit code (0, 1, 2).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigFile, loadRoutesFile, type SoakFileOptions } from '../config/config-file.js';
import { optionTable } from '../config/option-table.js';
import { defaults, type SoakOptions } from '../config/options.js';
import { SoakError, usageError } from '../errors.js';
import { type StatusStream, statusLine } from '../report/status-line.js';
import { summaryText } from '../report/summary.js';
import { writeReport } from '../report/write-report.js';
import { runSoak } from '../run/run-soak.js';
import { parseArgs } from './args.js';
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
      const pkg = JSON.parse(
        readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
      ) as {
        version: string;
      };
      io.stdout.write(`pugo-soak ${pkg.version}\n`);
      return 0;
    }
    const file: SoakFileOptions = args.config ? await loadConfigFile(args.config) : {};
    const { out: fileOut, scenarios, teardown: fileTeardown, ...base } = file;
    teardown = fileTeardown;
    let fromFile: SoakOptions = base;
    if (args.scenario !== undefined) {
      const known = Object.keys(scenarios ?? {});
      const scenario = scenarios?.[args.scenario];
      if (scenario === undefined)
        throw usageError(
          `no scenario "${args.scenario}" in ${args.config ?? 'the command line (pass --config)'}${known.length ? `; known: ${known.join(', ')}` : ''}`,
        );
      fromFile = {
        name: args.scenario,
        ...base,
        ...scenario,
        env: { ...base.env, ...scenario.env },
      };
    }
    const options: SoakOptions = { ...fromFile, ...args.options };
    if (args.options.env || fromFile.env) options.env = { ...fromFile.env, ...args.options.env };
    if (args.options.cwd) options.cwd = resolve(args.options.cwd);
    if (args.options.url && fromFile.cmd) delete options.cmd;
    if (args.options.cmd && fromFile.url) delete options.url;
    if (args.quick && args.options.durationMs === undefined)
      options.durationMs = defaults.quickDurationMs;
    if (args.routes) options.routes = await loadRoutesFile(args.routes);
    const status = statusLine(io.stderr);
    const result = await runSoak(options, { status, ...(io.signal ? { signal: io.signal } : {}) });
    let dir: string | undefined;
    if (args.report)
      dir = await writeReport(result, args.out ?? fileOut ?? optionTable.out.default);
    io.stdout.write(
      args.json ? `${JSON.stringify(result.report, null, 2)}\n` : summaryText(result.report, dir),
    );
    const r = result.report;
    const line =
      r.verdict === 'error'
        ? `pugo-soak: ${r.error?.message ?? 'the soak failed'}`
        : r.verdict === 'leak'
          ? `pugo-soak: LEAK: ${r.reasons[0] ?? ''}`
          : 'pugo-soak: no leak';
    io.stderr.write(`${line}${dir ? ` (report: ${dir})` : ''}\n`);
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
