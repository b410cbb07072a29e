// Decodes profile.proto bytes (gzipped or plain) into the model, resolving ids to references.
import { gunzipSync } from 'node:zlib';
import { fail, ProfileError } from '../errors.js';
import type { Location, Mapping, Profile, ProfileFunction, Sample } from './model.js';
import { ProtoReader } from './proto-reader.js';
import { checkValid } from './validate.js';

/** Options of {@link decodeProfile}. */
export interface DecodeOptions {
  /** Where the bytes came from, for error messages. Default: 'profile'. */
  source?: string;
  /** Largest decompressed size accepted, in bytes. Default: 1 GiB. */
  maxDecodedBytes?: number;
}

export const DEFAULT_MAX_DECODED = 1024 ** 3;
const utf8 = new TextDecoder('utf-8');

interface RawLabel {
  key: number;
  str: number;
  num: number;
  unit: number;
}
/** Shared by every sample without labels; replaced, never mutated, when labels are set. */
export const NO_LABELS: Record<string, never> = Object.freeze({}) as Record<string, never>;
interface RawLocation {
  loc: Location;
  mappingId: number;
  lines: Array<[number, number]>;
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
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

function gunzip(data: Uint8Array, source: string, max: number): Uint8Array {
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

/** Locations by id: a Map, or an {@link IdTable}. */
export interface LocationLookup {
  get(id: number): Location | undefined;
}

/** Everything of a profile but its samples, with the string table to read samples by. */
export interface ResolvedTables {
  readonly header: Omit<Profile, 'sample'>;
  readonly str: (i: number) => string;
  readonly locationById: ReadonlyMap<number, Location>;
}

/** Gathers the top-level fields other than samples (field 2), in any order, then resolves ids. */
export class ProfileTables {
  readonly #strings: string[] = [];
  readonly #sampleTypes: Array<[number, number]> = [];
  readonly #mappings: Array<{ m: Mapping; file: number; buildId: number }> = [];
  readonly #locations: RawLocation[] = [];
  readonly #functions: Array<{
    f: ProfileFunction;
    name: number;
    systemName: number;
    filename: number;
  }> = [];
  readonly #comments: number[] = [];
  #dropFrames = 0;
  #keepFrames = 0;
  #timeNanos = 0;
  #durationNanos = 0;
  #periodType: [number, number] = [0, 0];
  #period = 0;
  #defaultSampleType = 0;

  /** Reads one top-level field (not a sample) whose number `r.next()` just returned. */
  add(field: number, r: ProtoReader): void {
    switch (field) {
      case 1:
        this.#sampleTypes.push(valueType(r.message()));
        break;
      case 3:
        this.#mappings.push(mapping(r.message()));
        break;
      case 4:
        this.#locations.push(location(r.message()));
        break;
      case 5:
        this.#functions.push(func(r.message()));
        break;
      case 6:
        this.#strings.push(utf8.decode(r.raw()));
        break;
      case 7:
        this.#dropFrames = r.scalar();
        break;
      case 8:
        this.#keepFrames = r.scalar();
        break;
      case 9:
        this.#timeNanos = r.scalar();
        break;
      case 10:
        this.#durationNanos = r.scalar();
        break;
      case 11:
        this.#periodType = valueType(r.message());
        break;
      case 12:
        this.#period = r.scalar();
        break;
      case 13:
        r.repeated(this.#comments);
        break;
      case 14:
        this.#defaultSampleType = r.scalar();
        break;
      default:
        r.skip();
    }
  }

  /** Resolves string indexes and ids into references; throws PUGO_ERR_PROFILE_INVALID. */
  resolve(): ResolvedTables {
    const strings = this.#strings;
    if (strings.length > 0 && strings[0] !== '') invalid('string_table[0] must be ""');
    const str = (i: number): string => {
      const s = strings[i];
      if (s === undefined) {
        if (i === 0 && strings.length === 0) return '';
        return invalid(`string index ${i} is outside the string table (${strings.length} entries)`);
      }
      return s;
    };
    const mappingById = new Map<number, Mapping>();
    for (const { m, file, buildId } of this.#mappings) {
      m.file = str(file);
      m.buildId = str(buildId);
      mappingById.set(m.id, m);
    }
    const functionById = new Map<number, ProfileFunction>();
    for (const { f, name, systemName, filename } of this.#functions) {
      f.name = str(name);
      f.systemName = str(systemName);
      f.filename = str(filename);
      functionById.set(f.id, f);
    }
    const locationById = new Map<number, Location>();
    for (const { loc, mappingId, lines } of this.#locations) {
      loc.mapping = mappingById.get(mappingId);
      // Sized exactly: a pushed-to empty array reserves 17 slots, 20k locations' worth of waste.
      loc.line = lines.map(([functionId, line]) => {
        const fn = functionById.get(functionId);
        if (fn === undefined)
          invalid(`location ${loc.id} has a line with unknown function ${functionId}`);
        return { function: fn, line };
      });
      locationById.set(loc.id, loc);
    }
    const [periodType, periodUnit] = this.#periodType;
    const header: Omit<Profile, 'sample'> = {
      sampleType: this.#sampleTypes.map(([t, u]) => ({ type: str(t), unit: str(u) })),
      defaultSampleType: str(this.#defaultSampleType),
      mapping: this.#mappings.map((x) => x.m),
      location: this.#locations.map((x) => x.loc),
      function: this.#functions.map((x) => x.f),
      comments: this.#comments.map(str),
      dropFrames: str(this.#dropFrames),
      keepFrames: str(this.#keepFrames),
      timeNanos: this.#timeNanos,
      durationNanos: this.#durationNanos,
      periodType: { type: str(periodType), unit: str(periodUnit) },
      period: this.#period,
    };
    return { header, str, locationById };
  }
}

/**
 * What the passes of a streamed profile refill for each sample instead of allocating: one sample
 * object, the raw ids and values, and a location array per stack depth (a JS array whose length
 * changes reallocates its storage; one per depth never does).
 */
export interface SampleScratch {
  readonly sample: Sample;
  ids: Float64Array;
  values: Float64Array;
  readonly locationsByDepth: Location[][];
  readonly valuesByCount: number[][];
}

/** A scratch for {@link decodeSample} and the plain-sample decoder. */
export function sampleScratch(): SampleScratch {
  const sample = {
    location: [],
    value: [],
    label: NO_LABELS,
    numLabel: NO_LABELS,
    numUnit: NO_LABELS,
  };
  return {
    sample,
    ids: new Float64Array(64),
    values: new Float64Array(8),
    locationsByDepth: [],
    valuesByCount: [],
  };
}

/**
 * One sample message, its location ids resolved; throws PUGO_ERR_PROFILE_INVALID. With `into`,
 * the sample returned is the scratch's, overwritten by the next call.
 */
export function decodeSample(
  r: ProtoReader,
  str: (i: number) => string,
  locationById: LocationLookup,
  into?: SampleScratch,
): Sample {
  const locationIds: number[] = [];
  const value: number[] = [];
  let labels: RawLabel[] | undefined;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) r.repeated(locationIds);
    else if (f === 2) r.repeated(value);
    else if (f === 3) {
      labels = labels ?? [];
      labels.push(label(r.message()));
    } else r.skip();
  }
  const location = new Array<Location>(locationIds.length);
  for (let i = 0; i < locationIds.length; i++) {
    const id = locationIds[i]!;
    const loc = locationById.get(id);
    if (loc === undefined) return invalid(`a sample refers to unknown location ${id}`);
    location[i] = loc;
  }
  let s: Sample;
  if (into === undefined) {
    s = { location, value, label: NO_LABELS, numLabel: NO_LABELS, numUnit: NO_LABELS };
  } else {
    s = into.sample;
    s.location = location;
    s.value = value;
    s.label = NO_LABELS;
    s.numLabel = NO_LABELS;
    s.numUnit = NO_LABELS;
  }
  if (labels === undefined) return s;
  const strLabels: Record<string, string[]> = {};
  const numLabels: Record<string, number[]> = {};
  const numUnits: Record<string, string[]> = {};
  for (const l of labels) {
    const key = str(l.key);
    if (l.str !== 0) {
      const values = strLabels[key] ?? [];
      values.push(str(l.str));
      strLabels[key] = values;
    } else if (l.num !== 0 || l.unit !== 0) {
      const nums = numLabels[key] ?? [];
      numLabels[key] = nums;
      if (l.unit !== 0) {
        const units = numUnits[key] ?? [];
        numUnits[key] = units;
        while (units.length < nums.length) units.push('');
        units.push(str(l.unit));
      }
      nums.push(l.num);
    }
  }
  for (const [key, units] of Object.entries(numUnits)) {
    const n = numLabels[key]?.length ?? 0;
    while (units.length < n) units.push('');
  }
  if (Object.keys(strLabels).length > 0) s.label = strLabels;
  if (Object.keys(numLabels).length > 0) {
    s.numLabel = numLabels;
    s.numUnit = numUnits;
  }
  return s;
}

function valueType(r: ProtoReader): [number, number] {
  let type = 0;
  let unit = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) type = r.scalar();
    else if (f === 2) unit = r.scalar();
    else r.skip();
  }
  return [type, unit];
}

function label(r: ProtoReader): RawLabel {
  const l: RawLabel = { key: 0, str: 0, num: 0, unit: 0 };
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) l.key = r.scalar();
    else if (f === 2) l.str = r.scalar();
    else if (f === 3) l.num = r.scalar();
    else if (f === 4) l.unit = r.scalar();
    else r.skip();
  }
  return l;
}

