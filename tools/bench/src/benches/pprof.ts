// `pnpm bench pprof`: what @pugo/pprof costs a JSON route: heap sampling off, on (512 KiB), and on
// while a CPU profile runs. Servers run in child processes; autocannon drives them from another.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Bench, Subject, SubjectResult } from '../bench.js';
import { positiveArg } from '../bench-args.js';
import { type ChildServer, startChild } from '../child.js';
import { cpuSeconds } from '../cpu-time.js';
import { runLoad } from '../load.js';
import { median } from '../stats.js';

const serverScript = fileURLToPath(new URL('../pprof/server.ts', import.meta.url));
const abScript = fileURLToPath(new URL('../pprof/sampler-ab.ts', import.meta.url));
const run = promisify(execFile);

function subject(
  name: string,
  mode: 'off' | 'on',
  duration: number,
  connections: number,
  withCpuProfile: boolean,
): Subject {
  let child: ChildServer | undefined;
  return {
    name,
    async setup() {
      child = await startChild(serverScript, { args: [mode] });
      // Warm up the JIT before the first measured round.
      await runLoad({ url: `${child.url}/posts`, durationSeconds: 2, connections });
    },
    async measure() {
      const url = child!.url;
      // The profile covers the whole load window: one second longer, started just before.
      const profile = withCpuProfile
        ? fetch(`${url}/debug/pprof/profile?seconds=${duration + 1}`).then(async (r) => {
            await r.arrayBuffer();
            if (r.status !== 200) throw new Error(`CPU profile answered ${r.status}`);
          })
        : Promise.resolve();
      const cpuBefore = cpuSeconds(child!.pid);
      const load = await runLoad({ url: `${url}/posts`, durationSeconds: duration, connections });
      const cpuUsed = cpuSeconds(child!.pid) - cpuBefore;
      await profile;
      if (load.non2xx > 0 || load.errors > 0) {
        throw new Error(`${name}: ${load.non2xx} non-2xx answers and ${load.errors} errors`);
      }
      return {
        requestsPerSecond: load.requestsPerSecond,
        serverCpuUsPerRequest: Math.round((cpuUsed * 1e6) / load.requests),
        p99Ms: load.p99Ms,
      };
    },
    async teardown() {
      await child?.stop();
    },
  };
}

/**
 * The route's work in one process with @pugo/pprof toggled off and on in short alternating slices
 * (src/pprof/sampler-ab.ts): both sides see the same machine load, so small costs show.
 */
const inProcess: Subject = {
  name: 'in-process A/B, pprof on / off',
  async measure() {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', abScript, '10', '2000']);
    return { cpuRatioOnOff: (JSON.parse(stdout) as { ratio: number }).ratio };
  },
};

/**
 * Median of per-round ratios `subject / baseline` for `metric`. Subjects alternate within a round,
 * so a round's pair saw similar machine load; this resists the swings of a shared machine better
 * than a ratio of medians.
 */
function pairedRatio(
  subject: SubjectResult | undefined,
  baseline: SubjectResult | undefined,
  metric: string,
): number {
  const a = subject?.samples[metric] ?? [];
  const b = baseline?.samples[metric] ?? [];
  return median(a.map((value, i) => value / (b[i] ?? Number.NaN)).filter(Number.isFinite));
}

const bench: Bench = {
  description:
    '@pugo/pprof: a JSON route with heap sampling off, on (512 KiB), and during a CPU profile',
  metrics: {
    requestsPerSecond: { unit: 'req/s', higherIsBetter: true },
    serverCpuUsPerRequest: { unit: 'µs CPU/req', higherIsBetter: false },
    p99Ms: { unit: 'ms', higherIsBetter: false },
    cpuRatioOnOff: { unit: 'CPU on/off', higherIsBetter: false },
  },
  subjects: ({ args }) => {
    const duration = positiveArg(args, 'duration', 5);
    const connections = positiveArg(args, 'connections', 50);
    return [
      subject('heap sampling off (no plugin)', 'off', duration, connections, false),
      subject('heap sampling on (512 KiB)', 'on', duration, connections, false),
      subject('sampling on + CPU profile running', 'on', duration, connections, true),
      inProcess,
    ];
  },
  notes: (result) => {
    const [off, on, cpu, ab] = result.subjects;
    const cost = (subject: SubjectResult | undefined, metric: string, sign: 1 | -1) =>
      `${(sign * (pairedRatio(subject, off, metric) - 1) * 100).toFixed(1)}%`;
    return [
      'Paired cost (median over rounds of subject / "off" measured in the same round):',
      `  heap sampling: ${cost(on, 'serverCpuUsPerRequest', 1)} more server CPU per request, ${cost(on, 'requestsPerSecond', -1)} fewer requests/s (target: at most 3%)`,
      `  sampling + CPU profile: ${cost(cpu, 'serverCpuUsPerRequest', 1)} more server CPU per request, ${cost(cpu, 'requestsPerSecond', -1)} fewer requests/s`,
      `In-process A/B (route work only, pprof toggled every slice): ${(((ab?.medians.cpuRatioOnOff ?? Number.NaN) - 1) * 100).toFixed(1)}% more CPU with pprof on; an A/A run of the same method spreads about ±3.5% here.`,
      'Options: --duration=<seconds per measurement> (default 5), --connections=<n> (default 50).',
      'Noisy on a shared 2-core machine: compare ratios within one run, not across runs.',
    ];
  },
};
export default bench;
