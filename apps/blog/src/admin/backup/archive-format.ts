// What a Pugo backup (.tar.gz) holds: manifest.json, pugo.db and media/YYYY/MM/<sha256>.<ext>, nothing else.
// Backups made before the archive was streamed have the same entries, so they restore unchanged.

/** The first entry of every backup. */
export interface BackupManifest {
  readonly format: 'pugo-backup';
  readonly version: 1;
  readonly createdAt: string;
  /** How many `media/…` entries follow. */
  readonly media: number;
}

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'pugo.db';
export const MEDIA_PREFIX = 'media/';

/** A manifest is a few hundred bytes; anything bigger is not one and is not read into memory. */
export const MANIFEST_MAX_BYTES = 64 * 1024;

/** The names uploads get (`YYYY/MM/<sha256>.<ext>`), relative to the media folder. */
const MEDIA_NAME = /^\d{4}\/\d{2}\/[0-9a-f]{64}\.[a-z0-9]+$/;

/** Whether `relative` (to the media folder) is a name Pugo gives uploads: nothing else is archived or restored. */
export function isMediaName(relative: string): boolean {
  return MEDIA_NAME.test(relative);
}

/** The manifest in `text`, or undefined when it is not a Pugo backup's. */
export function readManifest(text: string): BackupManifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const m = data as Partial<BackupManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== 'pugo-backup' || m.version !== 1) {
    return undefined;
  }
  return Number.isSafeInteger(m.media) && (m.media ?? -1) >= 0 ? (m as BackupManifest) : undefined;
}