function mapping(r: ProtoReader): { m: Mapping; file: number; buildId: number } {
  const m: Mapping = {
    id: 0,
    start: 0,
    limit: 0,
    offset: 0,
    file: '',
    buildId: '',
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  };
  let file = 0;
  let buildId = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    switch (f) {
      case 1:
        m.id = r.scalar();
        break;
      case 2:
        m.start = r.scalar();
        break;
      case 3:
        m.limit = r.scalar();
        break;
      case 4:
        m.offset = r.scalar();
        break;
      case 5:
        file = r.scalar();
        break;
      case 6:
        buildId = r.scalar();
        break;
      case 7:
        m.hasFunctions = r.bool();
        break;
      case 8:
        m.hasFilenames = r.bool();
        break;
      case 9:
        m.hasLineNumbers = r.bool();
        break;
      case 10:
        m.hasInlineFrames = r.bool();
        break;
      default:
        r.skip();
    }
  }
  return { m, file, buildId };
}

function location(r: ProtoReader): RawLocation {
  const loc: Location = { id: 0, mapping: undefined, address: 0, line: [], isFolded: false };
  const raw: RawLocation = { loc, mappingId: 0, lines: [] };
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) loc.id = r.scalar();
    else if (f === 2) raw.mappingId = r.scalar();
    else if (f === 3) loc.address = r.scalar();
    else if (f === 4) raw.lines.push(line(r.message()));
    else if (f === 5) loc.isFolded = r.bool();
    else r.skip();
  }
  return raw;
}

function line(r: ProtoReader): [number, number] {
  let functionId = 0;
  let lineNo = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) functionId = r.scalar();
    else if (f === 2) lineNo = r.scalar();
    else r.skip();
  }
  return [functionId, lineNo];
}

function func(r: ProtoReader): {
  f: ProfileFunction;
  name: number;
  systemName: number;
  filename: number;
} {
  const fn: ProfileFunction = { id: 0, name: '', systemName: '', filename: '', startLine: 0 };
  let name = 0;
  let systemName = 0;
  let filename = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) fn.id = r.scalar();
    else if (f === 2) name = r.scalar();
    else if (f === 3) systemName = r.scalar();
    else if (f === 4) filename = r.scalar();
    else if (f === 5) fn.startLine = r.scalar();
    else r.skip();
  }
  return { f: fn, name, systemName, filename };
}

function invalid(what: string): never {
  return fail(
    'PUGO_ERR_PROFILE_INVALID',
    `decoding the profile failed: malformed profile: ${what}`,
  );
}
