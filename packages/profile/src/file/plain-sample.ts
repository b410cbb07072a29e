// Decodes the common sample (location ids and values, no labels) straight from the bytes, allocating nothing.
import { type Location, NO_LABELS } from '../profile/model.js';
import type { SampleScratch } from '../proto/decode-sample.js';

/** Largest value read on this path: above it (and for negatives) the general decoder reads int64. */
const MAX_PLAIN = 2 ** 49;

/**
 * Fills `into.sample` from the sample message in `buf[start, end)` when it is the plain kind:
 * only location ids and values (packed or not), each below 2^49, every location known. Returns
 * false otherwise (labels, negative or huge values, unknown fields, malformed bytes), and the
 * caller decodes the sample with the general decoder, which also reports any error.
 */
export function decodePlainSample(
  buf: Uint8Array,
  start: number,
  end: number,
  locations: { get(id: number): Location | undefined },
  into: SampleScratch,
): boolean {
  let nIds = 0;
  let nValues = 0;
  let pos = start;
  while (pos < end) {
    const key = buf[pos++]!;
    if (key !== 0x0a && key !== 0x12 && key !== 0x08 && key !== 0x10) return false;
    const isId = key === 0x0a || key === 0x08;
    let stop = -1; // one varint, unless packed
    if (key === 0x0a || key === 0x12) {
      // Packed: a length, then varints.
      let len = 0;
      let mul = 1;
      for (;;) {
        if (pos >= end || mul > 2 ** 28) return false;
        const b = buf[pos++]!;
        len += (b & 0x7f) * mul;
        if (b < 0x80) break;
        mul *= 128;
      }
      stop = pos + len;
      if (stop > end) return false;
    }
    do {
      let v = 0;
      let mul = 1;
      for (;;) {
        if (pos >= end) return false;
        const b = buf[pos++]!;
        v += (b & 0x7f) * mul;
        if (b < 0x80) break;
        mul *= 128;
        if (mul > MAX_PLAIN) return false;
      }
      if (isId) {
        if (nIds === into.ids.length) into.ids = grow(into.ids);
        into.ids[nIds++] = v;
      } else {
        if (nValues === into.values.length) into.values = grow(into.values);
        into.values[nValues++] = v;
      }
    } while (stop >= 0 && pos < stop);
    if (stop >= 0 && pos !== stop) return false;
  }
  let location = into.locationsByDepth[nIds];
  if (location === undefined) {
    location = new Array<Location>(nIds);
    into.locationsByDepth[nIds] = location;
  }
  for (let i = 0; i < nIds; i++) {
    const loc = locations.get(into.ids[i]!);
    if (loc === undefined) return false;
    location[i] = loc;
  }
  let value = into.valuesByCount[nValues];
  if (value === undefined) {
    value = new Array<number>(nValues);
    into.valuesByCount[nValues] = value;
  }
  for (let i = 0; i < nValues; i++) value[i] = into.values[i]!;
  const s = into.sample;
  s.location = location;
  s.value = value;
  s.label = NO_LABELS;
  s.numLabel = NO_LABELS;
  s.numUnit = NO_LABELS;
  return true;
}

function grow(a: Float64Array): Float64Array {
  const bigger = new Float64Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
