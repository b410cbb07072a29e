// Parses `pnpm bench <name> [--runs N] [--key value | --key=value | --flag ...]`.

export interface BenchArgs {
  /** The benchmark's name; undefined when none was given. */
  name: string | undefined;
  /** Rounds. Default: 5. */
  runs: number;
  help: boolean;
  /** Every other `--key`: its value, or `'true'` for a bare flag. */
  args: Record<string, string>;
}

/** Reads argv (without node and the script); throws an Error whose message says what was wrong. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const words = argv.filter((word) => word !== '--');
  const args: Record<string, string> = {};
  let name: string | undefined;
  let help = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-h' || word === '--help') {
      help = true;
    } else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const key = word.slice(2, eq === -1 ? undefined : eq);
      if (key === '') throw new Error(`"${word}" is not an option`);
      const next = words[i + 1];
      if (eq !== -1) args[key] = word.slice(eq + 1);
      else if (next !== undefined && !next.startsWith('--')) {
        args[key] = next;
        i++;
      } else args[key] = 'true';
    } else if (name === undefined) {
      name = word;
    } else {
      throw new Error(`unexpected argument "${word}"`);
    }
  }
  const runsText = args.runs ?? '5';
  delete args.runs;
  const runs = Number(runsText);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a positive integer, got "${runsText}"`);
  }
  return { name, runs, help, args };
}

/** A bench's `--key N` option as a positive integer, or `fallback` when absent. */
export function positiveArg(
  args: Readonly<Record<string, string>>,
  key: string,
  fallback: number,
): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${key} must be a positive integer, got "${raw}"`);
  }
  return value;
}
