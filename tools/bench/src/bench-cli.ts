// The `pnpm bench` command line, for every package with benches: parse, pick, run, print, save.
import { type Bench, formatResult, RESULTS_DIR, runBench, saveResult } from './bench.js';
import { type BenchArgs, parseBenchArgs } from './bench-args.js';

/** Where {@link runBenchCli} writes. */
export interface BenchCliIo {
  /** The result table. */
  out(text: string): void;
  /** Usage, progress and errors. */
  err(text: string): void;
}

export interface BenchCliOptions {
  /** This package's benches by name, each imported only when it is the one asked for. */
  readonly benches: Readonly<Record<string, () => Promise<Bench>>>;
  /**
   * Runs a bench this package does not have (another workspace package's) and resolves to its
   * exit code, or to undefined when nobody has it. Default: none, so an unknown name is exit 2.
   */
  readonly delegate?: (name: string, argv: readonly string[]) => Promise<number | undefined>;
  /** Names of the benches `delegate` can run, for the usage text. Default: none */
  readonly otherNames?: () => Promise<readonly string[]>;
  /** Command lines the usage text shows. Default: `pnpm bench <name>` for each bench */
  readonly examples?: readonly string[];
  /** Where results are saved. Default: tools/bench/results/ */
  readonly resultsDir?: string;
  /** Default: process.stdout and process.stderr */
  readonly io?: BenchCliIo;
}

const processIo: BenchCliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs `pnpm bench <name> [--runs N] [--key value …]` for `argv` (the words after the script) and
 * resolves to the exit code: 0 when the bench ran (or for --help), 2 for bad usage, an unknown
 * bench or a bench that could not run (one line, no stack; PUGO_DEBUG=1 throws instead).
 */
export async function runBenchCli(
  argv: readonly string[],
  options: BenchCliOptions,
): Promise<number> {
  const io = options.io ?? processIo;
  const usage = async () =>
    usageText(
      [...Object.keys(options.benches), ...((await options.otherNames?.()) ?? [])],
      options.examples ?? Object.keys(options.benches).map((name) => `pnpm bench ${name}`),
    );
  const fail = async (message: string) => {
    io.err(`pnpm bench: ${message}\n\n${await usage()}\n`);
    return 2;
  };

  let parsed: BenchArgs;
  try {
    parsed = parseBenchArgs(argv);
  } catch (error) {
    return fail((error as Error).message);
  }
  const { name, runs, args, help } = parsed;
  const load = name === undefined ? undefined : options.benches[name];
  if (name !== undefined && load === undefined) {
    const code = await options.delegate?.(name, argv);
    return code ?? fail(`unknown benchmark "${name}"`);
  }
  if (help) {
    const about = load === undefined ? '' : `\n${name}: ${(await load()).description}\n`;
    io.out(`${await usage()}\n${about}`);
    return 0;
  }
  if (name === undefined || load === undefined) return fail('name a benchmark');

  const bench = await load();
  let result: Awaited<ReturnType<typeof runBench>>;
  try {
    result = await runBench(name, bench, { runs, args });
  } catch (error) {
    if (process.env.PUGO_DEBUG === '1') throw error;
    io.err(`pnpm bench ${name}: ${(error as Error).message}\n`);
    return 2;
  }
  io.out(`${formatResult(bench, result)}\n`);
  io.err(`saved ${saveResult(result, options.resultsDir ?? RESULTS_DIR)}\n`);
  return 0;
}

/** The usage text, listing the bench `names` and `examples`. */
export function usageText(names: readonly string[], examples: readonly string[]): string {
  const sorted = [...new Set(names)].sort();
  return [
    'usage: pnpm bench <name> [--runs N] [--key value ...]',
    '',
    `benchmarks: ${sorted.join(', ') || '(none yet)'}`,
    '',
    'examples:',
    ...examples.map((example) => `  ${example}`),
  ].join('\n');
}
