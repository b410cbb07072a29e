// Restoring a backup, streamed, into an empty data folder: extracted beside it first, moved into place at the end.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { type BlogError, blogError, isBlogError } from '../../errors.js';
import {
  type BackupManifest,
  DATABASE_ENTRY,
  isMediaName,
  MANIFEST_ENTRY,
  MANIFEST_MAX_BYTES,
  MEDIA_PREFIX,
  readManifest,
} from './archive-format.js';

/** A restore that cannot go ahead (PUGO_ERR_BLOG_RESTORE): the reason says what to do. */
function restoreError(reason: string): BlogError {
  return blogError('PUGO_ERR_BLOG_RESTORE', { reason });
}

/** What a restore wrote. */
export interface RestoreResult {
  readonly db: string;
  /** Where the media went: `media/` beside the database. */
  readonly mediaDir: string;
  readonly media: number;
}

const NOT_A_BACKUP = "pass a .tar.gz from the admin's Backup screen";

/**
 * Restores `file` so that the blog finds its database at `dbPath` and the media in `media/` beside
 * it. Refuses when the database's folder exists and is not empty: a restore never overwrites. The
 * archive is read as a stream and each file written as it comes, into a folder beside the data
 * folder; only a complete, valid archive is moved into place (one rename), so a corrupt, truncated
 * or hostile archive leaves the data folder as it was.
 */
export async function restoreBackup(file: string, dbPath: string): Promise<RestoreResult> {
  const folder = dirname(dbPath);
  const refuseNonEmpty = () =>
    restoreError(
      `${folder} is not empty; restore into an empty data folder (move the current one away or set PUGO_DB)`,
    );
  if (existsSync(folder) && readdirSync(folder).length > 0) throw refuseNonEmpty();
  // Beside the data folder, so that the final move is a rename on the same file system.
  await mkdir(dirname(folder), { recursive: true });
  // mkdir, not mkdtemp: the folder becomes the data folder, with the usual permissions, not 0700.
  const staging = join(dirname(folder), `.${basename(folder)}-restoring-${randomUUID()}`);
  await mkdir(staging);
  try {
    const media = await extract(file, staging, basename(dbPath));
    try {
      // rename(2) replaces an empty folder and fails on a non-empty one: the check and the move are one step.
      await rename(staging, folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw refuseNonEmpty();
      throw error;
    }
    return { db: dbPath, mediaDir: join(folder, 'media'), media };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Streams the archive's entries into `dir`; returns the number of media files. */
async function extract(file: string, dir: string, dbName: string): Promise<number> {
  const entries = tar.extract();
  // Settled into a value at once: its failure is reported below, never as an unhandled rejection.
  const fed = pipeline(createReadStream(file), createGunzip(), entries).then(
    () => undefined,
    (error: unknown) => error as NodeJS.ErrnoException,
  );
  const seen = new Set<string>();
  let manifest: BackupManifest | undefined;
  try {
    for await (const entry of entries) {
      const { name, type } = entry.header;
      if (type !== 'file') throw unexpected(file, `${type ?? 'entry'} ${JSON.stringify(name)}`);
      if (seen.has(name)) throw unexpected(file, `second ${JSON.stringify(name)}`);
      seen.add(name);
      if (name === MANIFEST_ENTRY) {
        manifest = readManifest(await readSmall(entry, MANIFEST_MAX_BYTES));
        if (!manifest) throw notABackup(file);
      } else if (name === DATABASE_ENTRY) {
        await write(entry, join(dir, dbName));
      } else if (name.startsWith(MEDIA_PREFIX) && isMediaName(name.slice(MEDIA_PREFIX.length))) {
        await write(entry, join(dir, name));
      } else {
        // Only the names Pugo writes: `../x`, absolute paths and anything else never touch the disk.
        throw unexpected(file, `file ${JSON.stringify(name)}`);
      }
    }
  } catch (error) {
    if (isBlogError(error, 'PUGO_ERR_BLOG_RESTORE')) throw error;
    throw unreadable(file, (await fed) ?? (error as NodeJS.ErrnoException));
  }
  const failure = await fed;
  if (failure) throw unreadable(file, failure);
  const media = [...seen].filter((n) => n.startsWith(MEDIA_PREFIX)).length;
  if (!manifest || !seen.has(DATABASE_ENTRY)) throw notABackup(file);
  if (manifest.media !== media) {
    throw restoreError(
      `${file} holds ${media} media files but its manifest lists ${manifest.media}; the archive is incomplete, ${NOT_A_BACKUP}`,
    );
  }
  return media;
}

/** Writes one entry to `target` as it is read (a new file: never an existing one). */
async function write(entry: AsyncIterable<unknown>, target: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await pipeline(entry, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    // The disk's fault (full, read-only), not the archive's: say so, and nothing is left behind.
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw restoreError(
      `cannot write ${target}: ${(error as Error).message}; free some space or fix the permissions, then restore again`,
    );
  }
}

/** An entry's bytes as text, refusing more than `max` (a manifest is small). */
async function readSmall(entry: AsyncIterable<unknown>, max: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of entry) {
    const bytes = chunk as Uint8Array; // tar-stream's entries carry Buffers
    size += bytes.length;
    if (size > max) return '';
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function unexpected(file: string, what: string): BlogError {
  return restoreError(`${file} holds an unexpected ${what}; refusing to restore it`);
}

function notABackup(file: string): BlogError {
  return restoreError(
    `${file} is not a Pugo backup (no manifest.json or pugo.db); ${NOT_A_BACKUP}`,
  );
}

function unreadable(file: string, error: NodeJS.ErrnoException): BlogError {
  const reason = error.code === 'ENOENT' ? 'no such file' : error.message;
  return restoreError(`${file} is not a readable Pugo backup (${reason}); ${NOT_A_BACKUP}`);
}
