// Entry of `pnpm bench <name>`: finds the benchmark in src/benches/, runs it, prints and saves the result.
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Bench, formatResult, runBench, saveResult } from './bench.js';

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
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`pnpm bench: ${message}\n\n${usage()}\n`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { runs: { type: 'string', default: '5' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
  strict: false,
});
if (values.help) {
  process.stdout.write(`${usage()}\n`);
  process.exit(0);
}
const [name, ...rest] = positionals;
if (name === undefined) fail('name a benchmark');
if (!available.includes(name)) fail(`unknown benchmark "${name}"`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  fail(`--runs must be a positive integer, got "${values.runs}"`);

// Unknown `--key value` pairs are the bench's own arguments.
const args: Record<string, string> = {};
for (const [key, value] of Object.entries(values)) {
  if (key !== 'runs' && key !== 'help') args[key] = String(value);
}
if (rest.length > 0) args._ = rest.join(' ');

const bench = ((await import(new URL(`${name}.ts`, benchesDir).href)) as { default: Bench })
  .default;
const result = await runBench(name, bench, { runs, args });
process.stdout.write(`${formatResult(bench, result)}\n`);
process.stderr.write(`saved ${saveResult(result)}\n`);
