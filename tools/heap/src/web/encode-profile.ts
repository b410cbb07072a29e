// Writes a profile back to gzipped profile.proto, for the web UI's /download (what pprof serves there).
import { gzipSync } from 'node:zlib';
import type { Profile } from '@pugo/profile';

class Writer {
  #chunks: number[] = [];

  varint(value: number | bigint): void {
    // int64 as protobuf varint: negative values take ten bytes (two's complement).
    let v = BigInt.asUintN(64, BigInt(typeof value === 'number' ? Math.trunc(value) : value));
    while (v >= 0x80n) {
      this.#chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.#chunks.push(Number(v));
  }

  tag(field: number, wire: 0 | 2): void {
    this.varint((field << 3) | wire);
  }

  int(field: number, value: number | bigint): void {
    if (value === 0 || value === 0n) return;
    this.tag(field, 0);
    this.varint(value);
  }

  bool(field: number, value: boolean): void {
    if (value) this.int(field, 1);
  }

  bytes(field: number, data: Uint8Array | number[]): void {
    this.tag(field, 2);
    this.varint(data.length);
    for (const b of data) this.#chunks.push(b);
  }

  message(field: number, build: (w: Writer) => void): void {
    const w = new Writer();
    build(w);
    this.bytes(field, w.#chunks);
  }

  packed(field: number, values: readonly number[]): void {
    if (values.length === 0) return;
    const w = new Writer();
    for (const v of values) w.varint(v);
    this.bytes(field, w.#chunks);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#chunks);
  }
}

/** Encodes `p` as profile.proto, gzipped as pprof writes it. */
export function encodeProfile(p: Profile): Uint8Array {
  const strings = [''];
  const ids = new Map<string, number>([['', 0]]);
  const str = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
  const w = new Writer();
  const valueType = (field: number, t: { type: string; unit: string }) =>
    w.message(field, (m) => {
      m.int(1, str(t.type));
      m.int(2, str(t.unit));
    });
  for (const t of p.sampleType) valueType(1, t);
  for (const s of p.sample) {
    w.message(2, (m) => {
      m.packed(
        1,
        s.location.map((l) => l.id),
      );
      m.packed(2, s.value);
      for (const [key, values] of Object.entries(s.label)) {
        for (const v of values) {
          m.message(3, (l) => {
            l.int(1, str(key));
            l.int(2, str(v));
          });
        }
      }
      for (const [key, values] of Object.entries(s.numLabel)) {
        const units = s.numUnit[key] ?? [];
        values.forEach((v, i) => {
          m.message(3, (l) => {
            l.int(1, str(key));
            l.int(3, v);
            l.int(4, str(units[i] ?? ''));
          });
        });
      }
    });
  }
  for (const mp of p.mapping) {
    w.message(3, (m) => {
      m.int(1, mp.id);
      m.int(2, mp.start);
      m.int(3, mp.limit);
      m.int(4, mp.offset);
      m.int(5, str(mp.file));
      m.int(6, str(mp.buildId));
      m.bool(7, mp.hasFunctions);
      m.bool(8, mp.hasFilenames);
      m.bool(9, mp.hasLineNumbers);
      m.bool(10, mp.hasInlineFrames);
    });
  }
  for (const l of p.location) {
    w.message(4, (m) => {
      m.int(1, l.id);
      m.int(2, l.mapping?.id ?? 0);
      m.int(3, l.address);
      for (const ln of l.line) {
        m.message(4, (x) => {
          x.int(1, ln.function.id);
          x.int(2, ln.line);
        });
      }
      m.bool(5, l.isFolded);
    });
  }
  for (const f of p.function) {
    w.message(5, (m) => {
      m.int(1, f.id);
      m.int(2, str(f.name));
      m.int(3, str(f.systemName));
      m.int(4, str(f.filename));
      m.int(5, f.startLine);
    });
  }
  const dropFrames = str(p.dropFrames);
  const keepFrames = str(p.keepFrames);
  const comments = p.comments.map(str);
  const periodType = [str(p.periodType.type), str(p.periodType.unit)] as const;
  const defaultSampleType = str(p.defaultSampleType);
  const encoder = new TextEncoder();
  for (const s of strings) w.bytes(6, encoder.encode(s));
  w.int(7, dropFrames);
  w.int(8, keepFrames);
  w.int(9, p.timeNanos);
  w.int(10, p.durationNanos);
  w.message(11, (m) => {
    m.int(1, periodType[0]);
    m.int(2, periodType[1]);
  });
  w.int(12, p.period);
  w.packed(13, comments);
  w.int(14, defaultSampleType);
  return gzipSync(w.finish());
}
