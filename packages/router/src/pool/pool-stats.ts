// What poolStats() reports: one pool's counters and the router's sums, as plain JSON.

/** One pool's counters, as `poolStats()` reports them (plain JSON). */
export interface PoolStat {
  /** The route, e.g. `GET /posts/:id`. */
  readonly route: string;
  /** The controller class name. */
  readonly controller: string;
  /** The method called on it, e.g. `get` or `reply` (`*` for `any` routes: the request's verb). */
  readonly action: string;
  /** Most idle instances kept. */
  readonly poolSize: number;
  /** Instances constructed to serve requests (the pristine reference is not counted). */
  readonly created: number;
  /** Requests served by an instance taken from the pool. */
  readonly reused: number;
  /** Instances waiting in the pool now. */
  readonly idle: number;
  /** Instances serving a request now. */
  readonly inUse: number;
  /** Most instances in use at once so far. */
  readonly highWater: number;
  /** Released instances not kept: the pool was full, pooling is off, or they retained data. */
  readonly dropped: number;
  /** Released instances the retention guard found still holding request data. */
  readonly retentionWarnings: number;
}

/** The counters `totals` sums over every pool. */
type SummedCounter = 'created' | 'reused' | 'idle' | 'inUse' | 'dropped' | 'retentionWarnings';

/** `poolStats()`: every controller route's pool, plus totals. Plain JSON. */
export interface PoolStats {
  /** The configured `poolSize`. */
  readonly poolSize: number;
  /** Whether the retention guard runs. */
  readonly retentionGuard: boolean;
  /** One entry per controller route, in registration order. */
  readonly pools: PoolStat[];
  /** Sums over `pools`. */
  readonly totals: { readonly [K in SummedCounter]: number };
}

const summed: readonly SummedCounter[] = [
  'created',
  'reused',
  'idle',
  'inUse',
  'dropped',
  'retentionWarnings',
];

/** Builds the report from each pool's counters and the router's settings. */
export function summarizePools(
  pools: PoolStat[],
  settings: { readonly poolSize: number; readonly retentionGuard: boolean },
): PoolStats {
  const totals = {} as Record<SummedCounter, number>;
  for (const key of summed) totals[key] = pools.reduce((total, pool) => total + pool[key], 0);
  return { poolSize: settings.poolSize, retentionGuard: settings.retentionGuard, pools, totals };
}
