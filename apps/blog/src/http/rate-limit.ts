// A per-key sliding-window limit (comments per IP), bounded so that it can never grow without end.

export interface RateLimitOptions {
  /** Events allowed per window. */
  readonly limit: number;
  /** Window length in ms. Default: 10 minutes */
  readonly windowMs?: number;
  /** Keys tracked at most; the oldest is forgotten beyond it. Default: 10,000 */
  readonly maxKeys?: number;
  /** Clock, for tests. Default: Date.now */
  readonly now?: () => number;
}

/** Counts events per key in a sliding window. */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  // Insertion order = age order: Map iteration gives the oldest key first for eviction.
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimitOptions) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs ?? 10 * 60_000;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Records an event for `key` if the key is under its limit. Returns 0 when allowed, else the
   * seconds until the next event would be.
   */
  take(key: string): number {
    const now = this.#now();
    const since = now - this.#windowMs;
    const recent = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
    }
    recent.push(now);
    this.#hits.delete(key);
    this.#hits.set(key, recent);
    while (this.#hits.size > this.#maxKeys) {
      const oldest = this.#hits.keys().next().value as string;
      this.#hits.delete(oldest);
    }
    return 0;
  }

  /** Keys tracked now (for /debug/pprof/metrics). */
  get size(): number {
    return this.#hits.size;
  }
}
