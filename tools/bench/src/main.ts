// Entry of `pnpm bench <name>`: runs a bench of src/benches/, or hands a bench another workspace
// package declares (the blog's) to that package's own `bench` script.
import { readdirSync } from 'node:fs';
import type { Bench } from './bench.js';
import { runBenchCli } from './bench-cli.js';
import { runDeclaredBench, workspaceBenches } from './workspace-benches.js';

const benchesDir = new URL('./benches/', import.meta.url);
/** Every `src/benches/<name>.ts` but the `_`-prefixed templates, imported only when chosen. */
const benches = Object.fromEntries(
  readdirSync(benchesDir)
    .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
    .map((file) => [
      file.slice(0, -3),
      async () => ((await import(new URL(file, benchesDir).href)) as { default: Bench }).default,
    ]),
);

process.exitCode = await runBenchCli(process.argv.slice(2), {
  benches,
  async delegate(name, argv) {
    const declared = (await workspaceBenches()).get(name);
    return declared === undefined ? undefined : runDeclaredBench(declared, argv);
  },
  otherNames: async () => [...(await workspaceBenches()).keys()],
  examples: ['pnpm bench router', 'pnpm bench storage --runs 7', 'pnpm bench pprof --duration 3'],
});
