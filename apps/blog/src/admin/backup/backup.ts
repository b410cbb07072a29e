// Backups: a .tar.gz of a consistent SQLite copy (online backup API) and the media folder.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Storage } from '@pugo/storage';
import { type TarEntry, writeTar } from './tar.js';

/** What a backup holds besides the files. */
export interface BackupManifest {
  readonly format: 'pugo-backup';
  readonly version: 1;
  readonly createdAt: string;
  readonly media: number;
}

/** The archive bytes: `manifest.json`, `pugo.db`, `media/…`. */
export async function createBackup(
  storage: Pick<Storage, 'backup'>,
  mediaDir: string,
  now: Date = new Date(),
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'pugo-backup-'));
  try {
    const dbCopy = join(dir, 'pugo.db');
    await storage.backup(dbCopy);
    const media = await listFiles(mediaDir);
    const entries: TarEntry[] = [];
    const manifest: BackupManifest = {
      format: 'pugo-backup',
      version: 1,
      createdAt: now.toISOString(),
      media: media.length,
    };
    entries.push({
      name: 'manifest.json',
      body: Buffer.from(JSON.stringify(manifest, null, 2)),
      mtime: now,
    });
    entries.push({ name: 'pugo.db', body: await readFile(dbCopy), mtime: now });
    for (const rel of media) {
      entries.push({ name: `media/${rel}`, body: await readFile(join(mediaDir, rel)), mtime: now });
    }
    return gzipSync(writeTar(entries));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, prefix));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(join(dir, rel))).isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}
