// Backup then restore gives equal content; restore refuses a non-empty folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@pugo/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar, writeTar } from '../src/admin/backup/tar.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { runRestore } from '../src/cli/restore-cli.js';
import { multipart, pngImage } from './admin-fixtures.js';
import { type AdminTestBlog, Client, openAdminBlog } from './admin-helpers.js';

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    readPassword: async () => '',
  };
}

describe('backup and restore', () => {
  let blog: AdminTestBlog;
  let c: Client;
  let csrf: string;
  const tmp = mkdtempSync(join(tmpdir(), 'pugo-restore-'));
  beforeAll(async () => {
    blog = await openAdminBlog();
    c = new Client(blog);
    await c.login();
    csrf = await c.csrfFrom('/admin');
  });
  afterAll(async () => {
    await blog?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('writes and reads tar archives byte for byte', () => {
    const entries = [
      { name: 'a.txt', body: Buffer.from('hello') },
      { name: 'media/2026/11/x.bin', body: Buffer.alloc(1025, 7) },
    ];
    const back = readTar(writeTar(entries));
    expect(back.map((e) => [e.name, e.body.toString('hex')])).toEqual(
      entries.map((e) => [e.name, e.body.toString('hex')]),
    );
    const corrupt = writeTar(entries);
    corrupt[10] = 0x41;
    expect(() => readTar(corrupt)).toThrow(/checksum/);
  });

  it('downloads a backup that restores into an empty folder with equal content', async () => {
    const image = pngImage(6);
    const up = await c.request(
      'POST',
      '/admin/media',
      multipart(
        { _csrf: csrf },
        { name: 'file', filename: 'six.png', type: 'image/png', body: image },
      ),
    );
    expect(up.statusCode).toBe(303);
    const res = await c.request('POST', '/admin/backup', { form: { _csrf: csrf } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="pugo-backup-.*\.tar\.gz"/,
    );
    const file = join(tmp, 'backup.tar.gz');
    writeFileSync(file, res.rawPayload);

    const io = captureIo();
    const db = join(tmp, 'data', 'pugo.db');
    expect(await runRestore([file], db, io)).toBe(0);
    expect(io.lines[0]).toMatch(/restored .*pugo\.db and 1 media file/);

    const restored = await openStorage({ url: db });
    try {
      const strip = (p: {
        items: { id: number; title: string; slug: string; html: string; status: string }[];
      }) => p.items.map(({ id, title, slug, html, status }) => ({ id, title, slug, html, status }));
      const q = { page: 1, pageSize: 1000 } as const;
      expect(strip(await restored.posts.list(q))).toEqual(strip(await blog.storage.posts.list(q)));
      expect((await restored.comments.list(q)).items.map((x) => x.body)).toEqual(
        (await blog.storage.comments.list(q)).items.map((x) => x.body),
      );
      expect(await restored.settings.getAll()).toEqual(await blog.storage.settings.getAll());
      const media = (await restored.media.list(q)).items;
      expect(media.map((m) => m.originalName)).toEqual(['six.png']);
      expect(
        readFileSync(join(tmp, 'data', 'media', media[0]?.storedPath ?? '')).equals(image),
      ).toBe(true);
      expect((await restored.integrityCheck()).ok).toBe(true);
    } finally {
      await restored.close();
    }
    const activity = await blog.storage.activity.list({ page: 1, pageSize: 10 });
    expect(activity.items.map((a) => a.action)).toContain('backup.made');

    // A second restore into the now non-empty folder is refused: exit 2, one line.
    const again = captureIo();
    expect(await runRestore([file], db, again)).toBe(2);
    expect(again.errors).toHaveLength(1);
    expect(again.errors[0]).toMatch(/is not empty; restore into an empty data folder/);
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = join(tmp, 'bogus.tar.gz');
    writeFileSync(bogus, 'not gzip');
    const io = captureIo();
    expect(await runRestore([bogus], join(tmp, 'fresh', 'pugo.db'), io)).toBe(2);
    expect(io.errors[0]).toMatch(/is not a readable Pugo backup/);
    expect(await runRestore([], join(tmp, 'fresh', 'pugo.db'), io)).toBe(2);
  });
});
