// encodeProfile: decoding what it writes gives the profile back, its bytes are pprof's Profile.Write's,
// and a second decoder (pprof-format) reads them as decodeProfile does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  decodeProfile,
  encodeProfile,
  isGzip,
  openProfileFile,
  type Profile,
} from '../src/index.js';
import { decodeWithPprofFormat } from './helpers/pprof-format-model.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const gzipped = (dir: string) =>
  readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith('.pb.gz'))
    .map((f) => join(dir, f));
/** Every profile fixture: the real ones, the synthetic ones and those go tool pprof wrote. */
const profiles = [...gzipped('.'), ...gzipped('synthetic'), ...gzipped('proto')];
const read = (file: string) => readFileSync(join(fixtures, file));

test('the fixtures are there', () => {
  expect(gzipped('.').length).toBe(5);
  expect(gzipped('synthetic').length).toBe(6);
  expect(gzipped('proto').length).toBe(7);
});

describe('decodeProfile(encodeProfile(p)) is p', () => {
  test.each(profiles)('%s', (file) => {
    const p = decodeProfile(read(file), { source: file });
    const gz = encodeProfile(p);
    expect(isGzip(gz)).toBe(true);
    expect(decodeProfile(gz)).toEqual(p);
    const plain = encodeProfile(p, { gzip: false });
    expect(isGzip(plain)).toBe(false);
    expect(gunzipSync(gz)).toEqual(Buffer.from(plain));
    expect(decodeProfile(plain)).toEqual(p);
  });

  test('values and ids of every size and sign; labels, units and comments', () => {
    const fn = { id: 7, name: 'main.f', systemName: 'main.f', filename: 'f.go', startLine: 3 };
    const mapping = {
      id: 1,
      start: 0x400000,
      limit: 2 ** 40,
      offset: 0,
      file: '/bin/x',
      buildId: 'abc',
      hasFunctions: true,
      hasFilenames: false,
      hasLineNumbers: true,
      hasInlineFrames: false,
    };
    const loc = (id: number) => ({
      id,
      mapping,
      address: 2 ** 45 + id,
      line: [{ function: fn, line: id }],
      isFolded: id === 3,
    });
    const [a, b, c] = [loc(1), loc(2 ** 33), loc(3)];
    const p: Profile = {
      sampleType: [
        { type: 'alloc_objects', unit: 'count' },
        { type: 'alloc_space', unit: 'bytes' },
        { type: 'inuse_space', unit: 'bytes' },
      ],
      defaultSampleType: 'inuse_space',
      sample: [
        {
          location: [a, b, c],
          value: [-1, -(2 ** 40), 2 ** 33 + 7],
          label: { thread: ['1', '2'], span: ['s'] },
          numLabel: { bytes: [16, 32], size: [-4] },
          numUnit: { bytes: ['bytes', ''] },
        },
        { location: [a], value: [0, 1, 2], label: {}, numLabel: {}, numUnit: {} },
      ],
      mapping: [mapping],
      location: [a, b, c],
      function: [fn],
      comments: ['one', 'two', 'three'],
      dropFrames: 'runtime\\..*',
      keepFrames: 'main',
      timeNanos: 1_700_000_000_000_000,
      durationNanos: 10_000_000_000,
      periodType: { type: 'space', unit: 'bytes' },
      period: 524_288,
    };
    expect(decodeProfile(encodeProfile(p))).toEqual(p);
    expect(decodeWithPprofFormat(encodeProfile(p, { gzip: false }))).toEqual(p);
    // One comment is written unpacked, as pprof writes fewer than three values.
    expect(decodeProfile(encodeProfile({ ...p, comments: ['only'] })).comments).toEqual(['only']);
  });
});

/** The top-level fields of profile.proto bytes, each as its key and raw bytes. */
function topLevelFields(bytes: Uint8Array): Array<{ field: number; raw: Uint8Array }> {
  const out: Array<{ field: number; raw: Uint8Array }> = [];
  let pos = 0;
  const varint = () => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = bytes[pos++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
  };
  while (pos < bytes.length) {
    const start = pos;
    const key = Number(varint());
    if (key % 8 === 2) {
      const length = Number(varint());
      pos += length;
    } else varint();
    out.push({ field: key >> 3, raw: bytes.subarray(start, pos) });
  }
  return out;
}

// Each test/fixtures/proto/NAME.pb.gz is what `go tool pprof -proto` (Profile.Write) wrote for
// NAME.cmd; regenerate with scripts/regen-goldens.sh.
describe("the same bytes as go tool pprof's Profile.Write", () => {
  const cases = readdirSync(join(fixtures, 'proto'))
    .filter((f) => f.endsWith('.cmd'))
    .map((f) => f.replace(/\.cmd$/, ''));
  test('there are cases', () => {
    expect(cases.length).toBe(7);
  });
  test.each(cases)('%s', (name) => {
    const written = read(`proto/${name}.pb.gz`);
    const expected = topLevelFields(gunzipSync(written));
    const ours = topLevelFields(encodeProfile(decodeProfile(written), { gzip: false }));
    expect(ours.map((f) => f.field)).toEqual(expected.map((f) => f.field));
    ours.forEach((f, i) => {
      const e = expected[i]!;
      if (f.field === 9) {
        // time_nanos: the model holds it as a number, exact below 2^53 (README, Limits).
        const asNumber = (raw: Uint8Array) => topLevelNumber(raw);
        expect(asNumber(f.raw)).toBe(asNumber(e.raw));
      } else
        expect(Buffer.from(f.raw).toString('hex'), `field ${f.field} #${i}`).toBe(
          Buffer.from(e.raw).toString('hex'),
        );
    });
  });
});

/** The value of a varint field's raw bytes (key included), as a JavaScript number. */
function topLevelNumber(raw: Uint8Array): number {
  let v = 0n;
  let shift = 0n;
  for (const b of raw.subarray(1)) {
    v |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  }
  return Number(v);
}

describe('pprof-format reads the bytes as decodeProfile does', () => {
  test.each(profiles)('%s', (file) => {
    const bytes = encodeProfile(decodeProfile(read(file)), { gzip: false });
    expect(decodeWithPprofFormat(bytes)).toEqual(decodeProfile(bytes));
  });
});

test('a streamed profile encodes to the bytes of the same profile in memory', async () => {
  for (const file of ['go-heap-leaky-end.pb.gz', 'synthetic/labels.pb.gz']) {
    const streamed = await openProfileFile(join(fixtures, file));
    try {
      expect(encodeProfile(streamed, { gzip: false })).toEqual(
        encodeProfile(decodeProfile(read(file)), { gzip: false }),
      );
    } finally {
      await streamed.close();
    }
  }
});
