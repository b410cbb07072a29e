// encodeProfile: the model back to profile.proto, gzipped, field for field as pprof's Profile.Write.
import { gzipSync } from 'node:zlib';
import type { Sample } from '../profile/model.js';
import { forEachSample, type ReportProfile } from '../profile/samples.js';
import { ProtoWriter } from './proto-writer.js';

/** Options of {@link encodeProfile}. */
export interface EncodeOptions {
  /**
   * Gzip the bytes, as pprof's `Profile.Write` does (`WriteUncompressed` does not). Default: true.
   */
  gzip?: boolean;
}

/** Indexes of the string table, in order of first use (index 0 is ''). */
class StringTable {
  readonly strings: string[] = [''];
  readonly #index = new Map<string, number>([['', 0]]);

  add(s: string): number {
    let i = this.#index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.#index.set(s, i);
    }
    return i;
  }
}

/**
 * Encodes a profile as profile.proto, gzipped unless `gzip: false`. Fields, their order, the
 * string table's order and packing (more than two values) are google/pprof's, so the bytes are
 * those `Profile.Write` would write for the same profile. Samples are read once and written as
 * they come, so a streamed profile ({@link openProfileFile}) is re-encoded without loading it.
 */
export function encodeProfile(p: ReportProfile, options: EncodeOptions = {}): Uint8Array {
  const w = new ProtoWriter();
  const strings = new StringTable();
  const str = (s: string) => strings.add(s);

  for (const t of p.sampleType) {
    const start = w.beginMessage();
    w.int64Opt(1, str(t.type));
    w.int64Opt(2, str(t.unit));
    w.endMessage(1, start);
  }
  forEachSample(p.sample, (s) => writeSample(w, s, str));
  for (const m of p.mapping) {
    const start = w.beginMessage();
    w.int64Opt(1, m.id);
    w.int64Opt(2, m.start);
    w.int64Opt(3, m.limit);
    w.int64Opt(4, m.offset);
    w.int64Opt(5, str(m.file));
    w.int64Opt(6, str(m.buildId));
    w.boolOpt(7, m.hasFunctions);
    w.boolOpt(8, m.hasFilenames);
    w.boolOpt(9, m.hasLineNumbers);
    w.boolOpt(10, m.hasInlineFrames);
    w.endMessage(3, start);
  }
  for (const l of p.location) {
    const start = w.beginMessage();
    w.int64Opt(1, l.id);
    w.int64Opt(2, l.mapping?.id ?? 0);
    w.int64Opt(3, l.address);
    for (const ln of l.line) {
      const line = w.beginMessage();
      w.int64Opt(1, ln.function.id);
      w.int64Opt(2, ln.line);
      w.endMessage(4, line);
    }
    w.boolOpt(5, l.isFolded);
    w.endMessage(4, start);
  }
  for (const f of p.function) {
    const start = w.beginMessage();
    w.int64Opt(1, f.id);
    w.int64Opt(2, str(f.name));
    w.int64Opt(3, str(f.systemName));
    w.int64Opt(4, str(f.filename));
    w.int64Opt(5, f.startLine);
    w.endMessage(5, start);
  }
  // Every string is indexed before the table is written (pprof's preEncode order).
  const dropFrames = str(p.dropFrames);
  const keepFrames = str(p.keepFrames);
  const periodType = str(p.periodType.type);
  const periodUnit = str(p.periodType.unit);
  const comments = p.comments.map(str);
  const defaultSampleType = str(p.defaultSampleType);
  for (const s of strings.strings) w.string(6, s);
  w.int64Opt(7, dropFrames);
  w.int64Opt(8, keepFrames);
  w.int64Opt(9, p.timeNanos);
  w.int64Opt(10, p.durationNanos);
  if (periodType !== 0 || periodUnit !== 0) {
    const start = w.beginMessage();
    w.int64Opt(1, periodType);
    w.int64Opt(2, periodUnit);
    w.endMessage(11, start);
  }
  w.int64Opt(12, p.period);
  w.int64s(13, comments);
  w.int64(14, defaultSampleType);
  // Unzipped, the bytes are a view of the writer's buffer: no copy of a large profile.
  return options.gzip === false ? w.bytes() : gzipSync(w.bytes());
}

/** One Sample message: location ids, values, then labels by sorted key (strings, then numbers). */
function writeSample(w: ProtoWriter, s: Sample, str: (s: string) => number): void {
  const start = w.beginMessage();
  // w.int64s on the ids, without an array of them per sample (pprof's encodeUint64s).
  if (s.location.length > 2) {
    const ids = w.beginMessage();
    for (const l of s.location) w.varint(l.id);
    w.endMessage(1, ids);
  } else for (const l of s.location) w.int64(1, l.id);
  w.int64s(2, s.value);
  for (const key of Object.keys(s.label).sort()) {
    for (const v of s.label[key]!) {
      const label = w.beginMessage();
      w.int64Opt(1, str(key));
      w.int64Opt(2, str(v));
      w.endMessage(3, label);
    }
  }
  for (const key of Object.keys(s.numLabel).sort()) {
    const k = str(key);
    const units = s.numUnit[key] ?? [];
    s.numLabel[key]!.forEach((v, i) => {
      const unit = units.length !== 0 ? str(units[i] ?? '') : 0;
      const label = w.beginMessage();
      w.int64Opt(1, k);
      w.int64Opt(3, v);
      w.int64Opt(4, unit);
      w.endMessage(3, label);
    });
  }
  w.endMessage(2, start);
}
