// How much of each page a leak keeps: its first 8 KB, tags stripped (a few kB of text).

/**
 * Characters of the rendered page a leaking scenario copies per request (or per tango slot). The
 * copy is made by `replace`, so it is a fresh string in the leak's own function, not a slice that
 * would pin the whole page (and name the template engine as the allocation site). 8 KB keeps the
 * leaks realistic — kilobytes per request, not the 60 kB of a feed — while staying far above the
 * soak's noise.
 */
export const KEPT_CHARS = 8_192;
