// Number formatting that reproduces Go's fmt verbs (%.2f with round-half-even, %.2g, padding).
// Hand-written: JavaScript's toFixed rounds ties away from zero and has no %g, so digits would differ from pprof's.

/** Go's `%.{digits}f`: exact ties round half to even, as strconv does. */
export function goFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let out = ax.toFixed(digits);
  const precise = ax.toFixed(Math.min(100, digits + 30));
  const dot = precise.indexOf('.');
  const tail = precise.slice(dot + 1 + digits);
  if (/^50*$/.test(tail)) {
    // An exact tie: JavaScript rounds away from zero, Go to even.
    const head = digits === 0 ? precise.slice(0, dot) : precise.slice(0, dot + 1 + digits);
    const last = Number(head[head.length - 1]);
    if (last % 2 === 0) out = head;
  }
  return neg ? `-${out}` : out;
}

/** Go's `%.{prec}g` for a non-negative or negative float: shortest form, no trailing zeros. */
export function goG(x: number, prec: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const p = Math.max(prec, 1);
  const exp = Number(
    Math.abs(x)
      .toExponential(p - 1)
      .split('e')[1],
  );
  if (exp < -4 || exp >= p) {
    const [mant = '', e = '0'] = x.toExponential(p - 1).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const en = Number(e);
    const es = `${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
    return `${m}e${es}`;
  }
  const s = goFixed(x, Math.max(0, p - 1 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Go's `%{width}s`: left-pads to width (counting characters, not bytes — Go counts runes). */
export function padLeft(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : ' '.repeat(width - len) + s;
}
