// Access rules: constant-time bearer-token checks and loopback address tests.
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/**
 * Whether `header` is `Bearer <token>`. Both sides are hashed first so the comparison takes the
 * same time whatever the length or content of the guess.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  const given = match?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && match !== null;
}

/**
 * The loopback addresses. node:net's BlockList, not string tests, so that every spelling of an
 * address matches: `::1` as `0:0:0:0:0:0:0:1`, and IPv4-mapped IPv6 (`::ffff:127.0.0.1`).
 */
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Whether `address` is a loopback host: `localhost` (any case), an address in 127.0.0.0/8, `::1`,
 * or an IPv4-mapped 127.x.y.z; IPv6 with or without brackets. Host names other than localhost are
 * never loopback (no DNS lookup: `127.0.0.1.evil.com` is refused).
 */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const host = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 0) return false;
  return loopback.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
