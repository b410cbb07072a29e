// The report's own copy of a streamed profile: copied tables, samples still streamed from the file.
import type { Location, Mapping, ProfileFunction, Sample } from '../profile/model.js';
import type { ReportProfile } from '../profile/samples.js';
import type { StreamedProfile } from './open-file.js';

/**
 * What {@link copyProfile} gives for a profile in memory, without holding its samples: the
 * locations that non-zero samples use (in order of first use, as pprof's Merge orders them), their
 * functions and mappings copied so a report may change them, and the samples streamed against
 * the copies with all-zero samples dropped. Unlike Merge, samples with the same stack are not
 * summed: no report that reads a stream depends on it (sums are the same; `traces`, which prints
 * each sample, and profiles with negative values load the samples instead).
 */
export function copyStreamed(p: StreamedProfile): ReportProfile {
  const functions = new Map<ProfileFunction, ProfileFunction>();
  const mappings = new Map<Mapping, Mapping>();
  const copyMapping = (m: Mapping | undefined): Mapping | undefined => {
    if (m === undefined) return undefined;
    let copy = mappings.get(m);
    if (copy === undefined) {
      copy = { ...m };
      mappings.set(m, copy);
    }
    return copy;
  };
  const copyFunction = (f: ProfileFunction): ProfileFunction => {
    let copy = functions.get(f);
    if (copy === undefined) {
      copy = { ...f };
      functions.set(f, copy);
    }
    return copy;
  };
  copyMapping(p.mapping[0]);
  const byId = new Map<number, Location>();
  for (const l of p.location) byId.set(l.id, l);
  const locations: Location[] = [];
  // Samples resolve against the copies; an all-zero sample may use a location no other sample
  // uses, which is not copied: it resolves to the original and is dropped below.
  const copies = new Map<number, Location>(byId);
  for (const id of p.usedLocationIds) {
    const l = byId.get(id)!;
    const copy: Location = {
      id: l.id,
      mapping: copyMapping(l.mapping),
      address: l.address,
      line: l.line.map((ln) => ({ function: copyFunction(ln.function), line: ln.line })),
      isFolded: l.isFolded,
    };
    locations.push(copy);
    copies.set(id, copy);
  }
  return {
    sampleType: p.sampleType.map((t) => ({ ...t })),
    defaultSampleType: p.defaultSampleType,
    sample: p.samplesWith(copies).filter((s) => !isZero(s)),
    mapping: [...mappings.values()],
    location: locations,
    function: [...functions.values()],
    comments: [...p.comments],
    dropFrames: p.dropFrames,
    keepFrames: p.keepFrames,
    timeNanos: p.timeNanos,
    durationNanos: p.durationNanos,
    periodType: { ...p.periodType },
    period: p.period,
  };
}

function isZero(s: Sample): boolean {
  for (const v of s.value) if (v !== 0) return false;
  return true;
}
