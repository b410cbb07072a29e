// Slugs from titles, Unicode-aware: "Héllo, 世界!" → "héllo-世界".

/** Longest slug produced, in characters. */
export const MAX_SLUG_LENGTH = 120;

/**
 * A URL slug from a title: NFKC-normalised, lower-cased; letters, marks and digits of any script are
 * kept and every other run becomes one `-`. Empty when nothing is left (the caller picks a fallback).
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut on a code point boundary, then drop a trailing dash the cut may leave.
  return Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
}

/**
 * Whether a slug from a URL can name a post, page or tag: what {@link slugify} can produce, or
 * an admin's hand-written slug of letters, digits, `-`, `_` and `.` (never `..`).
 */
export function isValidSlug(slug: string): boolean {
  return (
    slug.length > 0 &&
    slug.length <= 200 &&
    /^[\p{L}\p{M}\p{N}_.-]+$/u.test(slug) &&
    !slug.includes('..') &&
    !slug.startsWith('.')
  );
}
