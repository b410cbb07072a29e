// `pnpm --filter @pugo/blog seed --posts 10000`: bulk sample posts for load tests and benchmarks.
import { openStorage, seedSampleContent } from '@pugo/storage';
import { loadConfig } from './config.js';
import { renderContent } from './content/index.js';
import { BlogError } from './errors.js';
import { parseSeedArgs, SEED_HELP, type SeedArgs } from './seed/seed-args.js';

async function main(): Promise<void> {
  let args: SeedArgs;
  let db: string;
  try {
    args = parseSeedArgs(process.argv.slice(2));
    db = args.db ?? loadConfig().db;
  } catch (error) {
    if (!(error instanceof BlogError)) throw error;
    process.stderr.write(`pugo seed: ${error.message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(SEED_HELP);
    return;
  }
  const storage = await openStorage({ url: db });
  try {
    const existing = await storage.posts.count();
    const started = Date.now();
    process.stderr.write(`pugo seed: adding ${args.posts} posts to ${storage.path ?? db}…\n`);
    const result = await seedSampleContent(storage, {
      posts: args.posts,
      commentsPerPost: args.commentsPerPost,
      seed: args.seed,
      render: (source) => renderContent(source),
      // Seeding a database twice must not collide on slugs.
      slugPrefix: existing > 0 ? `s${Date.now().toString(36)}-` : '',
    });
    process.stdout.write(
      `seeded ${result.posts} posts, ${result.comments} comments, ${result.tags} tags in ${((Date.now() - started) / 1000).toFixed(1)} s (${storage.path ?? db})\n`,
    );
  } finally {
    await storage.close();
  }
}

await main();
