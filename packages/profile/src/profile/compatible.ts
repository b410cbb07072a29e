// Which profiles can be combined, and bringing compatible units together (pprof's ScaleProfiles).
import { fail } from '../errors.js';
import { compatibleValueTypes, scale } from '../measurement/units.js';
import type { Profile, ValueType } from './model.js';
import { scaleProfileN } from './scale.js';

function equalValueType(a: ValueType, b: ValueType): boolean {
  return a.type === b.type && a.unit === b.unit;
}

function describe(types: readonly ValueType[]): string {
  return `[${types.map((t) => `${t.type}/${t.unit}`).join(' ')}]`;
}

/** Throws PUGO_ERR_PROFILE_INCOMPATIBLE unless `b` has the same period and sample types as `a`. */
export function checkCompatible(a: Profile, b: Profile): void {
  if (!equalValueType(a.periodType, b.periodType)) {
    fail(
      'PUGO_ERR_PROFILE_INCOMPATIBLE',
      `combining profiles failed: incompatible period types ${describe([a.periodType])} and ${describe([b.periodType])}; combine profiles of the same kind`,
    );
  }
  const same =
    a.sampleType.length === b.sampleType.length &&
    a.sampleType.every((t, i) => equalValueType(t, b.sampleType[i]!));
  if (!same) {
    fail(
      'PUGO_ERR_PROFILE_INCOMPATIBLE',
      `combining profiles failed: incompatible sample types ${describe(a.sampleType)} and ${describe(b.sampleType)}; combine profiles of the same kind`,
    );
  }
}

function commonValueType(ts: readonly (ValueType | undefined)[]): ValueType | undefined {
  if (ts.length <= 1) return undefined;
  let min = ts[0];
  for (const t of ts.slice(1)) {
    if (!compatibleValueTypes(min, t)) {
      fail(
        'PUGO_ERR_PROFILE_INCOMPATIBLE',
        `combining profiles failed: incompatible types ${min?.type}/${min?.unit} and ${t?.type}/${t?.unit}; combine profiles of the same kind`,
      );
    }
    if (t !== undefined && min !== undefined && scale(1, t.unit, min.unit)[0] < 1) min = t;
  }
  return min === undefined ? undefined : { ...min };
}

/** pprof's ScaleProfiles: brings compatible units (e.g. ms and ns) to the finest one, in place. */
export function scaleProfiles(profiles: readonly Profile[]): void {
  if (profiles.length === 0) return;
  const periodType = commonValueType(profiles.map((p) => p.periodType));
  const n = profiles[0]!.sampleType.length;
  for (const p of profiles.slice(1)) {
    if (p.sampleType.length !== n) {
      fail(
        'PUGO_ERR_PROFILE_INCOMPATIBLE',
        `combining profiles failed: inconsistent sample type count: ${n} != ${p.sampleType.length}; combine profiles of the same kind`,
      );
    }
  }
  const common = Array.from({ length: n }, (_, i) =>
    commonValueType(profiles.map((p) => p.sampleType[i])),
  );
  for (const p of profiles) {
    if (periodType !== undefined) {
      p.period = Math.trunc(scale(p.period, p.periodType.unit, periodType.unit)[0]);
      p.periodType.unit = periodType.unit;
    }
    const ratios = p.sampleType.map((st, i) => {
      const c = common[i];
      if (c === undefined) return 1;
      const r = scale(1, st.unit, c.unit)[0];
      st.unit = c.unit;
      return r;
    });
    scaleProfileN(p, ratios);
  }
}
