// Streamed profiles: openProfileFile reads what decodeProfile reads, reports the same, and cleans up.
process.env.TZ = 'UTC';

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { gunzipFile } from '../src/file/gunzip-file.js';
import {
  decodeProfile,
  generateReport,
  openProfileFile,
  ProfileError,
  type ReportOptions,
  type StreamedProfile,
} from '../src/index.js';
import { buildProfile, type ProfileSpec } from './helpers/build-profile.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'pugo-streamed-test-'));
const tmpDir = mkdtempSync(join(tmpdir(), 'pugo-streamed-tmp-'));
afterAll(() => {
  // Every decompressed copy is gone once its profile is closed, or its open failed.
  expect(readdirSync(tmpDir)).toEqual([]);
});

let written = 0;
function file(bytes: Uint8Array): string {
  const path = join(work, `p${written++}.pb`);
  writeFileSync(path, bytes);
  return path;
}

async function withStreamed<T>(path: string, use: (p: StreamedProfile) => T): Promise<T> {
  const p = await openProfileFile(path, { tmpDir });
  try {
    return use(p);
  } finally {
    await p.close();
  }
}

/** Same text from the profile in memory and streamed from its file. */
async function expectSameReports(bytes: Uint8Array, options: ReportOptions[]): Promise<void> {
  const inMemory = decodeProfile(bytes);
  await withStreamed(file(bytes), (streamed) => {
    for (const o of options) {
      const a = generateReport(inMemory, o);
      const b = generateReport(streamed, o);
      expect(b.text, JSON.stringify(o)).toBe(a.text);
      expect(b.warnings).toEqual(a.warnings);
    }
  });
}

const reports: ReportOptions[] = [
  { kind: 'top' },
  { kind: 'top', cum: true, nodeCount: 3 },
  { kind: 'tree' },
  { kind: 'peek', regexp: '.' },
  { kind: 'traces' },
  { kind: 'dot' },
  { kind: 'top', focus: 'main', hide: 'runtime' },
  { kind: 'top', focus: 'nothing-matches-this' },
  { kind: 'top', granularity: 'lines' },
];

