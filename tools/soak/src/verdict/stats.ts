// The statistics of the verdict: Theil–Sen slope, Mann–Kendall trend test (ties-corrected), medians.
// Hand-written: no well-kept JS library has Theil–Sen or tie-corrected Mann–Kendall (tested on known values).

/** A robust straight line through points: the median of the pairwise slopes. */
export interface TheilSen {
  /** Median of (y[j] − y[i]) / (x[j] − x[i]) over every pair with x[i] ≠ x[j]. */
  readonly slope: number;
  /** Median of y[i] − slope·x[i]. */
  readonly intercept: number;
}

/** The Mann–Kendall test of a monotone trend in a series taken in order. */
export interface MannKendall {
  readonly n: number;
  /** S = Σ_{i<j} sign(y[j] − y[i]). */
  readonly s: number;
  /** Var(S) with the ties correction: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18. */
  readonly variance: number;
  /** The continuity-corrected normal score: (S − sign S) / √Var(S), 0 when S = 0. */
  readonly z: number;
  /** Two-sided p-value of "no trend" from the normal approximation. */
  readonly p: number;
  /** Kendall's tau: S / (n(n−1)/2). */
  readonly tau: number;
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Theil–Sen estimator of y against x. Resists outliers (up to ~29% of the points) where least
 * squares does not, which matters when one poll lands mid-burst. NaN slope with fewer than two
 * distinct x.
 */
export function theilSen(x: readonly number[], y: readonly number[]): TheilSen {
  if (x.length !== y.length) throw new RangeError('theilSen: x and y differ in length');
  const slopes: number[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = x[j]! - x[i]!;
      if (dx !== 0) slopes.push((y[j]! - y[i]!) / dx);
    }
  }
  const slope = median(slopes);
  if (Number.isNaN(slope)) return { slope, intercept: Number.NaN };
  return { slope, intercept: median(y.map((v, i) => v - slope * x[i]!)) };
}

/** Mann–Kendall test on `y` in the order given (here: by requests served). */
export function mannKendall(y: readonly number[]): MannKendall {
  const n = y.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(y[j]! - y[i]!);
  }
  const ties = new Map<number, number>();
  for (const v of y) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = s === 0 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  const p = variance <= 0 ? 1 : Math.min(1, 2 * normalSurvival(Math.abs(z)));
  const pairs = (n * (n - 1)) / 2;
  return { n, s, variance, z, p, tau: pairs === 0 ? 0 : s / pairs };
}

/** P(Z > z) for a standard normal Z, via erfc (relative error below 1.2e-7). */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes' erfcc, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
