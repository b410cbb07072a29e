// Small statistics for benchmark samples: medians and ratios, nothing that needs a library.

/** The median of `values`; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `value / baseline`, rounded to three decimals (NaN when the baseline is 0). */
export function ratio(value: number, baseline: number): number {
  if (baseline === 0) return Number.NaN;
  return Math.round((value / baseline) * 1000) / 1000;
}
