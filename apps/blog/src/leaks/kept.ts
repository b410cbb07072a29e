// How much of each page a leak keeps: its first 8 KB, tags stripped (a few kB of text).

/**
 * Characters of the rendered page a leaking scenario keeps per request (or per tango slot). The
 * copy goes through a Buffer so that it owns its characters: a `slice` or a regex `replace` result
 * can keep the whole page alive (measured: 177 kB held per 5 kB kept on a 73 kB page), which would
 * make every leak as big as the page and name the template engine as the allocation site. 8 KB
 * keeps the leaks realistic — kilobytes per request — and far above the soak's noise.
 */
export const KEPT_CHARS = 8_192;
