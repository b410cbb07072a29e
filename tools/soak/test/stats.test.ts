// The statistics against values computed independently (Python's math.erfc, by hand for Theil–Sen).
import { describe, expect, it } from 'vitest';
import { mannKendall, median, normalSurvival, theilSen } from '../src/verdict/stats.js';

describe('theilSen', () => {
  it('is the median of pairwise slopes and the median residual', () => {
    // Slopes: 2, 0.5, 4/3, -1, 1, 3 → median (1 + 4/3) / 2; residuals → median 1/12.
    const fit = theilSen([1, 2, 3, 4], [1, 3, 2, 5]);
    expect(fit.slope).toBeCloseTo(7 / 6, 12);
    expect(fit.intercept).toBeCloseTo(1 / 12, 12);
  });

  it('ignores an outlier that would drag least squares', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => 2 * v + 1);
    y[5] = 1000;
    const fit = theilSen(x, y);
    expect(fit.slope).toBe(2);
    expect(fit.intercept).toBe(1);
  });

  it('is 0 on a flat series and NaN without two distinct x', () => {
    expect(theilSen([1, 2, 3], [7, 7, 7]).slope).toBe(0);
    expect(theilSen([4, 4], [1, 2]).slope).toBeNaN();
    expect(() => theilSen([1], [1, 2])).toThrow(RangeError);
  });

  it('skips pairs with equal x (requests did not move between two polls)', () => {
    expect(theilSen([0, 10, 10, 20], [0, 100, 130, 200]).slope).toBe(10);
  });
});

describe('mannKendall', () => {
  it('matches S, Var(S), Z and p on a monotone series', () => {
    const r = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.s).toBe(45);
    expect(r.variance).toBe(125);
    expect(r.z).toBeCloseTo(3.9354796404, 8);
    expect(r.p).toBeCloseTo(8.303070332644999e-5, 9);
    expect(r.tau).toBe(1);
  });

  it('corrects the variance for ties', () => {
    // n = 6: 6·5·17 = 510, minus 2·1·9 (a pair) and 3·2·11 (a triple), over 18.
    const r = mannKendall([1, 2, 2, 3, 3, 3]);
    expect(r.s).toBe(11);
    expect(r.variance).toBeCloseTo(426 / 18, 12);
    expect(r.z).toBeCloseTo(2.055566129482595, 9);
    expect(r.p).toBeCloseTo(0.039824355364810736, 6);
  });

  it('finds no trend in a noisy series', () => {
    const r = mannKendall([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    expect(r.s).toBe(16);
    expect(r.variance).toBeCloseTo(159.33333333, 6);
    expect(r.p).toBeCloseTo(0.2347024779551607, 6);
    expect(r.p).toBeGreaterThan(0.05);
  });

  it('is symmetric for a decreasing series', () => {
    const r = mannKendall([10, 9, 8, 7, 6, 5]);
    expect(r.s).toBe(-15);
    expect(r.z).toBeCloseTo(-2.630142022557628, 9);
    expect(r.p).toBeCloseTo(0.00853492041422708, 6);
  });

  it('gives p = 1 on a flat series (zero variance after ties)', () => {
    const r = mannKendall([5, 5, 5, 5, 5]);
    expect(r).toMatchObject({ s: 0, variance: 0, z: 0, p: 1 });
  });
});

describe('helpers', () => {
  it('normalSurvival matches the normal tail', () => {
    expect(normalSurvival(1.96)).toBeCloseTo(0.024997895148220435, 6);
    expect(normalSurvival(3)).toBeCloseTo(0.0013498980316300957, 7);
    expect(normalSurvival(-1.96)).toBeCloseTo(1 - 0.024997895148220435, 6);
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
  });

  it('median handles odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
