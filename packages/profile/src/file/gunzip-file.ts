// Decompresses a gzip file into another, synchronously, in fixed buffers: no memory per byte.
// Hand-written, not node:zlib: its streams left 15–20 MB of chunk garbage on a 50 MB profile.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import {
  CODE_LENGTH_ORDER,
  CRC_TABLE,
  DIST_BASE,
  DIST_EXTRA,
  FIXED_DIST,
  FIXED_LITLEN,
  type Huffman,
  huffman,
  LENGTH_BASE,
  LENGTH_EXTRA,
} from './gzip-tables.js';

/**
 * node:zlib's streams allocate a new buffer for every chunk in and out, and those wait for a
 * garbage collection that a program allocating little else does not trigger soon. This inflater
 * (RFC 1951, in gzip members of RFC 1952) reuses one input and one output buffer. Errors are plain
 * `Error`s with zlib-like messages.
 */
export class GunzipError extends Error {
  override readonly name = 'GunzipError';
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const IN_SIZE = 1 << 16;
const HISTORY = 1 << 15;
const OUT_SIZE = 1 << 18;

/**
 * Decompresses the gzip file `from` (one or more members) into `to`; returns the decompressed
 * size. Throws GunzipError on bad data, a bad checksum, a truncated file, or more than `max` bytes.
 */
export function gunzipFile(from: string, to: string, max: number): number {
  const input = openSync(from, 'r');
  let output: number | undefined;
  try {
    output = openSync(to, 'w');
    return new Inflater(input, output, max).run();
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
}

class Inflater {
  readonly #in = new Uint8Array(IN_SIZE);
  #inPos = 0;
  #inLen = 0;
  #eof = false;
  /** Zero bytes fed past the end of the input: reading any of them means a truncated file. */
  #padding = 0;
  #bitBuf = 0;
  #bitCnt = 0;
  readonly #out = new Uint8Array(OUT_SIZE);
  #outPos = 0;
  /** Bytes of #out not yet written (the history before it is kept for back-references). */
  #flushed = 0;
  #total = 0;
  #memberSize = 0;
  #crc = -1;
  /** Where in #out the CRC has got to. */
  #crcPos = 0;
  readonly #lengths = new Uint8Array(320);
  readonly #lenTable = new Int32Array(1 << 15);
  readonly #litlenTable = new Int32Array(1 << 15);
  readonly #distTable = new Int32Array(1 << 15);

  constructor(
    readonly input: number,
    readonly output: number,
    readonly max: number,
  ) {}

  run(): number {
    this.#member();
    for (;;) {
      // Another member may follow; anything else after a member is an error, as in Go.
      const b = this.#peekByte();
      if (b < 0) break;
      this.#member();
    }
    this.#flush();
    return this.#total;
  }

  #member(): void {
    if (this.#byte() !== 0x1f || this.#byte() !== 0x8b)
      throw new GunzipError('incorrect header check');
    if (this.#byte() !== 8) throw new GunzipError('unknown compression method');
    const flags = this.#byte();
    for (let i = 0; i < 6; i++) this.#byte(); // mtime, xfl, os
    if (flags & 4) {
      const len = this.#byte() | (this.#byte() << 8);
      for (let i = 0; i < len; i++) this.#byte();
    }
    if (flags & 8) while (this.#byte() !== 0);
    if (flags & 16) while (this.#byte() !== 0);
    if (flags & 2) {
      this.#byte();
      this.#byte();
    }
    this.#crc = -1;
    this.#memberSize = 0;
    let last = 0;
    do {
      last = this.#bits(1);
      const type = this.#bits(2);
      if (type === 0) this.#stored();
      else if (type === 1) this.#codes(FIXED_LITLEN, FIXED_DIST);
      else if (type === 2) this.#dynamic();
      else throw new GunzipError('invalid block type');
    } while (last === 0);
    this.#alignToByte();
    this.#checksum();
    const crc =
      (this.#byte() | (this.#byte() << 8) | (this.#byte() << 16) | (this.#byte() << 24)) >>> 0;
    const size =
      (this.#byte() | (this.#byte() << 8) | (this.#byte() << 16) | (this.#byte() << 24)) >>> 0;
    if (crc !== ~this.#crc >>> 0) throw new GunzipError('incorrect data check');
    if (size !== this.#memberSize % 2 ** 32) throw new GunzipError('incorrect length check');
  }

  #stored(): void {
    this.#alignToByte();
    const len = this.#byte() | (this.#byte() << 8);
    const nlen = this.#byte() | (this.#byte() << 8);
    if (len !== (~nlen & 0xffff)) throw new GunzipError('invalid stored block lengths');
    for (let i = 0; i < len; i++) this.#put(this.#byte());
  }

  #dynamic(): void {
    const nlen = this.#bits(5) + 257;
    const ndist = this.#bits(5) + 1;
    const ncode = this.#bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new GunzipError('too many length or distance symbols');
    const lengths = this.#lengths;
    lengths.fill(0);
    for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = this.#bits(3);
    const lencode = huffman(lengths, 19, this.#lenTable);
    if (lencode === undefined) throw new GunzipError('invalid code lengths set');
    lengths.fill(0);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = this.#symbol(lencode);
      if (sym < 16) lengths[i++] = sym;
      else {
        let repeat: number;
        let value = 0;
        if (sym === 16) {
          if (i === 0) throw new GunzipError('invalid bit length repeat');
          value = lengths[i - 1]!;
          repeat = 3 + this.#bits(2);
        } else if (sym === 17) repeat = 3 + this.#bits(3);
        else repeat = 11 + this.#bits(7);
        if (i + repeat > nlen + ndist) throw new GunzipError('invalid bit length repeat');
        while (repeat-- > 0) lengths[i++] = value;
      }
    }
    if (lengths[256] === 0) throw new GunzipError('invalid code -- missing end-of-block');
    const litlen = huffman(lengths, nlen, this.#litlenTable);
    const dist = huffman(lengths.subarray(nlen, nlen + ndist), ndist, this.#distTable);
    if (litlen === undefined) throw new GunzipError('invalid literal/lengths set');
    if (dist === undefined) throw new GunzipError('invalid distances set');
    this.#codes(litlen, dist);
  }

  #codes(litlen: Huffman, dist: Huffman): void {
    for (;;) {
      const sym = this.#symbol(litlen);
      if (sym < 256) {
        this.#put(sym);
        continue;
      }
      if (sym === 256) return;
      const li = sym - 257;
      if (li >= 29) throw new GunzipError('invalid literal/length code');
      const len = LENGTH_BASE[li]! + this.#bits(LENGTH_EXTRA[li]!);
      const di = this.#symbol(dist);
      if (di >= 30) throw new GunzipError('invalid distance code');
      const d = DIST_BASE[di]! + this.#bits(DIST_EXTRA[di]!);
      if (d > this.#memberSize) throw new GunzipError('invalid distance too far back');
      for (let i = 0; i < len; i++) {
        if (this.#outPos === OUT_SIZE) this.#rotate();
        const b = this.#out[this.#outPos - d]!;
        this.#out[this.#outPos++] = b;
        this.#memberSize++;
      }
    }
  }

  #symbol(h: Huffman): number {
    while (this.#bitCnt < h.bits) this.#feed();
    const entry = h.table[this.#bitBuf & ((1 << h.bits) - 1)]!;
    const len = entry & 15;
    if (len === 0) throw new GunzipError('invalid code');
    this.#bitBuf >>>= len;
    this.#bitCnt -= len;
    return entry >> 4;
  }

  #bits(n: number): number {
    while (this.#bitCnt < n) this.#feed();
    const v = this.#bitBuf & ((1 << n) - 1);
    this.#bitBuf >>>= n;
    this.#bitCnt -= n;
    return v;
  }

  /** Eight more bits into the bit buffer (zeros past the end, counted as padding). */
  #feed(): void {
    const b = this.#nextByte();
    this.#bitBuf |= b << this.#bitCnt;
    this.#bitCnt += 8;
  }

  /** A byte at a byte boundary (headers, trailers, stored blocks). */
  #byte(): number {
    const b = this.#nextByte();
    if (this.#padding > 0) throw new GunzipError('unexpected end of file');
    return b;
  }

  #nextByte(): number {
    if (this.#inPos === this.#inLen && !this.#refill()) {
      this.#padding++;
      // Deflate may look ahead at most 15 bits past the data it uses; more is a cut file.
      if (this.#padding > 4) throw new GunzipError('unexpected end of file');
      return 0;
    }
    return this.#in[this.#inPos++]!;
  }

  #peekByte(): number {
    if (this.#inPos === this.#inLen && !this.#refill()) return -1;
    return this.#in[this.#inPos]!;
  }

  /**
   * Drops the rest of the current byte and gives back the whole bytes the bit buffer read ahead
   * (at most three: a refill keeps the last four bytes of the previous read for this).
   */
  #alignToByte(): void {
    let whole = this.#bitCnt >> 3;
    const fake = Math.min(whole, this.#padding);
    this.#padding -= fake;
    whole -= fake;
    this.#inPos -= whole;
    this.#bitBuf = 0;
    this.#bitCnt = 0;
  }

  #refill(): boolean {
    if (this.#eof) return false;
    const keep = Math.min(4, this.#inLen);
    this.#in.copyWithin(0, this.#inLen - keep, this.#inLen);
    const n = readSync(this.input, this.#in, keep, IN_SIZE - keep, null);
    this.#inLen = keep + n;
    this.#inPos = keep;
    if (n === 0) this.#eof = true;
    return n > 0;
  }

  #put(b: number): void {
    if (this.#outPos === OUT_SIZE) this.#rotate();
    this.#out[this.#outPos++] = b;
    this.#memberSize++;
  }

  /** Writes what is pending and keeps the last 32 KiB as history at the start of the buffer. */
  #rotate(): void {
    this.#flush();
    this.#out.copyWithin(0, OUT_SIZE - HISTORY, OUT_SIZE);
    this.#outPos = HISTORY;
    this.#flushed = HISTORY;
    this.#crcPos = HISTORY;
  }

  #flush(): void {
    const n = this.#outPos - this.#flushed;
    if (n === 0) return;
    this.#checksum();
    this.#total += n;
    if (this.#total > this.max) throw new GunzipError('too large', true);
    let off = this.#flushed;
    while (off < this.#outPos) off += writeSync(this.output, this.#out, off, this.#outPos - off);
    this.#flushed = this.#outPos;
  }

  /** Folds the bytes since the last checksum into the member's CRC-32. */
  #checksum(): void {
    let c = this.#crc;
    const out = this.#out;
    for (let i = this.#crcPos; i < this.#outPos; i++) {
      c = CRC_TABLE[(c ^ out[i]!) & 0xff]! ^ (c >>> 8);
    }
    this.#crc = c;
    this.#crcPos = this.#outPos;
  }
}
