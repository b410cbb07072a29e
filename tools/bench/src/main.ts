// Entry of `pnpm bench <name>`: finds the benchmark in src/benches/, runs it, prints and saves the result.
import { readdirSync } from 'node:fs';
import { type Bench, formatResult, runBench, saveResult } from './bench.js';
import { type BenchArgs, parseBenchArgs } from './bench-args.js';

const benchesDir = new URL('./benches/', import.meta.url);
const available = readdirSync(benchesDir)
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .map((file) => file.slice(0, -3))
  .sort();

function usage(): string {
  return [
    'usage: pnpm bench <name> [--runs N] [--key value ...]',
    '',
    `benchmarks: ${available.join(', ') || '(none yet)'}`,
    '',
    'examples:',
    '  pnpm bench router',
    '  pnpm bench storage --runs 7',
    '  pnpm bench pprof --duration 3',
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`pnpm bench: ${message}\n\n${usage()}\n`);
  process.exit(2);
}

let parsed: BenchArgs;
try {
  parsed = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  fail((error as Error).message);
}
if (parsed.help) {
  process.stdout.write(`${usage()}\n`);
  process.exit(0);
}
const { name, runs, args } = parsed;
if (name === undefined) fail('name a benchmark');
if (!available.includes(name)) fail(`unknown benchmark "${name}"`);

const bench = ((await import(new URL(`${name}.ts`, benchesDir).href)) as { default: Bench })
  .default;
let result: Awaited<ReturnType<typeof runBench>>;
try {
  result = await runBench(name, bench, { runs, args });
} catch (error) {
  // A bad bench option or a subject that could not run: one line, no stack (PUGO_DEBUG=1 shows it).
  if (process.env.PUGO_DEBUG === '1') throw error;
  process.stderr.write(`pnpm bench ${name}: ${(error as Error).message}\n`);
  process.exit(2);
}
process.stdout.write(`${formatResult(bench, result)}\n`);
process.stderr.write(`saved ${saveResult(result)}\n`);
