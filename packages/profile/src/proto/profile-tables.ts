// Builds the model's tables from a profile's top-level fields: strings, mappings, functions, locations.
import { malformed } from '../errors.js';
import type { Location, Mapping, Profile, ProfileFunction } from '../profile/model.js';
import {
  type RawFunction,
  type RawLocation,
  type RawMapping,
  type RawValueType,
  readFunction,
  readLocation,
  readMapping,
  readValueType,
} from './messages.js';
import type { ProtoReader } from './proto-reader.js';

const utf8 = new TextDecoder('utf-8');

/** Everything of a profile but its samples, with the string table to read samples by. */
export interface ResolvedTables {
  readonly header: Omit<Profile, 'sample'>;
  readonly str: (i: number) => string;
  readonly locationById: ReadonlyMap<number, Location>;
}

/**
 * Gathers the top-level fields other than samples (field 2), in any order, then resolves string
 * indexes and ids into references. Samples are read apart: in memory after the tables, or from
 * the file on each pass of a streamed profile.
 */
export class ProfileTables {
  readonly #strings: string[] = [];
  readonly #sampleTypes: RawValueType[] = [];
  readonly #mappings: RawMapping[] = [];
  readonly #locations: RawLocation[] = [];
  readonly #functions: RawFunction[] = [];
  readonly #comments: number[] = [];
  #dropFrames = 0;
  #keepFrames = 0;
  #timeNanos = 0;
  #durationNanos = 0;
  #periodType: RawValueType = [0, 0];
  #period = 0;
  #defaultSampleType = 0;

  /** Reads one top-level field (not a sample) whose number `r.next()` just returned. */
  add(field: number, r: ProtoReader): void {
    switch (field) {
      case 1:
        this.#sampleTypes.push(readValueType(r.message()));
        break;
      case 3:
        this.#mappings.push(readMapping(r.message()));
        break;
      case 4:
        this.#locations.push(readLocation(r.message()));
        break;
      case 5:
        this.#functions.push(readFunction(r.message()));
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
        this.#periodType = readValueType(r.message());
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
    if (strings.length > 0 && strings[0] !== '') malformed('string_table[0] must be ""');
    const str = (i: number): string => {
      const s = strings[i];
      if (s === undefined) {
        if (i === 0 && strings.length === 0) return '';
        return malformed(
          `string index ${i} is outside the string table (${strings.length} entries)`,
        );
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
          malformed(`location ${loc.id} has a line with unknown function ${functionId}`);
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
