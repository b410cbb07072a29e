// decodeProfile: profile.proto bytes (gzipped or plain) into the model, checked (pprof's Parse).
import { fail, ProfileError } from '../errors.js';
import type { Profile, Sample } from '../profile/model.js';
import { checkValid } from '../profile/validate.js';
import { decodeSample } from './decode-sample.js';
import { DEFAULT_MAX_DECODED, gunzip, isGzip } from './gunzip.js';
import { ProfileTables } from './profile-tables.js';
import { ProtoReader } from './proto-reader.js';

/** Options of {@link decodeProfile}. */
export interface DecodeOptions {
  /** Where the bytes came from, for error messages. Default: 'profile'. */
  source?: string;
  /** Largest decompressed size accepted, in bytes. Default: 1 GiB. */
  maxDecodedBytes?: number;
}

/**
 * Decodes a profile, gzipped or not (detected by its magic number), and validates it.
 * Throws a {@link ProfileError} (`PUGO_ERR_PROFILE_*`) on anything that is not a valid profile.
 */
export function decodeProfile(data: Uint8Array, options: DecodeOptions = {}): Profile {
  const source = options.source ?? 'profile';
  try {
    let bytes = data;
    if (data.length === 0) {
      fail(
        'PUGO_ERR_PROFILE_EMPTY',
        `decoding ${source} failed: the input is empty; pass a profile.proto file`,
      );
    }
    if (isGzip(data)) bytes = gunzip(data, source, options.maxDecodedBytes ?? DEFAULT_MAX_DECODED);
    if (bytes.length === 0) {
      fail(
        'PUGO_ERR_PROFILE_EMPTY',
        `decoding ${source} failed: the profile is empty; pass a profile.proto file`,
      );
    }
    const profile = parse(bytes);
    checkValid(profile, source, true);
    return profile;
  } catch (error) {
    throw decodeError(error, source);
  }
}

/** Any failure while decoding `source` as a coded error naming it (a bug of ours included). */
export function decodeError(error: unknown, source: string): ProfileError {
  if (error instanceof ProfileError) {
    if (error.message.startsWith('decoding the profile ')) {
      return new ProfileError(
        error.code,
        error.message.replace(/^decoding the profile/, `decoding ${source}`),
      );
    }
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProfileError('PUGO_ERR_PROFILE_DECODE', `decoding ${source} failed: ${message}`, {
    cause: error,
  });
}

function parse(buf: Uint8Array): Profile {
  const r = new ProtoReader(buf);
  const tables = new ProfileTables();
  // Samples are read once the locations and strings are known (they usually come first).
  const sampleRanges: number[] = [];
  for (let field = r.next(); field !== 0; field = r.next()) {
    if (field === 2) sampleRanges.push(...r.range());
    else tables.add(field, r);
  }
  const t = tables.resolve();
  const samples: Sample[] = new Array(sampleRanges.length / 2);
  for (let i = 0; i < sampleRanges.length; i += 2) {
    const sr = new ProtoReader(buf, sampleRanges[i], sampleRanges[i + 1]);
    samples[i / 2] = decodeSample(sr, t.str, t.locationById);
  }
  return { ...t.header, sample: samples };
}
