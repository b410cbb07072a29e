// Writes a large, deterministic heap profile (profile.proto, gzipped) for `pnpm bench heap`, cached by its parameters.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SyntheticProfileOptions {
  /** Samples (stacks with their four heap values). Default: 1,000,000. */
  samples?: number;
  /** Distinct functions. Default: 5,000. */
  functions?: number;
  /** Distinct locations (program counters). Default: 20,000. */
  locations?: number;
  /** Folder the file is cached in. Default: `<os tmpdir>/pugo-bench-heap`. */
  dir?: string;
}

export interface SyntheticProfile {
  /** The gzipped profile file. */
  readonly path: string;
  /** Size of the profile.proto before gzip, in bytes. */
  readonly decodedBytes: number;
  readonly samples: number;
}

/** Generates the profile once per parameter set (same bytes on every machine) and returns it. */
export function syntheticProfile(options: SyntheticProfileOptions = {}): SyntheticProfile {
  const samples = options.samples ?? 1_000_000;
  const functions = options.functions ?? 5_000;
  const locations = options.locations ?? 20_000;
  const dir = options.dir ?? join(tmpdir(), 'pugo-bench-heap');
  const name = `synthetic-v2-${samples}-${functions}-${locations}`;
  const path = join(dir, `${name}.pb.gz`);
  const sizeFile = join(dir, `${name}.size`);
  if (existsSync(path) && existsSync(sizeFile)) {
    return { path, decodedBytes: Number(readFileSync(sizeFile, 'utf8')), samples };
  }
  const proto = encodeProfile(samples, functions, locations);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${path}.tmp`, gzipSync(proto, { level: 6 }));
  renameSync(`${path}.tmp`, path);
  writeFileSync(sizeFile, String(proto.length));
  return { path, decodedBytes: proto.length, samples };
}

/** mulberry32: a small seeded PRNG, so the profile is the same everywhere. */
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

/** A growable protobuf writer: varints, tags, length-delimited fields. */
class Writer {
  buf: Buffer;
  pos = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  varint(value: number): void {
    this.reserve(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }
  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }
  uint(field: number, value: number): void {
    this.tag(field, 0);
    this.varint(value);
  }
  /** A length-delimited field whose body is `body`'s bytes so far. */
  message(field: number, body: Writer): void {
    this.tag(field, 2);
    this.varint(body.pos);
    this.reserve(body.pos);
    body.buf.copy(this.buf, this.pos, 0, body.pos);
    this.pos += body.pos;
    body.pos = 0;
  }
  string(field: number, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    this.tag(field, 2);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    bytes.copy(this.buf, this.pos);
    this.pos += bytes.length;
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** The profile.proto bytes: a Go-style heap profile (four sample types) with deep, skewed stacks. */
function encodeProfile(samples: number, functions: number, locations: number): Buffer {
  const random = prng(20150101);
  const strings = [''];
  const index = new Map<string, number>([['', 0]]);
  const str = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const out = new Writer(64 * 1024 * 1024);
  const inner = new Writer(4096);
  const packed = new Writer(1024);

  for (const [type, unit] of [
    ['alloc_objects', 'count'],
    ['alloc_space', 'bytes'],
    ['inuse_objects', 'count'],
    ['inuse_space', 'bytes'],
  ] as const) {
    inner.uint(1, str(type));
    inner.uint(2, str(unit));
    out.message(1, inner);
  }

  // Samples: two root frames, then 8–28 frames, each drawn with a skew from its own layer.
  const layers = 28;
  const perLayer = Math.floor((locations - 2) / layers);
  for (let s = 0; s < samples; s++) {
    const depth = 8 + Math.floor(random() * 21);
    const stack: number[] = [];
    for (let d = depth - 1; d >= 0; d--) {
      stack.push(3 + d * perLayer + Math.floor(perLayer * random() ** 4));
    }
    stack.push(2, 1); // runtime.main ← main.main at the root; leaf first, as profile.proto has it.
    for (const id of stack) packed.varint(id);
    inner.message(1, packed);
    const objects = 1 + Math.floor(random() * 20);
    const size = objects * (16 << Math.floor(random() * 8));
    const live = random() < 0.3;
    for (const v of [objects, size, live ? objects : 0, live ? size : 0]) packed.varint(v);
    inner.message(2, packed);
    out.message(2, inner);
  }

  inner.uint(1, 1);
  inner.uint(2, 0x400000);
  inner.uint(3, 0x400000 + locations * 64);
  inner.uint(5, str('/usr/local/bin/synthetic'));
  inner.uint(7, 1);
  inner.uint(8, 1);
  inner.uint(9, 1);
  out.message(3, inner);

  for (let id = 1; id <= locations; id++) {
    const fn = id <= 2 ? id : 3 + ((id * 7919) % (functions - 2));
    inner.uint(1, id);
    inner.uint(2, 1);
    inner.uint(3, 0x400000 + id * 64);
    packed.uint(1, fn);
    packed.uint(2, 10 + (id % 400));
    inner.message(4, packed);
    out.message(4, inner);
  }

  for (let id = 1; id <= functions; id++) {
    const name =
      id === 1
        ? 'main.main'
        : id === 2
          ? 'runtime.main'
          : `pkg${id % 61}.(*Type${id % 97}).Method${id}`;
    inner.uint(1, id);
    inner.uint(2, str(name));
    inner.uint(3, str(name));
    inner.uint(4, str(`/src/pkg${id % 61}/file${id % 211}.go`));
    inner.uint(5, 1 + (id % 300));
    out.message(5, inner);
  }

  const periodType = [str('space'), str('bytes')];
  for (const s of strings) out.string(6, s);
  out.uint(9, 1_764_230_400_000_000_000);
  inner.uint(1, periodType[0]!);
  inner.uint(2, periodType[1]!);
  out.message(11, inner);
  out.uint(12, 524_288);
  return Buffer.from(out.bytes());
}
