// pprof's dotColor: grey for small scores, red for growth, green for shrinkage, in HSV.

/**
 * The colour of a score in [-1, 1] (a share of the total): -1 green, 0 grey, 1 red. `background`
 * gives the light fill colour, otherwise the dark line colour.
 */
export function dotColor(score: number, background: boolean): string {
  const shift = 0.7;
  let saturation = background ? 0.1 : 1.0;
  const value = background ? 0.93 : 0.7;
  let s = Math.max(-1.0, Math.min(1.0, score));
  if (Math.abs(s) < 0.2) saturation *= Math.abs(s) / 0.2;
  if (s > 0.0) s = s ** (1.0 - shift);
  if (s < 0.0) s = -((-s) ** (1.0 - shift));
  let r: number;
  let g: number;
  if (s < 0.0) {
    g = value;
    r = value * (1 + saturation * s);
  } else {
    r = value;
    g = value * (1 - saturation * s);
  }
  const b = value * (1 - saturation);
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

// Go's uint8(x*255.0): truncation; NaN (a zero total) prints as 00 as it does on amd64.
function hex(x: number): string {
  const v = Number.isNaN(x) ? 0 : Math.trunc(x * 255.0) & 0xff;
  return v.toString(16).padStart(2, '0');
}
