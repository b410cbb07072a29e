// The rate limiter (comments per IP, sign-ins): a sliding window, lockouts, a bound on the keys it remembers.
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../src/admin/login-limiter.js';
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

it('with lockMs, the event that reaches the limit locks the key for lockMs, then counting starts over', () => {
  let now = 0;
  const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, lockMs: 300_000, now: () => now });
  limiter.hit('k');
  limiter.hit('k');
  expect(limiter.retryAfterMs('k')).toBe(0);
  now = 1_000;
  limiter.hit('k');
  expect(limiter.retryAfterMs('k')).toBe(300_000);
  expect(limiter.take('k')).toBe(300);
  now = 301_000;
  expect(limiter.retryAfterMs('k')).toBe(0);
  limiter.hit('k');
  limiter.hit('k');
  expect(limiter.retryAfterMs('k')).toBe(0);
  limiter.reset('k');
  expect(limiter.size).toBe(0);
});

it('forgets events older than the window before counting toward a lock', () => {
  let now = 0;
  const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, lockMs: 300_000, now: () => now });
  limiter.hit('k');
  now = 60_000;
  limiter.hit('k');
  expect(limiter.retryAfterMs('k')).toBe(0);
  now = 60_001;
  limiter.hit('k');
  expect(limiter.retryAfterMs('k')).toBe(300_000);
});

describe('LoginLimiter', () => {
  it('locks an account for 15 minutes at its 5th failure in 15 minutes (the defaults)', () => {
    let now = 0;
    const limiter = new LoginLimiter({ now: () => now });
    for (let i = 0; i < 4; i++) limiter.fail('ada@example.com', `10.0.0.${i}`);
    expect(limiter.lockedFor('ada@example.com', '10.9.9.9')).toBe(0);
    now = 14 * 60_000;
    limiter.fail('ada@example.com', '10.0.0.9');
    expect(limiter.lockedFor('ada@example.com', '10.9.9.9')).toBe(15 * 60_000);
    expect(limiter.lockedFor('bob@example.com', '10.0.0.9')).toBe(0);
    now += 15 * 60_000;
    expect(limiter.lockedFor('ada@example.com', '10.9.9.9')).toBe(0);
  });

  it('does not lock when the failures are spread wider than 15 minutes', () => {
    let now = 0;
    const limiter = new LoginLimiter({ now: () => now });
    for (let i = 0; i < 4; i++) limiter.fail('ada@example.com', '10.0.0.1');
    now = 15 * 60_000;
    limiter.fail('ada@example.com', '10.0.0.1');
    expect(limiter.lockedFor('ada@example.com', '10.0.0.1')).toBe(0);
  });

  it('locks an IP at its 20th failure whatever the accounts, and a success clears only the account', () => {
    let now = 0;
    const limiter = new LoginLimiter({ now: () => now });
    for (let i = 0; i < 19; i++) limiter.fail(`user${i}@example.com`, '10.0.0.1');
    limiter.fail('ada@example.com', '10.0.0.1');
    limiter.fail('ada@example.com', '10.0.0.2');
    expect(limiter.lockedFor('someone@example.com', '10.0.0.1')).toBe(15 * 60_000);
    limiter.succeed('ada@example.com');
    now = 1;
    expect(limiter.lockedFor('ada@example.com', '10.0.0.2')).toBe(0);
    expect(limiter.lockedFor('ada@example.com', '10.0.0.1')).toBe(15 * 60_000 - 1);
    for (let i = 0; i < 4; i++) limiter.fail('ada@example.com', '10.0.0.2');
    expect(limiter.lockedFor('ada@example.com', '10.0.0.2')).toBe(0);
  });

  it('keeps at most maxKeys keys, accounts and IPs together', () => {
    const limiter = new LoginLimiter({ maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.fail(`u${i}@example.com`, `10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(100);
  });
});
