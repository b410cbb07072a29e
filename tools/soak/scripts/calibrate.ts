// Calibration: N soaks per scenario of a config, tabulated (detections, false verdicts, time to verdict).
// Usage: tsx --conditions=@pugo/source scripts/calibrate.ts --config FILE [--runs 10]
//          [--clean clean,bounded-cache] [--leaks tango-pool,cache] [-- extra pugo-soak flags]
import { parseArgs } from 'node:util';
import type { SoakReport } from '../src/report.js';
import { run } from '../src/run.js';
import { median } from '../src/stats.js';
import { formatBytes } from '../src/units.js';
import { computeTrends, minSamples } from '../src/verdict.js';

const dash = process.argv.indexOf('--');
const own = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const extra = dash < 0 ? [] : process.argv.slice(dash + 1);
const { values } = parseArgs({
  args: own,
  options: {
    config: { type: 'string' },
    runs: { type: 'string', default: '10' },
    clean: { type: 'string', default: 'clean' },
    leaks: { type: 'string', default: '' },
  },
});
if (values.config === undefined) {
  process.stderr.write('calibrate: --config is required\n');
  process.exit(2);
}
const runs = Number(values.runs);
const list = (s: string) => s.split(',').filter((x) => x !== '');
const plan = [
  ...list(values.clean).map((name) => ({ name, leak: false })),
  ...list(values.leaks).map((name) => ({ name, leak: true })),
];

/** Seconds from the load's start to the sample from which the running trend verdict stays LEAK. */
function timeToVerdict(report: SoakReport): number | undefined {
  if (report.verdict !== 'leak') return undefined;
  const load = report.samples.filter((s) => s.phase === 'load');
  const p = report.parameters;
  const need = minSamples(p.alpha);
  let since: number | undefined;
  for (let k = need; k <= load.length; k++) {
    const prefix = load.slice(0, k);
    const last = prefix.at(-1)!;
    const leak = computeTrends(prefix, last.requests / Math.max(last.t, 0.001), p).some(
      (t) => t.leak,
    );
    if (leak) since ??= last.t;
    else since = undefined;
  }
  return since ?? report.samples.at(-1)?.t;
}

const rows: string[][] = [];
for (const { name, leak } of plan) {
  const reports: SoakReport[] = [];
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const out: string[] = [];
    const scenario = name === 'clean' ? [] : ['--scenario', name];
    const code = await run(
      ['--config', values.config, ...scenario, '--json', '--no-report', ...extra],
      {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: () => true },
      },
    );
    process.stderr.write(`${name} #${i + 1}: exit ${code}\n`);
    if (code === 2) failed++;
    else reports.push(JSON.parse(out.join('')) as SoakReport);
  }
  const detected = reports.filter((r) => r.verdict === 'leak').length;
  const times = reports.map(timeToVerdict).filter((t): t is number => t !== undefined);
  const slope = median(
    reports.map((r) => r.trends.find((t) => t.metric === 'heapUsed')?.bytesPerRequest ?? 0),
  );
  const retained = median(reports.map((r) => r.retained?.total ?? 0));
  rows.push([
    name,
    leak ? 'leak' : 'pass',
    String(runs),
    String(detected),
    leak ? `${reports.length - detected} missed` : `${detected} false positive(s)`,
    String(failed),
    times.length ? `${median(times).toFixed(0)}s` : '-',
    `${formatBytes(slope, true)}/req`,
    formatBytes(retained, true),
  ]);
}
const header = [
  'scenario',
  'expected',
  'runs',
  'LEAK',
  'wrong',
  'exit 2',
  'median time to verdict',
  'median heap slope',
  'median retained',
];
process.stdout.write(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`);
for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
