// Backups streamed as a .tar.gz: a consistent SQLite copy (online backup API) and the media, one file at a time.
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline as pipe, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Storage } from '@pugo/storage';
import tar from 'tar-stream';
import {
  type BackupManifest,
  DATABASE_ENTRY,
  isMediaName,
  MANIFEST_ENTRY,
  MEDIA_PREFIX,
} from './archive-format.js';

/** A backup being made: read `stream` once (send it, or pipe it to a file). */
export interface BackupArchive {
  /** The .tar.gz bytes as they are produced; it errors if a file cannot be read. */
  readonly stream: Readable;
  readonly manifest: BackupManifest;
  /** The size of the archive before compression, in bytes. */
  readonly tarBytes: number;
}

interface FileEntry {
  readonly name: string;
  readonly path: string;
  readonly size: number;
}

const BLOCK = 512;

/**
 * Copies the database (while the blog keeps running) and lists the media; the archive is then
 * produced as it is read, so memory stays flat whatever the media weigh, and the temporary copy of
 * the database is removed once the stream ends, fails or is destroyed.
 */
export async function createBackup(
  storage: Pick<Storage, 'backup'>,
  mediaDir: string,
  now: Date = new Date(),
): Promise<BackupArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'pugo-backup-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let files: FileEntry[];
  try {
    const dbCopy = join(dir, DATABASE_ENTRY);
    await storage.backup(dbCopy);
    const media = await listMedia(mediaDir);
    files = [{ name: DATABASE_ENTRY, path: dbCopy, size: (await stat(dbCopy)).size }, ...media];
  } catch (error) {
    await cleanup();
    throw error;
  }
  const manifest: BackupManifest = {
    format: 'pugo-backup',
    version: 1,
    createdAt: now.toISOString(),
    media: files.length - 1,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const pack = tar.pack();
  const stream = pipe(pack, createGzip(), () => void cleanup());
  void (async () => {
    pack.entry({ name: MANIFEST_ENTRY, mtime: now }, manifestBytes);
    for (const file of files) {
      const entry = pack.entry({ name: file.name, size: file.size, mtime: now });
      await pipeline(createReadStream(file.path), entry);
    }
    pack.finalize();
  })().catch((error: unknown) => pack.destroy(error as Error));
  const padded = (size: number) => BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  const tarBytes =
    padded(manifestBytes.length) + files.reduce((sum, f) => sum + padded(f.size), 0) + 2 * BLOCK;
  return { stream, manifest, tarBytes };
}

/** Media files under Pugo's names (`YYYY/MM/<sha256>.<ext>`), sorted; a missing folder has none. */
async function listMedia(mediaDir: string): Promise<FileEntry[]> {
  let names: string[];
  try {
    names = await readdir(mediaDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: FileEntry[] = [];
  for (const rel of names.map((n) => n.split('\\').join('/')).sort()) {
    if (!isMediaName(rel)) continue; // stray files (editor backups, .DS_Store) are not uploads
    const path = join(mediaDir, rel);
    const info = await lstat(path); // a symlink is not an upload: never follow one out of the folder
    if (info.isFile()) out.push({ name: `${MEDIA_PREFIX}${rel}`, path, size: info.size });
  }
  return out;
}
