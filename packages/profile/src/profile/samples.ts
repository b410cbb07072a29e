// Samples as reports read them: an array in memory, or a stream decoded afresh on every pass.
import type { Profile, Sample } from './model.js';

/**
 * A sequence of samples read again on every pass (`forEach`), for a profile too large to hold:
 * a file-backed stream decodes them from disk each time. `filter` and `map` are therefore lazy,
 * and a change a transform makes to a sample is made again on each pass, never kept. A pass may
 * be handed the same sample object each time, refilled: keep what you need, not the sample.
 */
export class SampleStream {
  readonly #source: (visit: (s: Sample) => void) => void;

  constructor(source: (visit: (s: Sample) => void) => void) {
    this.#source = source;
  }

  /** One pass over the samples. */
  forEach(visit: (s: Sample) => void): void {
    this.#source(visit);
  }

  /** The samples `keep` accepts, lazily. */
  filter(keep: (s: Sample) => boolean): SampleStream {
    return new SampleStream((visit) =>
      this.#source((s) => {
        if (keep(s)) visit(s);
      }),
    );
  }

  /** Each sample through `change` (which may modify and return it), lazily. */
  map(change: (s: Sample) => Sample): SampleStream {
    return new SampleStream((visit) => this.#source((s) => visit(change(s))));
  }
}

/** Samples in memory or streamed. */
export type Samples = Sample[] | SampleStream;

/** A profile whose samples may be streamed: what the report pipeline reads. */
export interface ReportProfile extends Omit<Profile, 'sample'> {
  sample: Samples;
}

/** One pass over samples in memory or streamed. */
export function forEachSample(samples: Samples, visit: (s: Sample) => void): void {
  if (Array.isArray(samples)) for (const s of samples) visit(s);
  else samples.forEach(visit);
}

/** The samples `keep` accepts: a new array in memory, a lazy stream when streamed. */
export function filterSamples<T extends Samples>(samples: T, keep: (s: Sample) => boolean): T {
  return (Array.isArray(samples) ? samples.filter(keep) : samples.filter(keep)) as T;
}

/**
 * Each sample through `change`, which may modify the sample and returns the one to keep: in place
 * for an array, lazily for a stream.
 */
export function mapSamples<T extends Samples>(samples: T, change: (s: Sample) => Sample): T {
  if (!Array.isArray(samples)) return samples.map(change) as T;
  for (let i = 0; i < samples.length; i++) samples[i] = change(samples[i]!);
  return samples;
}

/** Whether the samples are read from a stream rather than held in memory. */
export function isStreamed(samples: Samples): samples is SampleStream {
  return samples instanceof SampleStream;
}
