// node:util.parseArgs in strict mode for the blog's small CLIs, its refusals turned into what and which argument.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Why parseArgs refused a command line. */
export type ArgsProblem =
  | 'unknown-option'
  | 'missing-value'
  | 'unexpected-value'
  | 'unexpected-argument';

/** A command line parseArgs refused: each CLI words it as its one line on stderr. */
export class ArgsError extends Error {
  override readonly name = 'ArgsError';
  constructor(
    readonly problem: ArgsProblem,
    /** The argument at fault as typed: `--bogus`, `--name`, `-x` or a stray positional. */
    readonly arg: string,
    message: string,
  ) {
    super(message);
  }
}

const PROBLEMS: Readonly<Record<string, ArgsProblem>> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'unknown-option',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'unexpected-argument',
};

/** `parseArgs(config)`, strict (its default); throws an ArgsError for a command line it refuses. */
export function parseCommandLine<const T extends ParseArgsConfig & { strict?: true }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw toArgsError(error);
  }
}

function toArgsError(error: unknown): unknown {
  const { code, message = '' } = error as { code?: string; message?: string };
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return error;
  // Node names the argument in quotes: "Unknown option '--x'", "Option '-n, --name <value>' …".
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const arg = /--[^\s,<]+/.exec(quoted)?.[0] ?? quoted.split(/[\s,]/)[0] ?? '';
  const problem =
    PROBLEMS[code] ??
    (/does not take an argument/.test(message) ? 'unexpected-value' : 'missing-value');
  return new ArgsError(problem, arg, message.split('\n')[0] ?? message);
}
