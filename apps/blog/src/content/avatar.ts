// Commenters' avatars: a Gravatar image (by SHA-256 of the email) or initials on a stable colour.
import { createHash } from 'node:crypto';

/** How avatars are shown. */
export type AvatarMode = 'gravatar' | 'initials';

/** An avatar a template can draw without further logic. */
export type Avatar =
  | { readonly kind: 'gravatar'; readonly url: string; readonly initials: string }
  | { readonly kind: 'initials'; readonly initials: string; readonly tone: number };

/** Colour classes `avatar-tone-0` … `avatar-tone-11` in the theme (a class, since CSP forbids inline styles). */
export const AVATAR_TONES = 12;

/** Gravatar's host, also allowed in the Content-Security-Policy when the mode is `gravatar`. */
export const GRAVATAR_ORIGIN = 'https://www.gravatar.com';

/** Up to two initials from a display name ("Ada Lovelace" → "AL", "李雷" → "李"), '?' when none. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words
    .map((w) => Array.from(w).find((ch) => /[\p{L}\p{N}]/u.test(ch)))
    .filter((ch): ch is string => ch !== undefined);
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toUpperCase() || '?';
}

/** The avatar for a commenter; the email is hashed, never shown. */
export function avatarFor(email: string, name: string, mode: AvatarMode, size = 64): Avatar {
  const normalized = email.trim().toLowerCase();
  const hash = createHash('sha256').update(normalized).digest('hex');
  if (mode === 'gravatar') {
    return {
      kind: 'gravatar',
      url: `${GRAVATAR_ORIGIN}/avatar/${hash}?s=${size}&d=identicon`,
      initials: initialsOf(name),
    };
  }
  const tone = Number.parseInt(hash.slice(0, 4), 16) % AVATAR_TONES;
  return { kind: 'initials', initials: initialsOf(name), tone };
}
