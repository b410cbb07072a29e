// The report of a soak: everything report.json holds and the other writers draw from.
import type { Grower } from './growers.js';
import type { LoadSummary } from './load.js';
import type { Sample } from './samples.js';
import type { Retained, Trend } from './verdict.js';

/** The run's parameters, as reported. */
export interface ReportParameters {
  readonly durationMs: number;
  readonly intervalMs: number;
  readonly connections: number;
  /** Requests per second cap; 0 for none. */
  readonly rate: number;
  readonly warmup: number;
  readonly drainMs: number;
  readonly maxGrowth: number;
  readonly maxRetained: number;
  readonly maxErrorRate: number;
  readonly alpha: number;
  readonly routes: readonly { name: string; method: string; path: string; weight: number }[];
}

/** report.json. Sizes in bytes, times in seconds since the load started unless named otherwise. */
export interface SoakReport {
  readonly tool: 'pugo-soak';
  /** The run's name (the scenario), if any. */
  readonly name?: string;
  /** `pass` (exit 0), `leak` (exit 1) or `error` (exit 2: the harness failed). */
  readonly verdict: 'pass' | 'leak' | 'error';
  readonly exitCode: 0 | 1 | 2;
  /** One sentence per finding. */
  readonly reasons: readonly string[];
  /** Set when the verdict is `error`. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly target: {
    readonly cmd?: string;
    readonly url: string;
    readonly pprof: string;
    readonly pid?: number;
  };
  readonly parameters: ReportParameters;
  readonly load?: LoadSummary;
  readonly trends: readonly Trend[];
  readonly retained?: Retained;
  /** Where the trend starts and the drain starts, for the charts. */
  readonly marks: { readonly warmupEnd: number; readonly drainStart: number };
  readonly samples: readonly Sample[];
  /** Top growing allocation sites, final heap profile minus the baseline. */
  readonly growers: readonly Grower[];
}
