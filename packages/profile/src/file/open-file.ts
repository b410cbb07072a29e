// Opens a profile file for streaming: its tables in memory, its samples decoded from disk on each pass.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, malformed, ProfileError } from '../errors.js';
import { IdTable } from '../profile/id-table.js';
import type { Location, Profile, Sample } from '../profile/model.js';
import { type ReportProfile, SampleStream } from '../profile/samples.js';
import { checkValid } from '../profile/validate.js';
import { type DecodeOptions, decodeError } from '../proto/decode.js';
import { decodeSample, sampleScratch } from '../proto/decode-sample.js';
import { DEFAULT_MAX_DECODED, gzipFailure, isGzip } from '../proto/gunzip.js';
import { ProfileTables, type ResolvedTables } from '../proto/profile-tables.js';
import { ProtoReader } from '../proto/proto-reader.js';
import { forEachField } from './file-fields.js';
import { GunzipError, gunzipFile } from './gunzip-file.js';
import { decodePlainSample } from './plain-sample.js';

/**
 * A profile whose samples stay on disk: every iteration of `sample` decodes them from the file
 * again, so memory holds the tables (locations, functions, strings) and one window of the file,
 * not a million sample objects. Reports accept it as they accept a {@link Profile}.
 */
export interface StreamedProfile extends ReportProfile {
  /** The samples, decoded from the file again on each pass (new objects each time). */
  sample: SampleStream;
  /** How many samples the file holds (all were decoded and checked when it was opened). */
  readonly sampleCount: number;
  /** Whether a sample value is negative (a difference saved by pprof): reports then load it. */
  readonly hasNegativeValues: boolean;
  /** Ids of the locations that samples with a non-zero value use, in order of first use. */
  readonly usedLocationIds: readonly number[];
  /**
   * The samples, resolved against other location objects with the same ids (copies of the
   * tables). With `reuse` (the default), each sample is the same object refilled: a pass must not
   * keep a sample, its `location` or its `value` past the next one (a transform may replace them).
   */
  samplesWith(locationById: ReadonlyMap<number, Location>, reuse?: boolean): SampleStream;
  /** The whole profile in memory, exactly as {@link decodeProfile} returns it. */
  load(): Profile;
  /** Removes the decompressed temporary copy, if one was made; the samples cannot be read after. */
  close(): Promise<void>;
}

/** Options of {@link openProfileFile}. */
export interface OpenFileOptions extends DecodeOptions {
  /** Folder for the decompressed copy of a gzipped file. Default: the OS temporary folder. */
  tmpDir?: string;
}

/**
 * Opens the profile file at `path` (gzipped or not) for streaming. A gzipped file is decompressed
 * to a temporary file first, in fixed buffers; every sample is decoded and checked once, so a bad
 * profile fails here, with the same coded errors as {@link decodeProfile}. Call `close()` after.
 */
export async function openProfileFile(
  path: string,
  options: OpenFileOptions = {},
): Promise<StreamedProfile> {
  const source = options.source ?? path;
  let tmp: string | undefined;
  const cleanup = async () => {
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
    tmp = undefined;
  };
  try {
    const head = await readHead(path);
    if (head.length === 0) {
      fail(
        'PUGO_ERR_PROFILE_EMPTY',
        `decoding ${source} failed: the input is empty; pass a profile.proto file`,
      );
    }
    let plain = path;
    if (isGzip(head)) {
      tmp = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'pugo-profile-'));
      plain = join(tmp, 'profile.pb');
      const size = gunzipTo(path, plain, source, options.maxDecodedBytes);
      if (size === 0) {
        fail(
          'PUGO_ERR_PROFILE_EMPTY',
          `decoding ${source} failed: the profile is empty; pass a profile.proto file`,
        );
      }
    }
    return scan(plain, source, cleanup);
  } catch (error) {
    await cleanup();
    throw decodeError(error, source);
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Decompresses `from` into `to`, refusing more than `max` bytes; returns the size. */
function gunzipTo(from: string, to: string, source: string, max = DEFAULT_MAX_DECODED): number {
  try {
    return gunzipFile(from, to, max);
  } catch (error) {
    return gzipFailure(source, max, error instanceof GunzipError && error.tooLarge, error);
  }
}

/**
 * The tables of the file, resolved. A function of its own so that the builder, raw records and
 * all, is garbage once it returns: a closure over it in `scan` would keep it as long as the profile.
 */
function readTables(path: string): ResolvedTables {
  const tables = new ProfileTables();
  forEachField(path, (c) => {
    // Whole samples are read in the next passes; a truncated one is read here, to be reported.
    if (c.field !== 2 || !c.delimited) tables.add(c.field, c.reader());
  });
  const t = tables.resolve();
  checkValid({ ...t.header, sample: [] }, 'the profile', true);
  return t;
}

function scan(path: string, source: string, close: () => Promise<void>): StreamedProfile {
  const t = readTables(path);

  /** One pass; with `reuse`, one sample object is refilled for every sample. */
  const decodeSamples = (
    locations: IdTable<Location>,
    reuse: boolean,
    visit: (s: Sample) => void,
  ): void => {
    const scratch = reuse ? sampleScratch() : undefined;
    forEachField(path, (c) => {
      if (c.field !== 2) return;
      const { buf, payloadStart: start, payloadEnd: end } = c;
      if (scratch !== undefined && decodePlainSample(buf, start, end, locations, scratch)) {
        visit(scratch.sample);
      } else {
        visit(decodeSample(new ProtoReader(buf, start, end, c.base), t.str, locations, scratch));
      }
    });
  };
  const samplesWith = (locationById: ReadonlyMap<number, Location>, reuse = true): SampleStream => {
    const locations = new IdTable(locationById); // once, not per pass
    return new SampleStream((visit) => {
      try {
        decodeSamples(locations, reuse, visit);
      } catch (error) {
        // The file changed since it was opened (it was checked then): name it.
        throw error instanceof ProfileError ? decodeError(error, source) : error;
      }
    });
  };
  const own = new IdTable(t.locationById);

  const n = t.header.sampleType.length;
  let count = 0;
  let hasNegativeValues = false;
  const usedLocationIds: number[] = [];
  const firstUse = firstUseTracker(t.header.location);
  decodeSamples(own, true, (s) => {
    count++;
    if (n === 0) malformed('missing sample type information');
    if (s.value.length !== n) malformed(`sample has ${s.value.length} values vs. ${n} types`);
    let zero = true;
    for (const v of s.value) {
      if (v !== 0) zero = false;
      if (v < 0) hasNegativeValues = true;
    }
    if (zero) return;
    for (const l of s.location) {
      if (firstUse(l.id)) usedLocationIds.push(l.id);
    }
  });

  return {
    ...t.header,
    sample: samplesWith(t.locationById, false),
    sampleCount: count,
    hasNegativeValues,
    usedLocationIds,
    samplesWith,
    load(): Profile {
      const sample: Sample[] = [];
      decodeSamples(own, false, (s) => sample.push(s));
      return { ...t.header, sample };
    },
    close,
  };
}

/** A function true the first time it sees an id: a byte per id when ids are dense, else a Set. */
function firstUseTracker(locations: readonly Location[]): (id: number) => boolean {
  let max = 0;
  for (const l of locations) if (l.id > max) max = l.id;
  if (max <= 4 * locations.length + 1024) {
    const seen = new Uint8Array(max + 1);
    return (id) => {
      if (seen[id] === 1) return false;
      seen[id] = 1;
      return true;
    };
  }
  const seen = new Set<number>();
  return (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