describe('openProfileFile', () => {
  test('the fixtures, gzipped or not: the same profile as decodeProfile, the same reports', async () => {
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.pb.gz'));
    expect(names.length).toBe(5);
    for (const name of names) {
      const gz = readFileSync(join(fixtures, name));
      const expected = decodeProfile(gz);
      for (const path of [join(fixtures, name), file(gunzipSync(gz))]) {
        await withStreamed(path, (p) => {
          expect(p.sampleCount).toBe(expected.sample.length);
          expect(p.load()).toEqual(expected);
          let n = 0;
          p.sample.forEach(() => {
            n++;
          });
          expect(n).toBe(expected.sample.length);
        });
      }
      await expectSameReports(gunzipSync(gz), reports);
    }
  });

  test('samples and strings larger than the read window, fields across window ends', async () => {
    const long = `pkg.${'x'.repeat(300_000)}`; // one string field longer than the 256 KiB window
    const spec: ProfileSpec = {
      sampleTypes: [
        ['alloc_objects', 'count'],
        ['inuse_space', 'bytes'],
      ],
      samples: [],
    };
    for (let i = 0; i < 20_000; i++) {
      spec.samples.push({
        stack: [`f${i % 97}`, `g${i % 13}`, i % 1000 === 0 ? long : 'main'],
        values: [1 + (i % 7), 1000 * (1 + (i % 11))],
      });
    }
    // One deep stack: a sample message of several kilobytes.
    spec.samples.push({
      stack: Array.from({ length: 3000 }, (_, i) => `deep${i}`),
      values: [1, 5],
    });
    const bytes = buildProfile(spec);
    expect(bytes.length).toBeGreaterThan(2 * 256 * 1024);
    await expectSameReports(bytes, [{ kind: 'top' }, { kind: 'tree', nodeCount: 5 }]);
    await expectSameReports(gzipSync(bytes), [{ kind: 'top', cum: true }]);
  });

  test('labels, negative values and all-zero samples read as in memory', async () => {
    const bytes = buildProfile({
      sampleTypes: [['inuse_space', 'bytes']],
      samples: [
        { stack: ['leak', 'main'], values: [100], labels: { span: 'a' } },
        { stack: ['leak', 'main'], values: [-40], numLabels: { bytes: [64, 'bytes'] } },
        { stack: ['only-in-zero-samples', 'main'], values: [0] },
        { stack: ['ok', 'main'], values: [2 ** 52] },
      ],
    });
    await expectSameReports(bytes, [
      ...reports,
      { kind: 'top', focus: 'only-in-zero-samples' },
      { kind: 'traces' },
    ]);
    await withStreamed(file(bytes), (p) => expect(p.hasNegativeValues).toBe(true));
  });

  test('bad files: the coded errors of decodeProfile, and no temporary copy left', async () => {
    const gz = readFileSync(join(fixtures, 'go-heap-leaky-end.pb.gz'));
    const code = (path: string, maxDecodedBytes?: number) =>
      openProfileFile(path, {
        tmpDir,
        source: 'bad',
        ...(maxDecodedBytes ? { maxDecodedBytes } : {}),
      }).then(
        async (p) => {
          await p.close();
          return 'opened';
        },
        (e: ProfileError) => `${e.code} ${e.message}`,
      );
    expect(await code(file(new Uint8Array()))).toMatch(
      /^PUGO_ERR_PROFILE_EMPTY decoding bad failed: the input is empty/,
    );
    expect(await code(file(gzipSync(new Uint8Array())))).toMatch(
      /^PUGO_ERR_PROFILE_EMPTY .*the profile is empty/,
    );
    expect(await code(file(gz.subarray(0, 200)))).toMatch(
      /^PUGO_ERR_PROFILE_DECODE decoding bad failed: bad gzip data/,
    );
    expect(await code(file(gzipSync(new Uint8Array(4 << 20))), 1 << 20)).toMatch(
      /^PUGO_ERR_PROFILE_TOO_LARGE /,
    );
    expect(await code(file(new TextEncoder().encode('<html>not a profile</html>')))).toMatch(
      /^PUGO_ERR_PROFILE_DECODE decoding bad failed: /,
    );
    expect(await code(file(gunzipSync(gz).subarray(0, 5000)))).toMatch(
      /^PUGO_ERR_PROFILE_DECODE decoding bad failed: .* at byte \d+; /,
    );
    expect(await code(join(work, 'missing.pb'))).toMatch(/^PUGO_ERR_PROFILE_DECODE .*ENOENT/);
  });

  test('300 mutants: the same outcome as decodeProfile (valid with the same top, or the same error code)', async () => {
    const plain = ['go-heap-leaky-end.pb.gz', 'node-heap-leaky-end.pb.gz', 'go-cpu.pb.gz'].map(
      (n) => gunzipSync(readFileSync(join(fixtures, n))),
    );
    let seed = 0x5eed;
    const rnd = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    let valid = 0;
    for (let i = 0; i < 300; i++) {
      const src = plain[i % plain.length]!;
      const input = new Uint8Array(src);
      if (i % 2 === 0) {
        for (let k = 0; k < 1 + Math.floor(rnd() * 6); k++) {
          const at = Math.floor(rnd() * input.length);
          input[at] = input[at]! ^ (1 << Math.floor(rnd() * 8));
        }
      }
      const bytes = i % 2 === 0 ? input : input.subarray(0, Math.floor(rnd() * input.length));
      const expected = (() => {
        try {
          return generateReport(decodeProfile(bytes), { kind: 'top', nodeCount: 8 }).text;
        } catch (error) {
          if (!(error instanceof ProfileError)) throw error;
          return error.code;
        }
      })();
      const actual = await openProfileFile(file(bytes), { tmpDir }).then(
        async (p) => {
          try {
            return generateReport(p, { kind: 'top', nodeCount: 8 }).text;
          } finally {
            await p.close();
          }
        },
        (error: unknown) => {
          if (!(error instanceof ProfileError)) throw error;
          return error.code;
        },
      );
      expect(actual, `mutant ${i}`).toBe(expected);
      if (!expected.startsWith('PUGO_ERR_')) valid++;
    }
    expect(valid).toBeGreaterThan(10);
  });

  test('close() removes the decompressed copy; a plain file is read in place', async () => {
    const before = readdirSync(tmpDir).length;
    const p = await openProfileFile(join(fixtures, 'go-cpu.pb.gz'), { tmpDir });
    expect(readdirSync(tmpDir).length).toBe(before + 1);
    await p.close();
    expect(readdirSync(tmpDir).length).toBe(before);
    const plainPath = file(gunzipSync(readFileSync(join(fixtures, 'go-cpu.pb.gz'))));
    const q = await openProfileFile(plainPath, { tmpDir });
    expect(readdirSync(tmpDir).length).toBe(before);
    await q.close();
    expect(existsSync(plainPath)).toBe(true);
  });
});

