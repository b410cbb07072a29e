// Test helpers: fetch an endpoint, decode a gzipped pprof body, sum a function's values, wait.
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { expect } from 'vitest';

export interface Fetched {
  status: number;
  headers: Headers;
  body: Buffer;
  text: string;
}

/** GET `url` without following redirects; the whole body as bytes and text. */
export async function get(url: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: body.toString('utf8') };
}

/** Gunzips and decodes a profile.proto body. */
export function decodeProfile(body: Buffer): Profile {
  expect(body[0]).toBe(0x1f);
  expect(body[1]).toBe(0x8b);
  return Profile.decode(gunzipSync(body));
}

/** `type/unit` of each sample type, e.g. `inuse_space/bytes`. */
export function sampleTypes(profile: Profile): string[] {
  const s = profile.stringTable.strings;
  return profile.sampleType.map((t) => `${s[Number(t.type)]}/${s[Number(t.unit)]}`);
}

/** Names of every function in the profile. */
export function functionNames(profile: Profile): string[] {
  return profile.function.map((f) => profile.stringTable.strings[Number(f.name)] ?? '');
}

/**
 * Sum of sample type `type` over the samples whose stack includes a function named `name`
 * (each sample counted once).
 */
export function valueFor(profile: Profile, name: string, type: string): number {
  const s = profile.stringTable.strings;
  const index = profile.sampleType.findIndex((t) => s[Number(t.type)] === type);
  expect(index).toBeGreaterThanOrEqual(0);
  const fnIds = new Set(
    profile.function.filter((f) => s[Number(f.name)] === name).map((f) => Number(f.id)),
  );
  const locIds = new Set(
    profile.location
      .filter((l) => l.line.some((line) => fnIds.has(Number(line.functionId))))
      .map((l) => Number(l.id)),
  );
  let total = 0;
  for (const sample of profile.sample) {
    if (sample.locationId.some((id) => locIds.has(Number(id)))) {
      total += signed(sample.value[index] ?? 0);
    }
  }
  return total;
}

/** Resolves once `check()` is true, polling every 10 ms; rejects after `limitMs`. */
export async function until(check: () => boolean, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What `promise` resolves to, or `'still pending'` if it has not settled within `limitMs`. */
export async function settlesWithin<T>(
  promise: Promise<T>,
  limitMs: number,
): Promise<T | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'still pending'>((resolve) => {
    timer = setTimeout(() => resolve('still pending'), limitMs);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** A decoded int64: pprof-format returns negative values (delta profiles) as unsigned BigInts. */
export function signed(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : value;
}
