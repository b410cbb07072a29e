// Child process of the large-media test: backs up DATA_DIR to ARCHIVE, restores it to RESTORE_DB, prints memory use.
// Usage: node --max-old-space-size=48 … test/backup-round-trip.ts DATA_DIR ARCHIVE RESTORE_DB
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openStorage } from '@pugo/storage';
import { createBackup } from '../src/admin/backup/backup.js';
import { restoreBackup } from '../src/admin/backup/restore.js';

const [dataDir, archive, restoreDb] = process.argv.slice(2);
if (!dataDir || !archive || !restoreDb) {
  process.stderr.write('usage: backup-round-trip.ts DATA_DIR ARCHIVE RESTORE_DB\n');
  process.exit(2);
}
const storage = await openStorage({ url: join(dataDir, 'pugo.db') });
// Everything above is the cost of Node, tsx and SQLite; the backup and restore come on top.
const startRss = process.memoryUsage().rss;
const backup = await createBackup(storage, join(dataDir, 'media'));
await pipeline(backup.stream, createWriteStream(archive));
await storage.close();
const restored = await restoreBackup(archive, restoreDb);
process.stdout.write(
  `${JSON.stringify({
    media: restored.media,
    startRss,
    // resourceUsage().maxRSS is the peak resident set, in KiB, of the whole run.
    peakRss: process.resourceUsage().maxRSS * 1024,
    tarBytes: backup.tarBytes,
  })}\n`,
);
