// The per-IP comment limiter: a sliding window, and a bound on the keys it remembers.
import { expect, it } from 'vitest';
import { RateLimiter } from '../src/http/rate-limit.js';

it('allows `limit` events per window, then says how long to wait', () => {
  let now = 0;
  const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
  expect(limiter.take('a')).toBe(0);
  now = 10_000;
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBe(50);
  expect(limiter.take('b')).toBe(0);
  now = 60_001;
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBe(10);
});

it('never remembers more than maxKeys keys, forgetting the oldest first', () => {
  let now = 0;
  const limiter = new RateLimiter({ limit: 1, maxKeys: 100, now: () => now });
  for (let i = 0; i < 10_000; i++) {
    now = i;
    limiter.take(`10.0.${i >> 8}.${i & 255}`);
  }
  expect(limiter.size).toBe(100);
  // The newest key is still limited; the oldest was forgotten and may post again.
  expect(limiter.take('10.0.39.15')).toBeGreaterThan(0);
  expect(limiter.take('10.0.0.0')).toBe(0);
});
