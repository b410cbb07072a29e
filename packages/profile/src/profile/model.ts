// The in-memory profile model: profile.proto with ids resolved to references, as google/pprof has it.

/** A sample or period type, e.g. `{ type: 'inuse_space', unit: 'bytes' }`. */
export interface ValueType {
  type: string;
  unit: string;
}

/** A function symbol. `id` is unique within a profile and never 0. */
export interface ProfileFunction {
  id: number;
  name: string;
  systemName: string;
  filename: string;
  startLine: number;
}

/** One frame of a location: a function and the line in it (0 when unknown). */
export interface Line {
  function: ProfileFunction;
  line: number;
}

/** A mapped binary or library. */
export interface Mapping {
  id: number;
  start: number;
  limit: number;
  offset: number;
  file: string;
  buildId: string;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

/**
 * A program counter and its frames, innermost (inlined) first, as in profile.proto.
 * Addresses are JavaScript numbers: exact up to 2^53, which covers user-space addresses.
 */
export interface Location {
  id: number;
  mapping: Mapping | undefined;
  address: number;
  line: Line[];
  isFolded: boolean;
}

/** Shared by every sample without labels; replaced, never mutated, when labels are set. */
export const NO_LABELS: Record<string, never> = Object.freeze({}) as Record<string, never>;

/**
 * One stack (leaf first) with a value per sample type and its labels. Label records may be
 * shared (frozen) between samples: assign a new record rather than mutating one.
 */
export interface Sample {
  location: Location[];
  value: number[];
  label: Record<string, string[]>;
  numLabel: Record<string, number[]>;
  numUnit: Record<string, string[]>;
}

/** A decoded, validated profile. */
export interface Profile {
  sampleType: ValueType[];
  defaultSampleType: string;
  sample: Sample[];
  mapping: Mapping[];
  location: Location[];
  function: ProfileFunction[];
  comments: string[];
  dropFrames: string;
  keepFrames: string;
  timeNanos: number;
  durationNanos: number;
  periodType: ValueType;
  period: number;
}
