// Arguments of the seed command: parsed strictly, every mistake one line (PUGO_ERR_BLOG_USAGE).
import { ArgsError, parseCommandLine } from '../cli/cli-args.js';
import { blogError } from '../errors.js';

export const SEED_HELP = `Usage: pnpm --filter @pugo/blog seed [--posts N] [--comments-per-post N] [--seed N] [--db PATH]

Adds N published sample posts (markdown with code, tags, <!--more--> excerpts, nested comments)
rendered by the blog's own pipeline. Seeding twice adds more posts; nothing is deleted.

Options:
  --posts N              posts to add, 1 to 1,000,000 (default 100)
  --comments-per-post N  average comments per post, 0 to 100 (default 3)
  --seed N               pseudo-random seed: the same seed gives the same content (default 1)
  --db PATH              SQLite file (default: PUGO_DB, else ./data/pugo.db)

Examples:
  pnpm --filter @pugo/blog seed --posts 10000
  PUGO_DB=/tmp/bench.db pnpm --filter @pugo/blog seed --posts 500 --comments-per-post 0
`;

/** Parsed arguments. */
export interface SeedArgs {
  readonly posts: number;
  readonly commentsPerPost: number;
  readonly seed: number;
  readonly db: string | undefined;
  readonly help: boolean;
}

const INTS = {
  posts: { flag: '--posts', min: 1, max: 1_000_000, fallback: 100 },
  'comments-per-post': { flag: '--comments-per-post', min: 0, max: 100, fallback: 3 },
  seed: { flag: '--seed', min: 0, max: 2 ** 31, fallback: 1 },
} as const;

/** Parses argv; throws PUGO_ERR_BLOG_USAGE for anything it does not understand. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values: Partial<Record<keyof typeof INTS | 'db', string>> & { help?: boolean };
  try {
    ({ values } = parseCommandLine({
      // pnpm may pass a `--` before the options: skip it rather than end the options there.
      args: argv.filter((arg) => arg !== '--'),
      options: {
        posts: { type: 'string' },
        'comments-per-post': { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    throw usage(problemMessage(error));
  }
  if (values.db === '') throw usage('--db needs a path');
  return {
    posts: int(values, 'posts'),
    commentsPerPost: int(values, 'comments-per-post'),
    seed: int(values, 'seed'),
    db: values.db,
    help: values.help === true,
  };
}

function problemMessage(error: ArgsError): string {
  if (error.problem === 'unknown-option' || error.problem === 'unexpected-argument')
    return `unknown option ${JSON.stringify(error.arg)}`;
  if (error.problem === 'unexpected-value') return `${error.arg} takes no value`;
  if (error.arg === '--db') return '--db needs a path';
  const spec = Object.values(INTS).find((s) => s.flag === error.arg);
  return spec ? rangeMessage(spec, '') : `${error.arg} needs a value`;
}

function int(values: Partial<Record<keyof typeof INTS, string>>, name: keyof typeof INTS): number {
  const spec = INTS[name];
  const value = values[name];
  if (value === undefined) return spec.fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < spec.min || n > spec.max) throw usage(rangeMessage(spec, value));
  return n;
}

function rangeMessage(spec: { flag: string; min: number; max: number }, got: string): string {
  return `${spec.flag} needs a whole number from ${spec.min} to ${spec.max}, got ${JSON.stringify(got)}`;
}

function usage(message: string) {
  return blogError('PUGO_ERR_BLOG_USAGE', { message });
}
