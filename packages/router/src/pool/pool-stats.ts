// Builds what poolStats() reports: each pool's counters and the router's sums, as plain JSON.
import type { PoolStat, PoolStats } from '../types.js';

const summed: readonly (keyof PoolStats['totals'])[] = [
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
  const totals = {} as Record<keyof PoolStats['totals'], number>;
  for (const key of summed) totals[key] = pools.reduce((total, pool) => total + pool[key], 0);
  return { poolSize: settings.poolSize, retentionGuard: settings.retentionGuard, pools, totals };
}
