// runSoak: start (or reach) the target, then its phases in order — setup, baseline, load, drain, final — and the report.
import { type ResolvedSoakOptions, resolveOptions, type SoakOptions } from '../config/options.js';
import type { SoakRun } from '../report/soak-report.js';
import type { StatusLine } from '../report/status-line.js';
import { buildReport } from './build-report.js';
import { runLoadPhase } from './load-phase.js';
import { drain, findPprof, setUp, takeBaseline, takeFinal } from './phases.js';
import { startTarget, type Target, waitUntilReady } from './target.js';
import { SoakWatch } from './watch.js';

/** How a soak reports progress and can be stopped. */
export interface SoakHooks {
  /** Live status (stderr in the CLI). Default: silent. */
  readonly status?: StatusLine;
  /** Aborting stops the load and the target; the soak rejects with PUGO_ERR_SOAK_INTERRUPTED. */
  readonly signal?: AbortSignal;
}

const silent: StatusLine = { update() {}, log() {}, done() {} };

/**
 * Runs one soak. Rejects with a SoakError when no verdict can be reached (the target did not start
 * or died, no metrics endpoint); resolves with a report whose verdict is `pass`, `leak`, or `error`
 * (the load's error rate passed the limit, too few samples: the data is kept for the report).
 */
export async function runSoak(options: SoakOptions, hooks: SoakHooks = {}): Promise<SoakRun> {
  const o = resolveOptions(options);
  const status = hooks.status ?? silent;
  const startedAt = new Date().toISOString();
  const watch = new SoakWatch(hooks.signal);
  let target: Target | undefined;
  try {
    if (o.cmd !== undefined) {
      status.log(`pugo-soak: starting ${o.cmd}`);
      target = await startTarget({ cmd: o.cmd, cwd: o.cwd, env: o.env });
      watch.watchTarget(target);
    }
    const started = target;
    return await watch.blamingTheTarget(() => soak(o, started, { watch, status, startedAt }));
  } finally {
    status.done();
    await target?.stop();
  }
}

/** The phases, once the target is started (or given by URL). */
async function soak(
  o: ResolvedSoakOptions,
  target: Target | undefined,
  run: { watch: SoakWatch; status: StatusLine; startedAt: string },
): Promise<SoakRun> {
  const { watch, status } = run;
  const url = target?.url ?? o.url!;
  await watch.guard(waitUntilReady(`${url}${o.ready}`, o.readyTimeoutMs, target));
  const pprof = await findPprof(o, url, target, watch);
  const ctx = { o, url, pprof, watch, status };
  const routes = await setUp(ctx);
  const baseline = await takeBaseline(ctx);
  const { summary, samples, since, warmupEnd } = await runLoadPhase(ctx, routes, baseline);
  const drainStart = await drain(ctx, samples, summary.requests, since);
  const final = await takeFinal(ctx, samples, summary.requests, since);
  watch.phase = 'verdict';
  const report = buildReport({
    o,
    startedAt: run.startedAt,
    target: {
      ...(o.cmd !== undefined ? { cmd: o.cmd } : {}),
      url,
      pprof,
      ...(target?.pid !== undefined ? { pid: target.pid } : {}),
    },
    summary,
    samples,
    marks: { warmupEnd, drainStart },
    heapBaseline: baseline.heap,
    heapFinal: final,
  });
  return { report, heapBaseline: baseline.heap.data, heapFinal: final.data };
}
