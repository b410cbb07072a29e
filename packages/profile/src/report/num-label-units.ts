// The unit of each numeric label key (pprof's NumLabelUnits): declared, else guessed from the key.
import { forEachSample, type ReportProfile } from '../profile/samples.js';

/** Map of numeric label key → unit; `bytes` and keys without a unit get sensible defaults. */
export function numLabelUnits(p: ReportProfile): Map<string, string> {
  const units = new Map<string, string>();
  const keys = new Set<string>();
  forEachSample(p.sample, (s) => {
    // for…in, not Object.keys: no array per sample on a streamed pass.
    for (const k in s.numLabel) {
      keys.add(k);
      for (const u of s.numUnit[k] ?? []) {
        if (u !== '' && !units.has(k)) units.set(k, u);
      }
    }
  });
  for (const k of keys) {
    if ((units.get(k) ?? '') === '') {
      units.set(k, k === 'alignment' || k === 'request' ? 'bytes' : k);
    }
  }
  return units;
}
