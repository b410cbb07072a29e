// Restoring a backup into an empty data folder: the database file and media, names checked.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readTar } from './tar.js';

/** A restore that cannot go ahead; the message says what to do. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/** What a restore wrote. */
export interface RestoreResult {
  readonly db: string;
  readonly media: number;
}

/**
 * Restores `file` so that the blog finds its database at `dbPath` and media in `mediaDir`.
 * Refuses when the database's folder exists and is not empty: a restore never overwrites.
 */
export async function restoreBackup(
  file: string,
  dbPath: string,
  mediaDir: string,
): Promise<RestoreResult> {
  const folder = dirname(dbPath);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new RestoreError(
      `${folder} is not empty; restore into an empty data folder (move the current one away or set PUGO_DB)`,
    );
  }
  let entries: ReturnType<typeof readTar>;
  try {
    entries = readTar(gunzipSync(await readFile(file)));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new RestoreError(
      `${file} is not a readable Pugo backup (${reason}); pass a .tar.gz from the admin's Backup screen`,
    );
  }
  const manifest = entries.find((e) => e.name === 'manifest.json');
  const db = entries.find((e) => e.name === 'pugo.db');
  if (!manifest || !db || !/"format": "pugo-backup"/.test(manifest.body.toString())) {
    throw new RestoreError(
      `${file} is not a Pugo backup (no manifest.json or pugo.db); pass a .tar.gz from the admin's Backup screen`,
    );
  }
  const media = entries.filter((e) => e.name.startsWith('media/'));
  for (const entry of media) {
    // Only the names Pugo writes: YYYY/MM/<sha256>.<ext>; nothing can escape the folder.
    if (!/^media\/\d{4}\/\d{2}\/[0-9a-f]{64}\.[a-z0-9]+$/.test(entry.name)) {
      throw new RestoreError(
        `${file} holds an unexpected file ${JSON.stringify(entry.name)}; refusing to restore it`,
      );
    }
  }
  await mkdir(folder, { recursive: true });
  await writeFile(dbPath, db.body, { flag: 'wx' });
  for (const entry of media) {
    const target = join(mediaDir, entry.name.slice('media/'.length));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entry.body, { flag: 'wx' });
  }
  return { db: dbPath, media: media.length };
}
