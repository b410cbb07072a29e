// Decodes profile.proto bytes (gzipped or plain) into the model, resolving ids to references.
import { gunzipSync } from 'node:zlib';
import { fail, ProfileError } from '../errors.js';
import type { Location, Mapping, Profile, ProfileFunction, Sample, ValueType } from './model.js';
import { ProtoReader } from './proto-reader.js';
import { checkValid } from './validate.js';

/** Options of {@link decodeProfile}. */
export interface DecodeOptions {
  /** Where the bytes came from, for error messages. Default: 'profile'. */
  source?: string;
  /** Largest decompressed size accepted, in bytes. Default: 1 GiB. */
  maxDecodedBytes?: number;
}

const DEFAULT_MAX_DECODED = 1024 ** 3;
const utf8 = new TextDecoder('utf-8');

interface RawLabel {
  key: number;
  str: number;
  num: number;
  unit: number;
}
/** Shared by every sample without labels; replaced, never mutated, when labels are set. */
const NO_LABELS: Record<string, never> = Object.freeze({}) as Record<string, never>;
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
    if (error instanceof ProfileError) {
      if (error.message.startsWith('decoding the profile ')) {
        throw new ProfileError(
          error.code,
          error.message.replace(/^decoding the profile/, `decoding ${source}`),
        );
      }
      throw error;
    }
    // A bug of ours must still reach the caller as a coded, one-line error.
    const message = error instanceof Error ? error.message : String(error);
    throw new ProfileError('PUGO_ERR_PROFILE_DECODE', `decoding ${source} failed: ${message}`, {
      cause: error,
    });
  }
}

function gunzip(data: Uint8Array, source: string, max: number): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: max });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
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
}

function parse(buf: Uint8Array): Profile {
  const r = new ProtoReader(buf);
  const strings: string[] = [];
  const sampleTypes: Array<[number, number]> = [];
  // Samples are read in a second pass, once locations and strings are known: no copy of each.
  const sampleRanges: number[] = [];
  const mappings: Array<{ m: Mapping; file: number; buildId: number }> = [];
  const rawLocations: RawLocation[] = [];
  const functions: Array<{
    f: ProfileFunction;
    name: number;
    systemName: number;
    filename: number;
  }> = [];
  const comments: number[] = [];
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0;
  let durationNanos = 0;
  let periodType: [number, number] = [0, 0];
  let period = 0;
  let defaultSampleType = 0;
  for (let field = r.next(); field !== 0; field = r.next()) {
    switch (field) {
      case 1:
        sampleTypes.push(valueType(r.message()));
        break;
      case 2:
        sampleRanges.push(...r.range());
        break;
      case 3:
        mappings.push(mapping(r.message()));
        break;
      case 4:
        rawLocations.push(location(r.message()));
        break;
      case 5:
        functions.push(func(r.message()));
        break;
      case 6:
        strings.push(utf8.decode(r.raw()));
        break;
      case 7:
        dropFrames = r.scalar();
        break;
      case 8:
        keepFrames = r.scalar();
        break;
      case 9:
        timeNanos = r.scalar();
        break;
      case 10:
        durationNanos = r.scalar();
        break;
      case 11:
        periodType = valueType(r.message());
        break;
      case 12:
        period = r.scalar();
        break;
      case 13:
        r.repeated(comments);
        break;
      case 14:
        defaultSampleType = r.scalar();
        break;
      default:
        r.skip();
    }
  }
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
  for (const { m, file, buildId } of mappings) {
    m.file = str(file);
    m.buildId = str(buildId);
    mappingById.set(m.id, m);
  }
  const functionById = new Map<number, ProfileFunction>();
  for (const { f, name, systemName, filename } of functions) {
    f.name = str(name);
    f.systemName = str(systemName);
    f.filename = str(filename);
    functionById.set(f.id, f);
  }
  const locationById = new Map<number, Location>();
  for (const { loc, mappingId, lines } of rawLocations) {
    loc.mapping = mappingById.get(mappingId);
    for (const [functionId, line] of lines) {
      const fn = functionById.get(functionId);
      if (fn === undefined)
        invalid(`location ${loc.id} has a line with unknown function ${functionId}`);
      loc.line.push({ function: fn, line });
    }
    locationById.set(loc.id, loc);
  }
  const samples: Sample[] = new Array(sampleRanges.length / 2);
  for (let i = 0; i < sampleRanges.length; i += 2) {
    const sr = new ProtoReader(buf, sampleRanges[i], sampleRanges[i + 1]);
    samples[i / 2] = sample(sr, str, locationById);
  }
  const valueTypes: ValueType[] = sampleTypes.map(([t, u]) => ({ type: str(t), unit: str(u) }));
  return {
    sampleType: valueTypes,
    defaultSampleType: str(defaultSampleType),
    sample: samples,
    mapping: mappings.map((x) => x.m),
    location: rawLocations.map((x) => x.loc),
    function: functions.map((x) => x.f),
    comments: comments.map(str),
    dropFrames: str(dropFrames),
    keepFrames: str(keepFrames),
    timeNanos,
    durationNanos,
    periodType: { type: str(periodType[0]), unit: str(periodType[1]) },
    period,
  };
}

function sample(
  r: ProtoReader,
  str: (i: number) => string,
  locationById: Map<number, Location>,
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
  const location = locationIds.map((id) => {
    const loc = locationById.get(id);
    if (loc === undefined) return invalid(`a sample refers to unknown location ${id}`);
    return loc;
  });
  const s: Sample = { location, value, label: NO_LABELS, numLabel: NO_LABELS, numUnit: NO_LABELS };
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
