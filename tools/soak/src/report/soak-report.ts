// The report of a soak: everything report.json holds and the other writers draw from.
import type { Grower } from '../verdict/growers.js';
import type { Sample } from '../verdict/samples.js';
import type { Retained, Trend } from '../verdict/verdict.js';

/** Per-route counts. */
export interface RouteStats {
  readonly name: string;
  requests: number;
  /** Answers with a status the route does not expect (default: 400 and above). */
  failed: number;
  statuses: Record<string, number>;
}

/** What the load did. */
export interface LoadSummary {
  /** Answers received. */
  readonly requests: number;
  readonly durationSeconds: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles of every answer, in milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Connection errors and timeouts. */
  readonly connectionErrors: number;
  /** Answers with an unexpected status. */
  readonly failed: number;
  /** (connection errors + failed) / (answers + connection errors). */
  readonly errorRate: number;
  readonly routes: readonly RouteStats[];
}

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

/** The outcome of a soak: the report and the two heap profiles (gzipped profile.proto). */
export interface SoakRun {
  readonly report: SoakReport;
  readonly heapBaseline: Uint8Array | undefined;
  readonly heapFinal: Uint8Array | undefined;
}
