// Parses `pnpm bench <name> [--runs N] [--key value | --key=value | --flag ...]` with node:util.
import { parseArgs } from 'node:util';

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
  // Each bench takes its own options, so only --runs and --help are declared; the tokens give the
  // rest. turbo and pnpm may pass a `--` before the arguments: skip it rather than end options there.
  const { tokens } = parseArgs({
    args: argv.filter((word) => word !== '--'),
    options: { help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const args: Record<string, string> = {};
  let name: string | undefined;
  let help = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'positional') {
      if (name !== undefined) throw new Error(`unexpected argument "${token.value}"`);
      name = token.value;
    } else if (token.kind === 'option') {
      if (!/^[a-z][\w-]*$/i.test(token.name))
        throw new Error(`"${token.rawName}" is not an option`);
      if (token.name === 'help') {
        help = true;
      } else if (token.value !== undefined) {
        args[token.name] = token.value;
      } else {
        // `--key value`: an undeclared option takes the next word when it is not an option.
        const next = tokens[i + 1];
        if (next?.kind === 'positional' && next.index === token.index + 1) {
          args[token.name] = next.value;
          i++;
        } else {
          args[token.name] = 'true';
        }
      }
    }
  }
  const runsText = args.runs ?? '5';
  delete args.runs;
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || !Number.isSafeInteger(runs) || runs < 1) {
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
