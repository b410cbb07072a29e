// Arguments of the seed command: parsed strictly, every mistake one line (PUGO_ERR_BLOG_USAGE).
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

/** Parses argv; throws PUGO_ERR_BLOG_USAGE for anything it does not understand. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const out = {
    posts: 100,
    commentsPerPost: 3,
    seed: 1,
    db: undefined as string | undefined,
    help: false,
  };
  const ints = {
    '--posts': ['posts', 1, 1_000_000],
    '--comments-per-post': ['commentsPerPost', 0, 100],
    '--seed': ['seed', 0, 2 ** 31],
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? (arg.split(/=(.*)/s, 2) as [string, string])
      : [arg, undefined];
    const value = inline ?? argv[++i];
    if (flag === '--db') {
      if (!value) throw blogError('PUGO_ERR_BLOG_USAGE', { message: '--db needs a path' });
      out.db = value;
      continue;
    }
    const spec = ints[flag as keyof typeof ints];
    if (!spec) throw blogError('PUGO_ERR_BLOG_USAGE', { message: `unknown option "${arg}"` });
    const [key, min, max] = spec;
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw blogError('PUGO_ERR_BLOG_USAGE', {
        message: `${flag} needs a whole number from ${min} to ${max}, got ${JSON.stringify(value ?? '')}`,
      });
    }
    out[key] = Number(value);
  }
  return out;
}
