// Scaling sample values: one ratio per sample type, dropping samples that become all zero.
import type { Profile } from './model.js';

/** Multiplies every sample value by `ratio` (rounded), as `Profile.Scale` does. */
export function scaleProfile(p: Profile, ratio: number): void {
  if (ratio === 1) return;
  scaleProfileN(
    p,
    p.sampleType.map(() => ratio),
  );
}

/** Multiplies values of sample type i by `ratios[i]`; samples whose scaled values are all 0 go. */
export function scaleProfileN(p: Profile, ratios: readonly number[]): void {
  if (ratios.length !== p.sampleType.length) {
    throw new RangeError(
      `mismatched scale ratios, got ${ratios.length}, want ${p.sampleType.length}`,
    );
  }
  if (ratios.every((r) => r === 1)) return;
  const kept = [];
  for (const s of p.sample) {
    let keep = false;
    for (let i = 0; i < s.value.length; i++) {
      const r = ratios[i]!;
      if (r !== 1) {
        const v = goRound(s.value[i]! * r);
        s.value[i] = v;
        keep ||= v !== 0;
      }
    }
    if (keep) kept.push(s);
  }
  p.sample = kept;
}

/** Go's math.Round: halves away from zero (Math.round rounds -0.5 up). */
export function goRound(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r || 0 : r;
}
