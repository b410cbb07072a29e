// What an upload is, from its first bytes (never its name): the types the admin accepts.

/** An accepted type: its MIME type and the extension files are stored with. */
export interface MediaType {
  readonly mime: string;
  readonly ext: string;
}

/** The type of `head` (the first bytes of a file), or undefined when it is not an accepted one. */
export function sniffMediaType(head: Uint8Array): MediaType | undefined {
  const b = (i: number) => head[i] ?? -1;
  const ascii = (from: number, text: string) =>
    [...text].every((c, i) => b(from + i) === c.charCodeAt(0));
  if (b(0) === 0x89 && ascii(1, 'PNG\r\n\x1a\n')) return { mime: 'image/png', ext: 'png' };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { mime: 'image/gif', ext: 'gif' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { mime: 'image/webp', ext: 'webp' };
  if (ascii(4, 'ftypavif')) return { mime: 'image/avif', ext: 'avif' };
  if (ascii(0, '%PDF-')) return { mime: 'application/pdf', ext: 'pdf' };
  return undefined;
}

/** MIME type by stored extension, for serving. */
export const MEDIA_TYPES_BY_EXT: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
};
