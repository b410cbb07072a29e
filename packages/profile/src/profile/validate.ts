// Checks a profile's internal consistency, as google/pprof's Profile.CheckValid does.
import { fail } from '../errors.js';
import type { Location, Mapping, Profile, ProfileFunction } from './model.js';

/**
 * Throws PUGO_ERR_PROFILE_INVALID when ids, references or sample value lengths are inconsistent.
 * `resolved` skips the per-frame check that samples point at the profile's own locations, which
 * decoding guarantees by construction (it is most of the cost on large profiles).
 */
export function checkValid(p: Profile, source = 'the profile', resolved = false): void {
  const bad = (what: string): never =>
    fail('PUGO_ERR_PROFILE_INVALID', `decoding ${source} failed: malformed profile: ${what}`);
  const n = p.sampleType.length;
  if (n === 0 && p.sample.length !== 0) bad('missing sample type information');
  for (const s of p.sample) {
    if (s.value.length !== n) bad(`sample has ${s.value.length} values vs. ${n} types`);
    if (!resolved) {
      for (const v of s.value) if (!Number.isFinite(v)) bad('sample value is not a finite number');
    }
  }
  const mappings = new Map<number, Mapping>();
  for (const m of p.mapping) {
    if (m.id === 0) bad('found mapping with reserved ID=0');
    if (mappings.has(m.id)) bad(`multiple mappings with same id: ${m.id}`);
    mappings.set(m.id, m);
  }
  const functions = new Map<number, ProfileFunction>();
  for (const f of p.function) {
    if (f.id === 0) bad('found function with reserved ID=0');
    if (functions.has(f.id)) bad(`multiple functions with same id: ${f.id}`);
    functions.set(f.id, f);
  }
  const locations = new Map<number, Location>();
  for (const l of p.location) {
    if (l.id === 0) bad('found location with reserved id=0');
    if (locations.has(l.id)) bad(`multiple locations with same id: ${l.id}`);
    locations.set(l.id, l);
    if (l.mapping !== undefined && mappings.get(l.mapping.id) !== l.mapping) {
      bad(`inconsistent mapping ${l.mapping.id} in location ${l.id}`);
    }
    for (const ln of l.line) {
      if (functions.get(ln.function.id) !== ln.function) {
        bad(`inconsistent function ${ln.function.id} in location ${l.id}`);
      }
    }
  }
  if (resolved) return;
  for (const s of p.sample) {
    for (const l of s.location) {
      if (locations.get(l.id) !== l) bad(`sample refers to location ${l.id} not in the profile`);
    }
  }
}
