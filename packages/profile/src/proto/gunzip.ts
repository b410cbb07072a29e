// Decompresses a gzipped profile held in memory, capped, and turns any failure into a coded error.
import { gunzipSync } from 'node:zlib';
import { fail } from '../errors.js';

/** Largest decompressed size accepted by default, in bytes: 1 GiB. */
export const DEFAULT_MAX_DECODED = 1024 ** 3;

/** True when the bytes start with the gzip magic number. */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * The decompressed bytes of `data`, at most `max` of them. node:zlib is right here: the input is
 * already in memory and one call makes one output buffer (streaming from a file uses our own
 * inflater, file/gunzip-file.ts, for the garbage node:zlib's streams leave).
 */
export function gunzip(data: Uint8Array, source: string, max: number): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: max });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return gzipFailure(source, max, tooLarge, error);
  }
}

/** A failed decompression as a coded error: more than `max` bytes, or bad gzip data. */
export function gzipFailure(source: string, max: number, tooLarge: boolean, error: unknown): never {
  if (tooLarge) {
    fail(
      'PUGO_ERR_PROFILE_TOO_LARGE',
      `decoding ${source} failed: it decompresses to more than ${max} bytes; raise maxDecodedBytes if it is genuine`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return fail(
    'PUGO_ERR_PROFILE_DECODE',
    `decoding ${source} failed: bad gzip data (${message}); pass an uncorrupted .pb.gz file`,
  );
}
