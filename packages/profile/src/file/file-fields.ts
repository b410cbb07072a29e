// Reads the top-level fields of a profile.proto file in order, a window at a time, never the whole file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ProtoReader } from '../proto/proto-reader.js';

/** Bytes read per system call; a field larger than this grows the window to fit it. */
const WINDOW = 1 << 18;
/** The window of the last pass, reused by the next (passes run one at a time, synchronously). */
let spare: Uint8Array | undefined;

/**
 * One top-level field, valid only during the visit (the window moves after it). The same object
 * is handed to every visit, so a pass over a million fields allocates nothing per field.
 */
export class FieldCursor {
  /** Field number (0 when the header itself is malformed; `reader()` then reports it). */
  field = 0;
  /** Whether the field is length-delimited and wholly in the window: `payloadStart..End` hold it. */
  delimited = false;
  buf: Uint8Array = new Uint8Array(0);
  /** File offset of `buf[0]`, for error messages. */
  base = 0;
  start = 0;
  end = 0;
  payloadStart = 0;
  payloadEnd = 0;

  /** A reader over the field on which `next()` has returned the field number: read or skip it. */
  reader(): ProtoReader {
    const r = new ProtoReader(this.buf, this.start, this.end, this.base);
    r.next();
    return r;
  }
}

/**
 * Calls `visit` for each top-level field of the file at `path`, in order. Memory is one window
 * (256 KiB, or the largest field). A truncated field at the end is visited with `delimited` false,
 * so that reading it through `reader()` throws the same PUGO_ERR_PROFILE_DECODE as decoding the
 * bytes in memory would, with the file offset.
 */
export function forEachField(path: string, visit: (f: FieldCursor) => void): void {
  const fd = openSync(path, 'r');
  let buf = spare ?? new Uint8Array(WINDOW);
  spare = undefined;
  try {
    const size = fstatSync(fd).size;
    const c = new FieldCursor();
    let start = 0; // window offset of the next field
    let len = 0; // bytes of the window holding data
    let base = 0; // file offset of buf[0]
    let eof = false;
    for (;;) {
      let end = start < len ? fieldEnd(buf, start, len, c) : -1;
      while (end < 0 && !eof) {
        // Keep the partial field, then read more, growing the window if the field needs it.
        const partial = len - start;
        const need = start < len ? fieldSize(buf, start, len) : 0;
        // A field declared longer than the rest of the file is truncated: the reader says so.
        if (need > size - (base + start)) break;
        if (need > buf.length) {
          const bigger = new Uint8Array(need);
          bigger.set(buf.subarray(start, len));
          buf = bigger;
        } else if (start > 0) buf.copyWithin(0, start, len);
        base += start;
        start = 0;
        len = partial;
        const n = readSync(fd, buf, len, buf.length - len, null);
        if (n === 0) eof = true;
        len += n;
        end = start < len ? fieldEnd(buf, start, len, c) : -1;
      }
      if (start >= len) return;
      c.buf = buf;
      c.base = base;
      c.start = start;
      c.end = end < 0 ? len : end;
      if (end < 0) c.delimited = false;
      visit(c);
      if (end < 0) return;
      start = end;
    }
  } finally {
    closeSync(fd);
    // A pass inside another's visit (not done today) would simply allocate its own window.
    if (buf.length === WINDOW) spare = buf;
  }
}

/** The varint at `pos`, with the position after it in `varintEnd`; -1 if it runs past `len`. */
let varintEnd = 0;
function varintAt(buf: Uint8Array, pos: number, len: number): number {
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= len) return -1;
    const b = buf[pos++]!;
    result += (b & 0x7f) * mul;
    if (b < 0x80) {
      varintEnd = pos;
      return result;
    }
    mul *= 128;
  }
  // Over-long: let the reader report it.
  varintEnd = pos;
  return 0;
}

/**
 * Where the field at `start` ends, or -1 when the window does not hold all of it yet; fills the
 * cursor's field number and payload. A malformed header (unknown wire type, over-long varint)
 * ends at the window's end, for the reader to reject.
 */
function fieldEnd(buf: Uint8Array, start: number, len: number, c: FieldCursor): number {
  const key = varintAt(buf, start, len);
  if (key < 0) return -1;
  const pos = varintEnd;
  c.field = Math.floor(key / 8);
  c.delimited = false;
  switch (key % 8) {
    case 0:
      return varintAt(buf, pos, len) < 0 ? -1 : varintEnd;
    case 1:
      return pos + 8 <= len ? pos + 8 : -1;
    case 5:
      return pos + 4 <= len ? pos + 4 : -1;
    case 2: {
      const l = varintAt(buf, pos, len);
      if (l < 0) return -1;
      const end = varintEnd + l;
      if (end > len) return -1;
      c.delimited = true;
      c.payloadStart = varintEnd;
      c.payloadEnd = end;
      return end;
    }
    default:
      return len;
  }
}

/** Bytes the field at `start` needs in all (header and body), as far as its header is known. */
function fieldSize(buf: Uint8Array, start: number, len: number): number {
  const key = varintAt(buf, start, len);
  if (key < 0 || key % 8 !== 2) return 0;
  const l = varintAt(buf, varintEnd, len);
  return l < 0 ? 0 : varintEnd - start + l;
}
