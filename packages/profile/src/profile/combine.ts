// Combining profiles: merge several, subtract a base (-base), compare to a base (-diff_base).

import { checkCompatible, scaleProfiles } from './compatible.js';
import { DIFF_BASE_LABEL, setLabel } from './filter.js';
import { mergeRaw } from './merge.js';
import type { Profile } from './model.js';
import { scaleProfile, scaleProfileN } from './scale.js';

/** A deep copy (pprof's Copy), with samples merged and ids renumbered as pprof's fetch does. */
export function copyProfile(p: Profile): Profile {
  return mergeRaw([p]);
}

/**
 * Merges profiles of the same kind into one (units of compatible types are brought to the
 * finest first). Throws PUGO_ERR_PROFILE_INCOMPATIBLE for different sample or period types.
 * The inputs are not modified.
 */
export function mergeProfiles(profiles: readonly Profile[]): Profile {
  const copies = profiles.map(copyProfile);
  scaleProfiles(copies);
  return mergeRaw(copies);
}

/** Scales `p` so that its totals per sample type equal the base's (pprof's -normalize). */
export function normalizeProfile(p: Profile, base: Profile): void {
  checkCompatible(p, base);
  const n = p.sampleType.length;
  const baseVals = new Array<number>(n).fill(0);
  const srcVals = new Array<number>(n).fill(0);
  for (const s of base.sample) for (let i = 0; i < n; i++) baseVals[i]! += s.value[i] ?? 0;
  for (const s of p.sample) for (let i = 0; i < n; i++) srcVals[i]! += s.value[i] ?? 0;
  scaleProfileN(
    p,
    baseVals.map((b, i) => (srcVals[i] === 0 ? 0 : b / srcVals[i]!)),
  );
}

/** Options of {@link combineWithBase}. */
export interface BaseOptions {
  /** Tag base samples with pprof::base so percentages are taken against the base. */
  diff?: boolean;
  /** Scale the profile to the base's totals first. */
  normalize?: boolean;
}

/** pprof's `-base`/`-diff_base`: the profile minus the base, as one profile. Inputs untouched. */
export function combineWithBase(p: Profile, base: Profile, o: BaseOptions = {}): Profile {
  const src = copyProfile(p);
  const b = copyProfile(base);
  if (o.diff === true) setLabel(b, DIFF_BASE_LABEL, ['true']);
  if (o.normalize === true) normalizeProfile(src, b);
  scaleProfile(b, -1);
  scaleProfiles([src, b]);
  return mergeRaw([src, b]);
}

/** `a - b` sample by sample (pprof's -base). */
export function subtractProfile(a: Profile, b: Profile): Profile {
  return combineWithBase(a, b);
}

/** `a` compared to `b`, base samples negated and tagged (pprof's -diff_base). */
export function diffProfile(a: Profile, b: Profile): Profile {
  return combineWithBase(a, b, { diff: true });
}
