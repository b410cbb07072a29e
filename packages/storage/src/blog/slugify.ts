// The blog's slug rule: one function for post, page and tag slugs (tags are slugged in storage).

/** Longest slug {@link slugify} produces, in code points. */
export const MAX_SLUG_LENGTH = 120;

/**
 * A URL slug from a title or tag name, Unicode-aware. Letters, digits and combining marks of any
 * script are kept (NFKC-normalised, lower-cased: "Héllo, 世界!" → "héllo-世界"); English
 * contractions stay one word ("Don't leak" → "dont-leak"); every other run of characters (spaces,
 * punctuation, emoji) becomes one `-`, none at either end. At most {@link MAX_SLUG_LENGTH} code
 * points, cut between code points. Empty when nothing is left: the caller picks a fallback.
 * `slugify(slugify(x)) === slugify(x)`, so a slug can be checked with `slug === slugify(slug)`.
 *
 * This is the Pugo blog's rule, not a general one: pass your own slugs to the repositories if
 * your site wants another.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    // Emoji variation selectors and enclosing marks (keycaps) belong to symbols, which are dropped
    // below; without this "I ❤️ Node" would keep an invisible U+FE0F: "i-\uFE0F-node".
    .replace(/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Me}]/gu, '')
    // A combining mark is kept only on a letter or digit (a lone one at the start is noise).
    .replace(/(?<![\p{L}\p{N}\p{M}])\p{M}+/gu, '')
    // "don't", "it’s", "we'll": the apostrophe of a contraction goes, so the word stays whole.
    .replace(/(?<=[\p{L}\p{N}])['’](?=(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}\p{M}]))/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut on a code point boundary (a cut surrogate pair is not a valid URL), then drop a trailing
  // dash the cut may leave.
  return Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
}
