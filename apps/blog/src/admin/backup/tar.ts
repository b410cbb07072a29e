// A minimal ustar writer and reader: regular files only, which is all a Pugo backup holds.

/** One file in an archive. */
export interface TarEntry {
  /** Relative path with `/` separators, at most 100 bytes. */
  readonly name: string;
  readonly body: Buffer;
  /** Default: now */
  readonly mtime?: Date;
}

const BLOCK = 512;

/** The tar bytes (uncompressed) for `entries`. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (name.length > 100) throw new Error(`tar: name longer than 100 bytes: ${entry.name}`);
    const header = Buffer.alloc(BLOCK);
    name.copy(header, 0);
    octal(header, 100, 8, 0o644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, entry.body.length);
    octal(header, 136, 12, Math.floor((entry.mtime ?? new Date()).getTime() / 1000));
    header.fill(0x20, 148, 156); // checksum field counts as spaces while summing
    header.write('0', 156); // regular file
    header.write('ustar\u000000', 257, 'binary');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'binary');
    parts.push(header, entry.body, Buffer.alloc((BLOCK - (entry.body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** The regular files of a tar; throws on a corrupt header (bad checksum, truncated body). */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    if (sum !== parseOctal(header, 148, 8))
      throw new Error(`tar: bad header checksum at byte ${at}`);
    const name = cString(header, 0, 100);
    const prefix = cString(header, 345, 155);
    const size = parseOctal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = at + BLOCK;
    if (start + size > tar.length) throw new Error(`tar: ${name} is truncated`);
    if (type === '0' || type === '\u0000') {
      entries.push({
        name: prefix ? `${prefix}/${name}` : name,
        body: Buffer.from(tar.subarray(start, start + size)),
        mtime: new Date(parseOctal(header, 136, 12) * 1000),
      });
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, 'binary');
}

function parseOctal(buf: Buffer, offset: number, length: number): number {
  const text = cString(buf, offset, length).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function cString(buf: Buffer, offset: number, length: number): string {
  const slice = buf.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end < 0 ? length : end).toString('utf8');
}
