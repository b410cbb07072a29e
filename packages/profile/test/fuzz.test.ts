// Fuzz: 1,000 seeded mutations of the fixtures decode to a valid profile or a ProfileError, quickly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkValid, decodeProfile, generateReport, ProfileError } from '../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const names = [
  'go-heap-leaky-end.pb.gz',
  'go-heap-leaky-start.pb.gz',
  'node-heap-leaky-end.pb.gz',
  'node-heap-leaky-start.pb.gz',
  'go-cpu.pb.gz',
];
const gz = names.map((n) => new Uint8Array(readFileSync(join(fixtures, n))));
const plain = gz.map((b) => new Uint8Array(gunzipSync(b)));

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
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

type Mutation = 'truncate' | 'flip' | 'splice' | 'varint';

function mutate(src: Uint8Array, other: Uint8Array, kind: Mutation, rnd: () => number): Uint8Array {
  const at = (n: number): number => Math.floor(rnd() * n);
  switch (kind) {
    case 'truncate':
      return src.slice(0, at(src.length));
    case 'flip': {
      const out = src.slice();
      const flips = 1 + at(8);
      for (let i = 0; i < flips; i++) {
        const pos = at(out.length);
        out[pos] = (out[pos] ?? 0) ^ (1 << at(8));
      }
      return out;
    }
    case 'splice': {
      const cut = at(src.length);
      const from = at(other.length);
      const len = at(Math.min(4096, other.length - from));
      const out = new Uint8Array(cut + len + (src.length - cut));
      out.set(src.subarray(0, cut), 0);
      out.set(other.subarray(from, from + len), cut);
      out.set(src.subarray(cut), cut + len);
      return out;
    }
    case 'varint': {
      // A run of 0xff bytes: a length or count that claims to be enormous.
      const out = src.slice();
      const pos = at(out.length);
      for (let i = pos; i < Math.min(out.length, pos + 1 + at(10)); i++) out[i] = 0xff;
      return out;
    }
  }
}

describe('decodeProfile under mutation', () => {
  test('1,000 mutants: a valid profile or a ProfileError, nothing else', () => {
    const rnd = prng(0x5eed);
    const kinds: Mutation[] = ['truncate', 'flip', 'splice', 'varint'];
    const outcomes = { valid: 0, coded: 0 };
    const codes = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const which = Math.floor(rnd() * plain.length);
      const kind = kinds[i % kinds.length]!;
      // Three in four mutate the protobuf itself; the rest the gzip stream around it.
      const useGzip = i % 4 === 3;
      const src = useGzip ? gz[which]! : plain[which]!;
      const other = plain[(which + 1) % plain.length]!;
      const input = mutate(src, other, kind, rnd);
      let profile: ReturnType<typeof decodeProfile> | undefined;
      try {
        profile = decodeProfile(input, { source: `mutant-${i}` });
      } catch (error) {
        if (!(error instanceof ProfileError)) {
          throw new Error(`mutant ${i} (${kind}) threw ${String(error)}`);
        }
        expect(error.message).not.toContain('\n');
        expect(error.message).toContain(`mutant-${i}`);
        codes.add(error.code);
        outcomes.coded++;
        continue;
      }
      outcomes.valid++;
      expect(() => checkValid(profile)).not.toThrow();
      // A profile that decodes must also report without crashing.
      try {
        generateReport(profile, { kind: 'top', nodeCount: 5 });
      } catch (error) {
        if (!(error instanceof ProfileError)) {
          throw new Error(`mutant ${i} (${kind}) decoded but top threw ${String(error)}`);
        }
      }
    }
    expect(outcomes.valid + outcomes.coded).toBe(1000);
    // The mutations must exercise both paths, and several kinds of failure.
    expect(outcomes.coded).toBeGreaterThan(100);
    expect(outcomes.valid).toBeGreaterThan(10);
    expect(codes.has('PUGO_ERR_PROFILE_DECODE')).toBe(true);
    expect(codes.has('PUGO_ERR_PROFILE_INVALID')).toBe(true);
  });

  test('a length that claims 2^60 bytes fails fast instead of allocating', () => {
    // Field 6 (string table), wire type 2, then a 9-byte varint length near 2^62.
    const bomb = new Uint8Array([0x32, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f]);
    expect(() => decodeProfile(bomb)).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_DECODE' }),
    );
  });

  test('a gzip bomb stops at maxDecodedBytes', () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(() => decodeProfile(bomb, { maxDecodedBytes: 1024 * 1024 })).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_TOO_LARGE' }),
    );
  });

  test('empty input, empty gzip and non-profiles are coded errors', () => {
    expect(() => decodeProfile(new Uint8Array())).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_EMPTY' }),
    );
    expect(() => decodeProfile(gzipSync(new Uint8Array()))).toThrow(
      expect.objectContaining({ code: 'PUGO_ERR_PROFILE_EMPTY' }),
    );
    expect(() => decodeProfile(new TextEncoder().encode('<html>not a profile</html>'))).toThrow(
      ProfileError,
    );
    expect(() => decodeProfile(gz[0]!.slice(0, 100), { source: 'cut.pb.gz' })).toThrow(
      /^decoding cut\.pb\.gz failed: bad gzip data/,
    );
  });
});
