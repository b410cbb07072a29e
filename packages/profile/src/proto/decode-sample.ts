// Decodes one Sample message: its location ids resolved, its labels grouped by key.
import { malformed } from '../errors.js';
import { type Location, NO_LABELS, type Sample } from '../profile/model.js';
import { type RawLabel, readLabel } from './messages.js';
import type { ProtoReader } from './proto-reader.js';

/** Locations by id: a Map, or an {@link IdTable}. */
export interface LocationLookup {
  get(id: number): Location | undefined;
}

/**
 * What the passes of a streamed profile refill for each sample instead of allocating: one sample
 * object, the raw ids and values, and a location array per stack depth (a JS array whose length
 * changes reallocates its storage; one per depth never does).
 */
export interface SampleScratch {
  readonly sample: Sample;
  ids: Float64Array;
  values: Float64Array;
  readonly locationsByDepth: Location[][];
  readonly valuesByCount: number[][];
}

/** A scratch for {@link decodeSample} and the plain-sample decoder. */
export function sampleScratch(): SampleScratch {
  const sample = {
    location: [],
    value: [],
    label: NO_LABELS,
    numLabel: NO_LABELS,
    numUnit: NO_LABELS,
  };
  return {
    sample,
    ids: new Float64Array(64),
    values: new Float64Array(8),
    locationsByDepth: [],
    valuesByCount: [],
  };
}

/**
 * One sample message, its location ids resolved; throws PUGO_ERR_PROFILE_INVALID. With `into`,
 * the sample returned is the scratch's, overwritten by the next call.
 */
export function decodeSample(
  r: ProtoReader,
  str: (i: number) => string,
  locationById: LocationLookup,
  into?: SampleScratch,
): Sample {
  const locationIds: number[] = [];
  const value: number[] = [];
  let labels: RawLabel[] | undefined;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) r.repeated(locationIds);
    else if (f === 2) r.repeated(value);
    else if (f === 3) {
      labels = labels ?? [];
      labels.push(readLabel(r.message()));
    } else r.skip();
  }
  const location = new Array<Location>(locationIds.length);
  for (let i = 0; i < locationIds.length; i++) {
    const id = locationIds[i]!;
    const loc = locationById.get(id);
    if (loc === undefined) return malformed(`a sample refers to unknown location ${id}`);
    location[i] = loc;
  }
  let s: Sample;
  if (into === undefined) {
    s = { location, value, label: NO_LABELS, numLabel: NO_LABELS, numUnit: NO_LABELS };
  } else {
    s = into.sample;
    s.location = location;
    s.value = value;
    s.label = NO_LABELS;
    s.numLabel = NO_LABELS;
    s.numUnit = NO_LABELS;
  }
  if (labels !== undefined) setLabels(s, labels, str);
  return s;
}

/** Groups labels by key: strings in `label`, numbers in `numLabel` with their units in `numUnit`. */
function setLabels(s: Sample, labels: readonly RawLabel[], str: (i: number) => string): void {
  const strLabels: Record<string, string[]> = {};
  const numLabels: Record<string, number[]> = {};
  const numUnits: Record<string, string[]> = {};
  for (const l of labels) {
    const key = str(l.key);
    if (l.str !== 0) {
      const values = strLabels[key] ?? [];
      values.push(str(l.str));
      strLabels[key] = values;
    } else if (l.num !== 0 || l.unit !== 0) {
      const nums = numLabels[key] ?? [];
      numLabels[key] = nums;
      if (l.unit !== 0) {
        // Units line up with values: a value without a unit before this one gets ''.
        const units = numUnits[key] ?? [];
        numUnits[key] = units;
        while (units.length < nums.length) units.push('');
        units.push(str(l.unit));
      }
      nums.push(l.num);
    }
  }
  for (const [key, units] of Object.entries(numUnits)) {
    const n = numLabels[key]?.length ?? 0;
    while (units.length < n) units.push('');
  }
  if (Object.keys(strLabels).length > 0) s.label = strLabels;
  if (Object.keys(numLabels).length > 0) {
    s.numLabel = numLabels;
    s.numUnit = numUnits;
  }
}
