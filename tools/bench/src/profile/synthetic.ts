// Writes a large synthetic Go-style heap profile (about 1M samples) for the profile benchmark.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A growable protobuf writer: just what profile.proto needs. */
class Writer {
  buf: Uint8Array;
  constructor(size = 64) {
    this.buf = new Uint8Array(size);
  }
  len = 0;
  #ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  varint(v: number): void {
    this.#ensure(10);
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }
  key(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }
  uint(field: number, v: number): void {
    if (v === 0) return;
    this.key(field, 0);
    this.varint(v);
  }
  bytes(field: number, b: Uint8Array): void {
    this.key(field, 2);
    this.varint(b.length);
    this.#ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  packed(field: number, values: readonly number[]): void {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    this.bytes(field, inner.done());
  }
  done(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** A deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the profile: `samples` stacks of depth 8–24 over 3,000 functions, 4 values each. */
export function syntheticHeapProfile(samples = 1_000_000): Uint8Array {
  const rnd = prng(42);
  const strings = [''];
  const str = (s: string): number => strings.push(s) - 1;
  const functions = 3000;
  const locations = 30000;
  const w = new Writer(1 << 20);
  const msg = (field: number, build: (m: Writer) => void): void => {
    const m = new Writer();
    build(m);
    w.bytes(field, m.done());
  };
  for (const [t, u] of [
    ['alloc_objects', 'count'],
    ['alloc_space', 'bytes'],
    ['inuse_objects', 'count'],
    ['inuse_space', 'bytes'],
  ] as const) {
    const ti = str(t);
    const ui = str(u);
    msg(1, (m) => {
      m.uint(1, ti);
      m.uint(2, ui);
    });
  }
  const bytesKey = str('bytes');
  const periodType = str('space');
  const mappingFile = str('/srv/bench/server');
  for (let i = 0; i < samples; i++) {
    const depth = 8 + Math.floor(rnd() * 17);
    const root = Math.floor(rnd() * 50);
    const stack: number[] = [];
    // Leaf first; the tail of the stack shares a few roots, like real programs.
    for (let d = 0; d < depth; d++) {
      const hot = d >= depth - 3;
      stack.push(1 + (hot ? root * 3 + (depth - 1 - d) : Math.floor(rnd() * locations)));
    }
    const size = 16 << Math.floor(rnd() * 8);
    const count = 1 + Math.floor(rnd() * 100);
    const live = rnd() < 0.3 ? count : 0;
    msg(2, (m) => {
      m.packed(1, stack);
      m.packed(2, [count, count * size, live, live * size]);
      const label = new Writer();
      label.uint(1, bytesKey);
      label.uint(3, size);
      m.bytes(3, label.done());
    });
  }
  const file = str('/srv/bench/main.go');
  msg(3, (m) => {
    m.uint(1, 1);
    m.uint(2, 0x400000);
    m.uint(3, 0x1000000);
    m.uint(5, mappingFile);
    m.uint(7, 1);
  });
  for (let l = 1; l <= locations; l++) {
    msg(4, (m) => {
      m.uint(1, l);
      m.uint(2, 1);
      m.uint(3, 0x400000 + l * 16);
      m.bytes(
        4,
        (() => {
          const line = new Writer();
          line.uint(1, 1 + (l % functions));
          line.uint(2, 10 + (l % 400));
          return line.done();
        })(),
      );
    });
  }
  for (let f = 1; f <= functions; f++) {
    const name = str(`bench/pkg${f % 40}.(*Type${f % 97}).Method${f}`);
    msg(5, (m) => {
      m.uint(1, f);
      m.uint(2, name);
      m.uint(3, name);
      m.uint(4, file);
    });
  }
  const enc = new TextEncoder();
  for (const s of strings) w.bytes(6, enc.encode(s));
  w.uint(9, 1_795_000_000_000_000_000);
  msg(11, (m) => {
    m.uint(1, periodType);
    m.uint(2, bytesKey);
  });
  w.uint(12, 524288);
  return w.done();
}

/** The gzipped profile's path, generating it on first use (cached in the temp folder). */
export function syntheticProfilePath(samples = 1_000_000): { path: string; decodedBytes: number } {
  const path = join(tmpdir(), `pugo-bench-profile-${samples}.pb.gz`);
  const meta = `${path}.size`;
  if (existsSync(path) && existsSync(meta)) {
    return { path, decodedBytes: Number(readFileSync(meta, 'utf8')) };
  }
  const raw = syntheticHeapProfile(samples);
  writeFileSync(path, gzipSync(raw));
  writeFileSync(meta, String(raw.length));
  return { path, decodedBytes: raw.length };
}
