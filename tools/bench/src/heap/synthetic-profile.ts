// Writes a large, deterministic heap profile (profile.proto, gzipped) for `pnpm bench heap`, cached by its parameters.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  encodeProfile,
  type Location,
  type Mapping,
  type ProfileFunction,
  type ReportProfile,
  type Sample,
  SampleStream,
} from '@pugo/profile';

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
  // v3: written by @pugo/profile's encodeProfile (v2 lacked pprof's default_sample_type field).
  const name = `synthetic-v3-${samples}-${functions}-${locations}`;
  const path = join(dir, `${name}.pb.gz`);
  const sizeFile = join(dir, `${name}.size`);
  if (existsSync(path) && existsSync(sizeFile)) {
    return { path, decodedBytes: Number(readFileSync(sizeFile, 'utf8')), samples };
  }
  const proto = encodeProfile(syntheticModel(samples, functions, locations), { gzip: false });
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

/**
 * A Go-style heap profile (four sample types) with deep, skewed stacks. Its samples are a stream
 * made afresh from the seed on each pass, one sample object refilled: encodeProfile writes each as
 * it comes, so a profile of millions of samples never exists in memory, only its bytes.
 */
function syntheticModel(samples: number, functions: number, locations: number): ReportProfile {
  const mapping: Mapping = {
    id: 1,
    start: 0x400000,
    limit: 0x400000 + locations * 64,
    offset: 0,
    file: '/usr/local/bin/synthetic',
    buildId: '',
    hasFunctions: true,
    hasFilenames: true,
    hasLineNumbers: true,
    hasInlineFrames: false,
  };
  const fns: ProfileFunction[] = [];
  for (let id = 1; id <= functions; id++) {
    const name =
      id === 1
        ? 'main.main'
        : id === 2
          ? 'runtime.main'
          : `pkg${id % 61}.(*Type${id % 97}).Method${id}`;
    fns.push({
      id,
      name,
      systemName: name,
      filename: `/src/pkg${id % 61}/file${id % 211}.go`,
      startLine: 1 + (id % 300),
    });
  }
  const locs: Location[] = [];
  for (let id = 1; id <= locations; id++) {
    const fn = id <= 2 ? id : 3 + ((id * 7919) % (functions - 2));
    locs.push({
      id,
      mapping,
      address: 0x400000 + id * 64,
      line: [{ function: fns[fn - 1]!, line: 10 + (id % 400) }],
      isFolded: false,
    });
  }
  // Two root frames, then 8–28 frames, each drawn with a skew from its own layer.
  const layers = 28;
  const perLayer = Math.floor((locations - 2) / layers);
  const stream = new SampleStream((visit) => {
    const random = prng(20150101);
    const sample: Sample = { location: [], value: [], label: {}, numLabel: {}, numUnit: {} };
    for (let s = 0; s < samples; s++) {
      const depth = 8 + Math.floor(random() * 21);
      const stack: Location[] = [];
      for (let d = depth - 1; d >= 0; d--) {
        stack.push(locs[2 + d * perLayer + Math.floor(perLayer * random() ** 4)]!);
      }
      stack.push(locs[1]!, locs[0]!); // runtime.main ← main.main at the root; leaf first.
      const objects = 1 + Math.floor(random() * 20);
      const size = objects * (16 << Math.floor(random() * 8));
      const live = random() < 0.3;
      sample.location = stack;
      sample.value = [objects, size, live ? objects : 0, live ? size : 0];
      visit(sample);
    }
  });
  return {
    sampleType: [
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ],
    defaultSampleType: '',
    sample: stream,
    mapping: [mapping],
    location: locs,
    function: fns,
    comments: [],
    dropFrames: '',
    keepFrames: '',
    timeNanos: 1_764_230_400_000_000_000,
    durationNanos: 0,
    periodType: { type: 'space', unit: 'bytes' },
    period: 524_288,
  };
}
