// A per-key sliding-window limit with an optional lockout, bounded so that it can never grow without end.

export interface RateLimitOptions {
  /** Events allowed per window. */
  readonly limit: number;
  /** Window length in ms. Default: 10 minutes */
  readonly windowMs?: number;
  /**
   * When set, the event that reaches `limit` locks the key for this many ms (whatever the window
   * says) and its count starts over. Default: none (a key waits until its oldest event leaves the window)
   */
  readonly lockMs?: number;
  /** Keys tracked at most; the least recently counted is forgotten beyond it. Default: 10,000 */
  readonly maxKeys?: number;
  /** Clock, for tests. Default: Date.now */
  readonly now?: () => number;
}

interface Entry {
  /** Times of the events still in the window, oldest first. */
  hits: number[];
  /** Until when the key is locked (lockMs only); 0 when it is not. */
  lockedUntil: number;
}

/** Counts events per key in a sliding window: the comment limit per IP, the sign-in throttling. */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #lockMs: number | undefined;
  readonly #maxKeys: number;
  readonly #now: () => number;
  // Insertion order = age order: Map iteration gives the oldest key first for eviction.
  readonly #entries = new Map<string, Entry>();

  constructor(options: RateLimitOptions) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs ?? 10 * 60_000;
    this.#lockMs = options.lockMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Records an event for `key` if the key is under its limit. Returns 0 when allowed, else the
   * seconds until the next event would be.
   */
  take(key: string): number {
    const waitMs = this.retryAfterMs(key);
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    this.hit(key);
    return 0;
  }

  /** Milliseconds until `key` may have an event again; 0 when it may now. Records nothing. */
  retryAfterMs(key: string): number {
    const entry = this.#entries.get(key);
    if (entry === undefined) return 0;
    const now = this.#now();
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    const recent = entry.hits.filter((t) => now - t < this.#windowMs);
    if (recent.length < this.#limit) return 0;
    return (recent[recent.length - this.#limit] ?? now) + this.#windowMs - now;
  }

  /** Records an event for `key` whatever its count (a failure that happened); may lock the key. */
  hit(key: string): void {
    const now = this.#now();
    const entry = this.#entries.get(key) ?? { hits: [], lockedUntil: 0 };
    this.#entries.delete(key); // re-inserted last: the map's order is least recently counted first
    entry.hits = entry.hits.filter((t) => now - t < this.#windowMs);
    entry.hits.push(now);
    if (this.#lockMs !== undefined && entry.hits.length >= this.#limit) {
      entry.lockedUntil = now + this.#lockMs;
      entry.hits = [];
    }
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets `key`: its events and any lock. */
  reset(key: string): void {
    this.#entries.delete(key);
  }

  /** Keys tracked now (for /debug/pprof/metrics). */
  get size(): number {
    return this.#entries.size;
  }
}
