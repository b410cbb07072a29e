// Which slugs in a URL can name a post, page or tag. The slug rule itself is @pugo/storage's
// `slugify` (tags are slugged there), so that one rule makes every URL.

/**
 * Whether a slug from a URL can name a post, page or tag: what `slugify` can produce, or an
 * admin's hand-written slug of letters, digits, `-`, `_` and `.` (never `..`).
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
