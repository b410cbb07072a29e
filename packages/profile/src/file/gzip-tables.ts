// The tables of gzip: deflate's length and distance codes, canonical Huffman lookup tables (RFC 1951), CRC-32 (RFC 1952).

export const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
export const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
export const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
export const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
export const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A Huffman code as a lookup table indexed by the next `bits` input bits: (symbol << 4) | length. */
export interface Huffman {
  table: Int32Array;
  bits: number;
}

/**
 * Builds the table of a canonical code from its code lengths into `into` (sized for 15 bits),
 * or a new one; undefined if the code is invalid.
 */
export function huffman(
  lengths: ArrayLike<number>,
  count: number,
  into?: Int32Array,
): Huffman | undefined {
  const perLength = new Int32Array(16);
  let max = 0;
  for (let i = 0; i < count; i++) {
    const l = lengths[i]!;
    perLength[l]!++;
    if (l > max) max = l;
  }
  perLength[0] = 0;
  // Over-subscribed codes are invalid; incomplete ones are allowed (zlib allows a single code).
  let left = 1;
  for (let l = 1; l <= 15; l++) {
    left = left * 2 - perLength[l]!;
    if (left < 0) return undefined;
  }
  const next = new Int32Array(16);
  for (let l = 1, code = 0; l <= 15; l++) {
    code = (code + perLength[l - 1]!) << 1;
    next[l] = code;
  }
  const bits = Math.max(max, 1);
  // 0: no code (length 0). Reused tables: one per role, refilled for every dynamic block.
  const table = into === undefined ? new Int32Array(1 << bits) : into.subarray(0, 1 << bits);
  table.fill(0);
  for (let sym = 0; sym < count; sym++) {
    const l = lengths[sym]!;
    if (l === 0) continue;
    const code = next[l]!++;
    let reversed = 0;
    for (let i = 0; i < l; i++) reversed |= ((code >> i) & 1) << (l - 1 - i);
    for (let i = reversed; i < table.length; i += 1 << l) table[i] = (sym << 4) | l;
  }
  return { table, bits };
}

/** The fixed literal/length code of RFC 1951 3.2.6. */
export const FIXED_LITLEN = huffman(
  Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)),
  288,
)!;
/** The fixed distance code. */
export const FIXED_DIST = huffman(new Array(30).fill(5), 30)!;

/** CRC-32 (IEEE) by byte, for the gzip trailer. */
export const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
