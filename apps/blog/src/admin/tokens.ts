// Session tokens (random 256 bits, stored only as SHA-256) and the CSRF token derived from them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What storage keeps of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The synchroniser token of a session: an HMAC keyed by the session token, which only the cookie's
 * holder and the server see. Tied to the session (a new login gets a new one) without a column.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('pugo-admin-csrf').digest('base64url');
}

/** Compares two strings in constant time (for equal lengths; lengths are not secret). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
