// Login throttling: failures counted per account and per IP in a window; too many lock it for a while.

export interface LoginLimiterOptions {
  /** Failures for one account before it is locked. Default: 5 */
  readonly maxPerAccount?: number;
  /** Failures from one IP (any accounts) before it is locked. Default: 20 */
  readonly maxPerIp?: number;
  /** How long failures are remembered, in ms. Default: 15 minutes */
  readonly windowMs?: number;
  /** How long a lockout lasts, in ms. Default: 15 minutes */
  readonly lockMs?: number;
  /** Keys kept at most (oldest dropped first), so a flood cannot grow memory without end. Default: 10,000 */
  readonly maxKeys?: number;
  /** Clock. Default: Date.now */
  readonly now?: () => number;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

/** Counts failures for `account:` and `ip:` keys. */
export class LoginLimiter {
  readonly #entries = new Map<string, Entry>();
  readonly #maxPerAccount: number;
  readonly #maxPerIp: number;
  readonly #windowMs: number;
  readonly #lockMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: LoginLimiterOptions = {}) {
    this.#maxPerAccount = options.maxPerAccount ?? 5;
    this.#maxPerIp = options.maxPerIp ?? 20;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#lockMs = options.lockMs ?? 15 * 60_000;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Milliseconds until the account or the IP may try again, or 0 when neither is locked. */
  lockedFor(account: string, ip: string): number {
    const now = this.#now();
    const until = Math.max(
      this.#entries.get(`account:${account}`)?.lockedUntil ?? 0,
      this.#entries.get(`ip:${ip}`)?.lockedUntil ?? 0,
    );
    return Math.max(0, until - now);
  }

  /** Records a failed attempt for both keys. */
  fail(account: string, ip: string): void {
    this.#fail(`account:${account}`, this.#maxPerAccount);
    this.#fail(`ip:${ip}`, this.#maxPerIp);
  }

  /** A successful login clears the account's failures (the IP's stay: it may be guessing others). */
  succeed(account: string): void {
    this.#entries.delete(`account:${account}`);
  }

  /** Keys held (for the stats). */
  get size(): number {
    return this.#entries.size;
  }

  #fail(key: string, max: number): void {
    const now = this.#now();
    const entry = this.#entries.get(key) ?? { failures: [], lockedUntil: 0 };
    this.#entries.delete(key); // re-insert: the map's order is least recently failed first
    entry.failures = entry.failures.filter((t) => now - t < this.#windowMs);
    entry.failures.push(now);
    if (entry.failures.length >= max) {
      entry.lockedUntil = now + this.#lockMs;
      entry.failures = [];
    }
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
