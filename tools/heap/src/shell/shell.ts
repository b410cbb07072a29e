// The interactive (pprof) prompt: reads commands from a terminal (with history) or a pipe, prints reports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { generateReport } from '@pugo/profile';
import type { Config } from '../settings/config.js';
import { findSetting, settings } from '../settings/config.js';
import { reportCommands } from '../settings/flags.js';
import { emit, type Writer } from '../settings/output.js';
import { type ReportSources, toReportOptions } from '../settings/report-options.js';
import { isPicture, writePicture } from '../web/picture.js';
import { compactLabels, profileHeader } from './profile-labels.js';
import { expandShortcuts, formatOptions, interpret } from './shell-commands.js';
import { shellHelp, topicHelp } from './shell-help.js';

/** Where the shell reads and writes. */
export interface ShellIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writer;
  readonly stderr: Writer & NodeJS.WritableStream;
  /**
   * Whether stdin is a terminal: then the line editor runs on stderr with history and completion,
   * as pprof's readline UI does; otherwise the prompt goes to stdout before each line, as pprof's
   * plain UI does.
   */
  readonly terminal: boolean;
  /** File to keep the history in (terminal only). Default: none. */
  readonly historyFile?: string;
}

const prompt = '(pprof) ';
const historySize = 1000;

/** Runs the shell until `quit` or end of input. `initial` are the settings from the command line. */
export async function runShell(
  sources: ReportSources,
  initial: Config,
  io: ShellIo,
): Promise<void> {
  const { profile } = sources;
  let config: Config = { ...initial };
  const print = (text: string) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

  const header = profileHeader(sources, config);
  if (header.labels.length > 0) print(header.labels.join('\n'));
  if (header.total === 0 && profile.sampleType.length > 1) {
    print('No samples were found with the default sample value type.');
    print('Try "sample_index" command to analyze different sample values.\n');
  }
  print('Entering interactive mode (type "help" for commands, "o" for options)');

  const rl = createInterface(
    io.terminal
      ? {
          input: io.stdin,
          output: io.stderr,
          terminal: true,
          prompt,
          history: loadHistory(io.historyFile),
          historySize,
          removeHistoryDuplicates: true,
          completer,
        }
      : { input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY },
  );
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    rl.close();
  });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (io.terminal) rl.prompt();
      else io.stdout.write(prompt);
      const next = await lines.next();
      if (next.done || interrupted) break;
      let quit = false;
      for (const input of expandShortcuts(next.value, profile)) {
        const action = interpret(input, config, profile);
        switch (action.type) {
          case 'nothing':
            break;
          case 'quit':
            quit = true;
            break;
          case 'options':
            print(formatOptions(config, profile));
            break;
          case 'help': {
            const text = action.topic === '' ? shellHelp() : topicHelp(action.topic);
            print(text ?? `Unknown command: ${action.topic}`);
            break;
          }
          case 'set':
            config = action.config;
            break;
          case 'error':
            print(action.message);
            break;
          case 'report':
            try {
              if (isPicture(action.command.kind)) {
                const out = { stdout: io.stdout, stderr: io.stderr, env: process.env };
                await writePicture(action.command.kind, sources, action.config, out);
                break;
              }
              const report = generateReport(
                profile,
                toReportOptions(action.command, action.config, sources, true),
              );
              for (const warning of report.warnings) print(warning);
              const text = compactLabels(report.text, action.command.kind);
              emit(text, action.config.output, io.stdout, io.stderr);
            } catch (error) {
              print(error instanceof Error ? error.message : String(error));
            }
            break;
        }
        if (quit) break;
      }
      if (quit) break;
    }
  } finally {
    if (io.terminal) saveHistory(io.historyFile, rl);
    rl.close();
  }
}

/** Completes the first word with a command or option name, as pprof's completer does. */
function completer(line: string): [string[], string] {
  const words = [
    ...Object.keys(reportCommands),
    ...settings.flatMap((s) => [s.name, ...(s.choices ?? [])]),
    'help',
    'options',
    'quit',
  ];
  if (/\s/.test(line.trimStart())) return [[], line];
  const word = line.trimStart().toLowerCase();
  const hits = words
    .filter((w) => w.startsWith(word))
    .map((w) => (findSetting(w)?.name === w ? `${w}=` : w));
  return [hits.length > 0 ? hits.sort() : [], line];
}

function loadHistory(file: string | undefined): string[] {
  if (file === undefined) return [];
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .reverse()
      .slice(0, historySize);
  } catch {
    return [];
  }
}

function saveHistory(file: string | undefined, rl: Interface): void {
  if (file === undefined) return;
  const history = (rl as Interface & { history?: string[] }).history ?? [];
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join('\n')}\n`);
  } catch {
    // History is a convenience: a read-only home must not break the shell.
  }
}
