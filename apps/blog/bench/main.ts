// Entry of the blog's `bench` script (`pnpm bench blog` from the root is handed here): runs
// bench/blog-bench.ts with @pugo/bench's harness, which prints the table and saves the JSON.
import { runBenchCli } from '@pugo/bench';

process.exitCode = await runBenchCli(process.argv.slice(2), {
  benches: { blog: async () => (await import('./blog-bench.js')).default },
  examples: ['pnpm bench blog', 'pnpm bench blog --runs 3 --duration 5'],
});
