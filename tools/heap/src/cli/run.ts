// The driver: argv → settings, sources → profiles, one report or the shell → output; errors → one line, exit 2.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateReport, openProfileFile, type Report } from '@pugo/profile';
import { oneLine } from '../errors.js';
import { parseArgs } from '../settings/args.js';
import { emit, renderReport, type Writer } from '../settings/output.js';
import { toReportOptions } from '../settings/report-options.js';
import { isPicture } from '../web/picture-kinds.js';
import { loadProfiles, streamableSource } from './load.js';
import { usage } from './usage.js';
import { keepYoungGenerationSmall } from './young-generation.js';

/** The process around a run: streams and environment. */
export interface RunIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: Writer;
  readonly stderr: Writer & NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs pugo-heap with `argv` (no node, no script) and resolves to the exit code: 0, or 2. */
export async function run(argv: readonly string[], io: RunIo): Promise<number> {
  const log = (line: string) => io.stderr.write(`${line}\n`);
  try {
    const args = parseArgs(argv);
    const printReport = (report: Report) => {
      for (const warning of report.warnings) log(warning);
      emit(renderReport(report, args.json), args.config.output, io.stdout, io.stderr);
    };
    if (args.help) {
      io.stdout.write(usage);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`pugo-heap ${version()}\n`);
      return 0;
    }
    for (const warning of args.warnings) log(warning);
    // One text report from one local file is streamed: its samples are never all in memory.
    // (`traces` prints every sample of the merged profile: it reads them in memory anyway.)
    const command = args.command;
    const streamable =
      command !== undefined &&
      !isPicture(command.kind) &&
      command.kind !== 'traces' &&
      args.http === undefined
        ? await streamableSource(args)
        : undefined;
    if (command !== undefined && streamable !== undefined) {
      keepYoungGenerationSmall();
      const streamed = await openProfileFile(streamable, { source: streamable });
      try {
        const options = toReportOptions(command, args.config, { diffBase: args.diffBase });
        printReport(generateReport(streamed, options));
        return 0;
      } finally {
        await streamed.close();
      }
    }
    const loaded = await loadProfiles({
      sources: args.sources,
      base: args.base,
      seconds: args.seconds,
      timeout: args.timeout,
      env: io.env,
      log,
    });
    const sources = { ...loaded, diffBase: args.diffBase };
    if (args.http !== undefined) {
      // The web UI, pictures and the shell load on demand: a one-shot report needs none of them.
      const { serveUntilInterrupted } = await import('../web/web-server.js');
      await serveUntilInterrupted(
        args.http,
        sources,
        args.config,
        io,
        args.noBrowser,
        args.httpRemote,
      );
      return 0;
    }
    if (args.command !== undefined && isPicture(args.command.kind)) {
      const { writePicture } = await import('../web/picture.js');
      await writePicture(args.command.kind, sources, args.config, {
        ...io,
        noBrowser: args.noBrowser,
      });
      return 0;
    }
    if (args.command === undefined) {
      const { runShell } = await import('../shell/shell.js');
      await runShell(sources, args.config, {
        stdin: io.stdin,
        stdout: io.stdout,
        stderr: io.stderr,
        terminal: io.stdin.isTTY === true,
        historyFile: historyFile(io.env),
      });
      return 0;
    }
    printReport(
      generateReport(loaded.profile, toReportOptions(args.command, args.config, sources)),
    );
    return 0;
  } catch (error) {
    log(`pugo-heap: ${describe(error, io.env)}`);
    return 2;
  }
}

/** One line for any error: ours and the library's carry their message; anything else is a bug. */
function describe(error: unknown, env: NodeJS.ProcessEnv): string {
  if (error instanceof Error && (error.name === 'HeapError' || error.name === 'ProfileError')) {
    return oneLine(error.message);
  }
  if (env.PUGO_HEAP_DEBUG === '1' && error instanceof Error && error.stack) {
    return oneLine(error.stack);
  }
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(`internal error: ${message}; please report it (PUGO_HEAP_DEBUG=1 shows where)`);
}

/** PUGO_HEAP_HISTORY, or ~/.pugo/heap_history; empty disables history. */
function historyFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PUGO_HEAP_HISTORY !== undefined) return env.PUGO_HEAP_HISTORY || undefined;
  const home = env.HOME || homedir();
  return home ? join(home, '.pugo', 'heap_history') : undefined;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
