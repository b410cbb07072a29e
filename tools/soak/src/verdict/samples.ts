// One metrics reading of the target, taken after a forced full GC, and the phases of a soak.

/** Where in the soak a sample was taken. */
export type Phase = 'baseline' | 'warmup' | 'load' | 'drain' | 'final';

/** One post-GC reading. Sizes in bytes. */
export interface Sample {
  readonly phase: Phase;
  /** Seconds since the load started (negative before it). */
  readonly t: number;
  /** Answers received by then. */
  readonly requests: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rss: number;
  /** How long the target's forced GC took, in ms. */
  readonly gcMs: number;
}

/** The memory series a trend is computed for. */
export type Metric = 'heapUsed' | 'external' | 'arrayBuffers' | 'rss';

/** The series the verdict judges (RSS is reported, not judged: allocator and OS noise). */
export const judgedMetrics: readonly Metric[] = ['heapUsed', 'external', 'arrayBuffers'];

/** Every series a report shows. */
export const allMetrics: readonly Metric[] = ['heapUsed', 'external', 'arrayBuffers', 'rss'];
