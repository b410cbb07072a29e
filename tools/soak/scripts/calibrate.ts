// Calibration: N soaks per scenario of a config, interleaved, each report kept, then tabulated
// (detections, false verdicts, time to verdict) with one line per run.
// Usage: tsx --conditions=@pugo/source scripts/calibrate.ts --config FILE [--runs 10]
//          [--clean clean,bounded-cache] [--leaks tango-pool,cache] [--out DIR] [-- pugo-soak flags]
//        tsx --conditions=@pugo/source scripts/calibrate.ts --from DIR [--clean …] [--leaks …]
// Rounds are interleaved (every scenario once, then again), so a change in the machine's load over
// the hours a calibration takes falls on all scenarios alike. Reports are saved as DIR/NAME-I.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../src/cli/run.js';
import type { SoakReport } from '../src/report/soak-report.js';
import { formatBytes } from '../src/units.js';
import { median } from '../src/verdict/stats.js';
import { computeTrends, minSamples } from '../src/verdict/verdict.js';

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
    out: { type: 'string', default: `calibration-${Date.now()}` },
    from: { type: 'string' },
    // A leak counts as named when one of the top three growers is in a file matching this, with
    // NAME replaced by the scenario (the blog keeps each injected leak in leaks/NAME.ts).
    culprit: { type: 'string', default: '/leaks/NAME\\.' },
  },
});
if (values.config === undefined && values.from === undefined) {
  process.stderr.write(
    'calibrate: --config (to run soaks) or --from DIR (to tabulate) is required\n',
  );
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`calibrate: --runs must be a positive integer, not ${values.runs}\n`);
  process.exit(2);
}
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

/** One soak of `name`; the report (or the harness failure) is saved as DIR/NAME-I.json. */
async function soakOnce(name: string, i: number, dir: string): Promise<void> {
  const out: string[] = [];
  const err: string[] = [];
  const scenario = name === 'clean' ? [] : ['--scenario', name];
  const code = await run(
    ['--config', values.config!, ...scenario, '--json', '--no-report', ...extra],
    {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    },
  );
  const file = join(dir, `${name}-${i}.json`);
  if (code === 2) {
    const why = err.join('').trim().split('\n').at(-1) ?? '';
    writeFileSync(file, `${JSON.stringify({ harnessFailure: why })}\n`);
  } else writeFileSync(file, out.join(''));
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${name} #${i}: exit ${code}\n`);
}

if (values.from === undefined) {
  mkdirSync(values.out, { recursive: true });
  for (let i = 1; i <= runs; i++) for (const { name } of plan) await soakOnce(name, i, values.out);
}
const dir = values.from ?? values.out;

type Saved = SoakReport | { harnessFailure: string };
const saved = (name: string): { file: string; value: Saved }[] =>
  readdirSync(dir)
    .filter((f) => new RegExp(`^${name}-\\d+\\.json$`).test(f))
    .sort((a, b) => Number(a.match(/(\d+)\.json$/)![1]) - Number(b.match(/(\d+)\.json$/)![1]))
    .map((f) => ({ file: f, value: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Saved }));

const rows: string[][] = [];
const lines: string[] = [];
for (const { name, leak } of plan) {
  const all = saved(name);
  const reports = all.map((s) => s.value).filter((v): v is SoakReport => !('harnessFailure' in v));
  const failed = all.length - reports.length;
  const detected = reports.filter((r) => r.verdict === 'leak').length;
  const culprit = new RegExp(values.culprit.replaceAll('NAME', name));
  const named = reports.filter(
    (r) => r.verdict === 'leak' && r.growers.slice(0, 3).some((g) => culprit.test(g.file ?? '')),
  ).length;
  const times = reports.map(timeToVerdict).filter((t): t is number => t !== undefined);
  const heap = (r: SoakReport) => r.trends.find((t) => t.metric === 'heapUsed');
  const slope = median(reports.map((r) => heap(r)?.bytesPerRequest ?? 0));
  const retained = median(reports.map((r) => r.retained?.total ?? 0));
  rows.push([
    name,
    leak ? 'leak' : 'pass',
    String(all.length),
    String(detected),
    leak ? `${reports.length - detected} missed` : `${detected} false positive(s)`,
    String(failed),
    leak ? `${named} of ${detected}` : '-',
    times.length ? `${median(times).toFixed(0)} s` : '-',
    `${formatBytes(slope, true)}/req`,
    formatBytes(retained, true),
  ]);
  for (const { file, value } of all) {
    if ('harnessFailure' in value) {
      lines.push(`- \`${file}\`: exit 2, ${value.harnessFailure}`);
      continue;
    }
    const t = heap(value);
    const ttv = timeToVerdict(value);
    const requests = value.samples.at(-1)?.requests ?? 0;
    const top = value.growers
      .slice(0, 3)
      .map((g) => g.function)
      .join(', ');
    lines.push(
      `- \`${file}\`: ${value.verdict.toUpperCase()}, heap slope ${t ? `${formatBytes(t.bytesPerRequest, true)}/req (p = ${t.mannKendall.p.toPrecision(2)})` : '-'}, retained ${formatBytes(value.retained?.total ?? 0, true)}, ${requests.toLocaleString('en-US')} requests${ttv === undefined ? '' : ` · verdict from ${ttv.toFixed(0)} s`} · top 3: ${top}`,
    );
  }
}
const header = [
  'scenario',
  'expected',
  'runs',
  'LEAK',
  'wrong',
  'exit 2',
  'code in top 3',
  'median time to verdict',
  'median heap slope',
  'median retained',
];
process.stdout.write(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`);
for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
process.stdout.write(`\nPer run (saved in ${dir}):\n\n${lines.join('\n')}\n`);