describe('gunzipFile (the inflater streamed profiles use)', () => {
  /** node:zlib's outcome and ours: the same bytes, or both an error. */
  function agree(gz: Uint8Array, label: string): void {
    const from = file(gz);
    const to = `${from}.out`;
    let expected: Buffer | 'error';
    try {
      expected = gunzipSync(gz);
    } catch {
      expected = 'error';
    }
    let actual: Buffer | 'error';
    try {
      const n = gunzipFile(from, to, 1 << 30);
      actual = readFileSync(to);
      expect(actual.length, label).toBe(n);
    } catch (error) {
      expect((error as Error).name, label).toBe('GunzipError');
      actual = 'error';
    }
    if (expected === 'error') expect(actual, label).toBe('error');
    else expect(actual === 'error' ? 'error' : Buffer.compare(actual, expected), label).toBe(0);
  }

  test('every compression level and strategy, stored blocks, several members, empty input', () => {
    const plain = gunzipSync(readFileSync(join(fixtures, 'go-heap-leaky-end.pb.gz')));
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [
        constants.Z_DEFAULT_STRATEGY,
        constants.Z_FILTERED,
        constants.Z_HUFFMAN_ONLY,
        constants.Z_RLE,
        constants.Z_FIXED,
      ]) {
        agree(gzipSync(plain, { level, strategy }), `level ${level} strategy ${strategy}`);
      }
    }
    const noisy = new Uint8Array(300_000);
    for (let i = 0; i < noisy.length; i++) noisy[i] = (i * 7919) % (i % 3 === 0 ? 251 : 5);
    agree(gzipSync(noisy), 'noisy');
    agree(gzipSync(new Uint8Array()), 'empty');
    agree(new Uint8Array([...gzipSync(Buffer.from('hello ')), ...gzipSync(noisy)]), 'two members');
  });

  test('cut and corrupted files fail as node:zlib fails them', () => {
    const gz = readFileSync(join(fixtures, 'go-heap-leaky-end.pb.gz'));
    for (let cut = 0; cut < gz.length; cut += Math.floor(gz.length / 41)) {
      agree(gz.subarray(0, cut), `cut at ${cut}`);
    }
    for (let i = 0; i < 120; i++) {
      const bad = new Uint8Array(gz);
      const at = 10 + ((i * 104729) % (bad.length - 10));
      bad[at] = bad[at]! ^ (1 << (i % 8));
      agree(bad, `bit ${i % 8} flipped at ${at}`);
    }
  });

  test('stops at the size limit', () => {
    const from = file(gzipSync(new Uint8Array(3 << 20)));
    expect(() => gunzipFile(from, `${from}.out`, 1 << 20)).toThrow(
      expect.objectContaining({ name: 'GunzipError', tooLarge: true }),
    );
  });
});
