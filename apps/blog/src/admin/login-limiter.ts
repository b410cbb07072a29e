// Login throttling: failed sign-ins per account and per IP on the rate limiter; too many lock it for a while.
import { RateLimiter } from '../http/rate-limit.js';

export interface LoginLimiterOptions {
  /** Failures for one account before it is locked. Default: 5 */
  readonly maxPerAccount?: number;
  /** Failures from one IP (any accounts) before it is locked. Default: 20 */
  readonly maxPerIp?: number;
  /** How long failures are remembered, in ms. Default: 15 minutes */
  readonly windowMs?: number;
  /** How long a lockout lasts, in ms. Default: 15 minutes */
  readonly lockMs?: number;
  /**
   * Keys kept at most, accounts and IPs together (half each; the least recently failed is dropped
   * first), so a flood cannot grow memory without end. Default: 10,000
   */
  readonly maxKeys?: number;
  /** Clock. Default: Date.now */
  readonly now?: () => number;
}

/** Two rate limiters that lock: one keyed by account, one by IP. */
export class LoginLimiter {
  readonly #accounts: RateLimiter;
  readonly #ips: RateLimiter;

  constructor(options: LoginLimiterOptions = {}) {
    const shared = {
      windowMs: options.windowMs ?? 15 * 60_000,
      lockMs: options.lockMs ?? 15 * 60_000,
      maxKeys: Math.ceil((options.maxKeys ?? 10_000) / 2),
      now: options.now ?? Date.now,
    };
    this.#accounts = new RateLimiter({ ...shared, limit: options.maxPerAccount ?? 5 });
    this.#ips = new RateLimiter({ ...shared, limit: options.maxPerIp ?? 20 });
  }

  /** Milliseconds until the account or the IP may try again, or 0 when neither is locked. */
  lockedFor(account: string, ip: string): number {
    return Math.max(this.#accounts.retryAfterMs(account), this.#ips.retryAfterMs(ip));
  }

  /** Records a failed attempt for both keys. */
  fail(account: string, ip: string): void {
    this.#accounts.hit(account);
    this.#ips.hit(ip);
  }

  /** A successful login clears the account's failures (the IP's stay: it may be guessing others). */
  succeed(account: string): void {
    this.#accounts.reset(account);
  }

  /** Keys held (for the stats). */
  get size(): number {
    return this.#accounts.size + this.#ips.size;
  }
}
