// A strict protobuf wire-format reader: bounds-checked varints and length-delimited fields.
// Hand-written: pprof-format's decoder reads keys as one byte and mishandles negative int64.
import { ProfileError } from '../errors.js';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

/** Reads one message's fields in order; every read past the end throws a ProfileError. */
export class ProtoReader {
  readonly #buf: Uint8Array;
  #pos: number;
  readonly #end: number;
  /** Offset of `buf` in the whole input, so errors name the byte of the file. */
  readonly #base: number;
  /** Wire type of the field read last by {@link next}. */
  wireType = 0;

  constructor(buf: Uint8Array, start = 0, end = buf.length, base = 0) {
    this.#buf = buf;
    this.#pos = start;
    this.#end = end;
    this.#base = base;
  }

  /** The bytes this reader reads from (all of them, not only its range), and their file offset. */
  get buffer(): Uint8Array {
    return this.#buf;
  }

  get base(): number {
    return this.#base;
  }

  /** The next field number, or 0 at the end of the message. */
  next(): number {
    if (this.#pos >= this.#end) return 0;
    const key = this.varint();
    const field = Math.floor(key / 8);
    this.wireType = key % 8;
    if (field === 0) this.#bad('field number 0');
    return field;
  }

  /** An unsigned varint as a number (exact up to 2^53). */
  varint(): number {
    const buf = this.#buf;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.#pos >= this.#end) this.#bad('truncated varint');
      const b = buf[this.#pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    return this.#bad('varint longer than 10 bytes');
  }

  /** A varint read as a signed 64-bit integer (int64 fields: negatives use 10 bytes). */
  int64(): number {
    const start = this.#pos;
    const v = this.varint();
    if (v < 2 ** 63) return v;
    // Two's complement: re-read exactly as bigint to keep small negatives exact.
    let big = 0n;
    let shift = 0n;
    for (let p = start; p < this.#pos; p++) {
      big |= BigInt(this.#buf[p]! & 0x7f) << shift;
      shift += 7n;
    }
    return Number(BigInt.asIntN(64, big));
  }

  /** Bounds of a length-delimited field's payload, and skips past it. */
  bytes(): [number, number] {
    const len = this.varint();
    const start = this.#pos;
    if (len > this.#end - start) this.#bad('length-delimited field runs past the end');
    this.#pos = start + len;
    return [start, start + len];
  }

  /** Reads a repeated scalar field, packed or not, into `out` (int64 semantics). */
  repeated(out: number[]): void {
    if (this.wireType === WIRE_BYTES) {
      const [start, end] = this.bytes();
      const inner = new ProtoReader(this.#buf, start, end, this.#base);
      while (!inner.atEnd()) out.push(inner.int64());
    } else if (this.wireType === WIRE_VARINT) {
      out.push(this.int64());
    } else {
      this.#bad(`wire type ${this.wireType} for a repeated integer`);
    }
  }

  /** A scalar integer field, checking its wire type. */
  scalar(): number {
    if (this.wireType !== WIRE_VARINT) this.#bad(`wire type ${this.wireType} for an integer`);
    return this.int64();
  }

  /** A bool field. */
  bool(): boolean {
    return this.scalar() !== 0;
  }

  /** A sub-message's reader. */
  message(): ProtoReader {
    if (this.wireType !== WIRE_BYTES) this.#bad(`wire type ${this.wireType} for a message`);
    const [start, end] = this.bytes();
    return new ProtoReader(this.#buf, start, end, this.#base);
  }

  /** A sub-message's bounds, to read it later with `new ProtoReader(buf, start, end)`. */
  range(): [number, number] {
    if (this.wireType !== WIRE_BYTES) this.#bad(`wire type ${this.wireType} for a message`);
    return this.bytes();
  }

  /** A length-delimited field's raw bytes (a view, not a copy). */
  raw(): Uint8Array {
    if (this.wireType !== WIRE_BYTES) this.#bad(`wire type ${this.wireType} for bytes`);
    const [start, end] = this.bytes();
    return this.#buf.subarray(start, end);
  }

  /** Skips a field of the current wire type (unknown fields are allowed, as in proto3). */
  skip(): void {
    switch (this.wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.#advance(8);
        return;
      case WIRE_BYTES:
        this.bytes();
        return;
      case WIRE_FIXED32:
        this.#advance(4);
        return;
      default:
        this.#bad(`unsupported wire type ${this.wireType}`);
    }
  }

  atEnd(): boolean {
    return this.#pos >= this.#end;
  }

  #advance(n: number): void {
    if (this.#end - this.#pos < n) this.#bad('truncated fixed-width field');
    this.#pos += n;
  }

  #bad(what: string): never {
    throw new ProfileError(
      'PUGO_ERR_PROFILE_DECODE',
      `decoding the profile failed: ${what} at byte ${this.#base + this.#pos}; pass an uncorrupted profile.proto file (gzipped or not)`,
    );
  }
}
