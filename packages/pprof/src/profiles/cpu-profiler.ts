// CPU profiles from @datadog/pprof's time profiler with CPU time collected, one at a time per process.
import { setTimeout as sleep } from 'node:timers/promises';
import { type SourceMapper, time } from '@datadog/pprof';
import { pprofError } from '../errors.js';
import type { ProfileData } from './profile-data.js';

/** Sampling interval: 100 Hz, Go's default CPU profiling rate. */
export const cpuIntervalMicros = 10_000;

let busy = false;

/**
 * Profiles the process for `seconds` and returns the profile (samples, wall and cpu nanoseconds),
 * or undefined when `signal` aborted it (the client went away). A second call while one runs, or
 * while something else in the process drives the time profiler, is a PUGO_ERR_PPROF_PROFILE_RUNNING.
 */
export async function takeCpuProfile(options: {
  seconds: number;
  signal: AbortSignal;
  sourceMapper?: SourceMapper;
}): Promise<ProfileData | undefined> {
  if (busy || time.isStarted()) throw pprofError('PUGO_ERR_PPROF_PROFILE_RUNNING');
  busy = true;
  try {
    time.start({
      intervalMicros: cpuIntervalMicros,
      durationMillis: options.seconds * 1000,
      withContexts: true,
      collectCpuTime: true,
      ...(options.sourceMapper ? { sourceMapper: options.sourceMapper } : {}),
    });
    try {
      await sleep(options.seconds * 1000, undefined, { signal: options.signal });
    } catch {
      time.stop();
      return undefined;
    }
    return time.stop();
  } finally {
    busy = false;
  }
}
