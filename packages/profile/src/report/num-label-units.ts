// The unit of each numeric label key (pprof's NumLabelUnits): declared, else guessed from the key.
import type { Profile } from '../profile/model.js';

/** Map of numeric label key → unit; `bytes` and keys without a unit get sensible defaults. */
export function numLabelUnits(p: Profile): Map<string, string> {
  const units = new Map<string, string>();
  const keys = new Set<string>();
  for (const s of p.sample) {
    for (const k of Object.keys(s.numLabel)) {
      keys.add(k);
      for (const u of s.numUnit[k] ?? []) {
        if (u !== '' && !units.has(k)) units.set(k, u);
      }
    }
  }
  for (const k of keys) {
    if ((units.get(k) ?? '') === '') {
      units.set(k, k === 'alignment' || k === 'request' ? 'bytes' : k);
    }
  }
  return units;
}
