// Writes the protobuf wire format into one growing byte buffer, as google/pprof's proto.go does.

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
const utf8 = new TextEncoder();

/**
 * Fields are appended to a single `Uint8Array` that doubles when full. A message is written body
 * first; {@link endMessage} then appends its key and length and rotates them in front of the body
 * (pprof's encodeMessage), so nested messages need no buffer of their own.
 */
export class ProtoWriter {
  #buf: Uint8Array;
  #len = 0;

  /** `capacity`: the first buffer's size in bytes. Default: 64 KiB. */
  constructor(capacity = 64 * 1024) {
    this.#buf = new Uint8Array(Math.max(16, capacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#len;
  }

  /** An unsigned varint; a negative number is written as int64 (ten bytes, two's complement). */
  varint(value: number): void {
    this.#reserve(10);
    const buf = this.#buf;
    let pos = this.#len;
    let v = Math.trunc(value);
    if (v < 0) {
      let big = BigInt.asUintN(64, BigInt(v));
      while (big >= 0x80n) {
        buf[pos++] = Number(big & 0x7fn) | 0x80;
        big >>= 7n;
      }
      buf[pos++] = Number(big);
    } else {
      // Above 2^32 bit operators would truncate: divide instead.
      while (v > 0xffffffff) {
        buf[pos++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      while (v > 0x7f) {
        buf[pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buf[pos++] = v;
    }
    this.#len = pos;
  }

  /** An integer field, written even when 0 (pprof's encodeInt64). */
  int64(field: number, value: number): void {
    this.varint(field * 8 + WIRE_VARINT);
    this.varint(value);
  }

  /** An integer field, left out when 0 (pprof's encodeInt64Opt). */
  int64Opt(field: number, value: number): void {
    if (value !== 0) this.int64(field, value);
  }

  /** A bool field, left out when false. */
  boolOpt(field: number, value: boolean): void {
    if (value) this.int64(field, 1);
  }

  /** A repeated integer field: packed when it has more than two values, as pprof writes it. */
  int64s(field: number, values: ArrayLike<number>): void {
    const n = values.length;
    if (n > 2) {
      const start = this.beginMessage();
      for (let i = 0; i < n; i++) this.varint(values[i]!);
      this.endMessage(field, start);
      return;
    }
    for (let i = 0; i < n; i++) this.int64(field, values[i]!);
  }

  /** A string field (UTF-8). */
  string(field: number, value: string): void {
    const bytes = utf8.encode(value);
    this.varint(field * 8 + WIRE_BYTES);
    this.varint(bytes.length);
    this.#reserve(bytes.length);
    this.#buf.set(bytes, this.#len);
    this.#len += bytes.length;
  }

  /** Where the next message's body starts: pass it to {@link endMessage} once the body is written. */
  beginMessage(): number {
    return this.#len;
  }

  /** Puts the key and length of the body written since `start` in front of it. */
  endMessage(field: number, start: number): void {
    const bodyEnd = this.#len;
    this.varint(field * 8 + WIRE_BYTES);
    this.varint(bodyEnd - start);
    const header = this.#buf.slice(bodyEnd, this.#len); // at most 20 bytes
    this.#buf.copyWithin(start + header.length, start, bodyEnd);
    this.#buf.set(header, start);
  }

  /** The bytes written: a view of the writer's buffer, valid until the next write. */
  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }

  #reserve(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.#buf.subarray(0, this.#len));
    this.#buf = bigger;
  }
}
