// The two cookie helpers the admin needs: read the Cookie header, write one Set-Cookie value.

/** Cookies by name from a Cookie header (the first of a repeated name wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {}
  }
  return cookies;
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. Default: a session cookie */
  readonly maxAge?: number;
  /** Default: '/admin' */
  readonly path?: string;
  /** Only over https. Default: false */
  readonly secure?: boolean;
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/admin'}`];
  if (options.maxAge !== undefined)
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  parts.push('HttpOnly', 'SameSite=Lax');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
