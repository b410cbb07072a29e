// Backups streamed and restored: equal content, old archives, bad archives refused with nothing written, media beyond the heap.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openStorage } from '@pugo/storage';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../src/admin/backup/backup.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { runRestore } from '../src/cli/restore-cli.js';
import { multipart, pngImage } from './admin-fixtures.js';
import { type AdminTestBlog, Client, openAdminBlog } from './admin-helpers.js';
import { runNode } from './run-node.js';

const OLD_BACKUP = fileURLToPath(
  new URL('./fixtures/backup/pugo-backup-v1-hand-written-tar.tar.gz', import.meta.url),
);

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

interface TestEntry {
  readonly name: string;
  readonly body?: Buffer | string;
  readonly type?: 'file' | 'symlink' | 'link' | 'directory';
  readonly linkname?: string;
}

/** A .tar.gz of `entries`, made with tar-stream. */
async function makeArchive(entries: readonly TestEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      const header = { name: e.name, type: e.type ?? 'file', linkname: e.linkname ?? '' };
      pack.entry(header, e.type && e.type !== 'file' ? '' : (e.body ?? ''), (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }
  pack.finalize();
  await collected;
  return gzipSync(Buffer.concat(chunks));
}

/** The entries of a .tar.gz in order, read with tar-stream. */
async function readArchive(bytes: Buffer): Promise<{ name: string; body: Buffer }[]> {
  const extract = tar.extract();
  const out: { name: string; body: Buffer }[] = [];
  extract.end(gunzipSync(bytes));
  for await (const entry of extract) {
    const parts: Buffer[] = [];
    for await (const chunk of entry) parts.push(chunk as Buffer);
    out.push({ name: entry.header.name, body: Buffer.concat(parts) });
  }
  return out;
}

const MANIFEST = (media: number) =>
  JSON.stringify({ format: 'pugo-backup', version: 1, createdAt: '2026-01-01T00:00:00Z', media });
const HASH = 'ab'.repeat(32);

describe('backup and restore', () => {
  let blog: AdminTestBlog;
  let c: Client;
  let csrf: string;
  let download: Buffer;
  const image = pngImage(6);
  const tmp = mkdtempSync(join(tmpdir(), 'pugo-restore-'));
  beforeAll(async () => {
    blog = await openAdminBlog();
    c = new Client(blog);
    await c.login();
    csrf = await c.csrfFrom('/admin');
    const up = await c.request(
      'POST',
      '/admin/media',
      multipart(
        { _csrf: csrf },
        { name: 'file', filename: 'six.png', type: 'image/png', body: image },
      ),
    );
    expect(up.statusCode).toBe(303);
  });
  afterAll(async () => {
    await blog?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('downloads a backup that restores into an empty folder with equal content', async () => {
    // A stray file in the media folder is not an upload: it stays out of the archive.
    writeFileSync(join(blog.mediaDir, 'notes.txt'), 'not an upload');
    const res = await c.request('POST', '/admin/backup', { form: { _csrf: csrf } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="pugo-backup-.*\.tar\.gz"/,
    );
    download = res.rawPayload;
    const file = join(tmp, 'backup.tar.gz');
    writeFileSync(file, download);

    const io = captureIo();
    const db = join(tmp, 'data', 'pugo.db');
    expect(await runRestore([file], db, io)).toBe(0);
    expect(io.lines).toEqual([`restored ${db} and 1 media file`]);

    const restored = await openStorage({ url: db });
    try {
      const strip = (p: {
        items: { id: number; title: string; slug: string; html: string; status: string }[];
      }) => p.items.map(({ id, title, slug, html, status }) => ({ id, title, slug, html, status }));
      const q = { page: 1, pageSize: 1000 } as const;
      const posts = strip(await restored.posts.list(q));
      expect(posts.length).toBeGreaterThan(0);
      expect(posts).toEqual(strip(await blog.storage.posts.list(q)));
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
    // Restored through a folder beside the data folder, gone once moved into place.
    expect(readdirSync(tmp).sort()).toEqual(['backup.tar.gz', 'data']);
    const activity = await blog.storage.activity.list({ page: 1, pageSize: 10 });
    expect(activity.items.find((a) => a.action === 'backup.made')?.summary).toMatch(
      /^1 media file, [\d.]+ MiB before compression$/,
    );

    // A second restore into the now non-empty folder is refused: exit 2, one line, nothing touched.
    const before = readFileSync(db);
    const again = captureIo();
    expect(await runRestore([file], db, again)).toBe(2);
    expect(again.errors).toHaveLength(1);
    expect(again.errors[0]).toMatch(/is not empty; restore into an empty data folder/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('writes manifest.json, pugo.db, then media/YYYY/MM/<sha256>.<ext>, gzipped', async () => {
    expect(download).toBeDefined();
    const entries = await readArchive(download);
    const sha = createHash('sha256').update(image).digest('hex');
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'pugo.db',
      expect.stringMatching(new RegExp(`^media/\\d{4}/\\d{2}/${sha}\\.png$`)),
    ]);
    expect(JSON.parse(entries[0]?.body.toString() ?? '')).toEqual({
      format: 'pugo-backup',
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      media: 1,
    });
    expect(entries[1]?.body.subarray(0, 16).toString()).toBe('SQLite format 3\u0000');
    expect(entries[2]?.body.equals(image)).toBe(true);
  });

  it('removes its copy of the database when the archive is read, fails or is abandoned', async () => {
    const copies: string[] = [];
    const spy = {
      backup: (to: string) => {
        copies.push(to);
        return blog.storage.backup(to);
      },
    };
    const read = await createBackup(spy, blog.mediaDir);
    expect((await readArchive(await collect(read.stream))).map((e) => e.name)).toHaveLength(3);
    const abandoned = await createBackup(spy, blog.mediaDir);
    abandoned.stream.destroy();
    await finished(abandoned.stream).catch(() => undefined);
    // A media file deleted after the listing: the stream fails (no silent short archive).
    const failing = await createBackup(spy, blog.mediaDir);
    const [upload] = readdirSync(blog.mediaDir, { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.png'));
    const moved = join(tmp, 'moved.png');
    renameSync(join(blog.mediaDir, upload ?? 'missing'), moved);
    try {
      await expect(collect(failing.stream)).rejects.toThrow(/ENOENT/);
    } finally {
      renameSync(moved, join(blog.mediaDir, upload ?? 'missing'));
    }
    expect(copies).toHaveLength(3);
    // The removal runs when each stream closes: wait for it rather than for a fixed time.
    await vi.waitFor(() => {
      for (const copy of copies) expect(existsSync(dirname(copy)), copy).toBe(false);
    });
  });

  it('restores a backup made by the hand-written tar writer Pugo used before streaming', async () => {
    // Made by apps/blog/src/admin/backup/{backup,tar}.ts as of commit 568f1a5 (a post, a tag and
    // one 4×4 red PNG); kept as bytes because that writer is gone: do not regenerate it.
    const db = join(tmp, 'old', 'pugo.db');
    mkdirSync(join(tmp, 'old')); // an existing empty data folder is replaced by the restored one
    const io = captureIo();
    expect(await runRestore([OLD_BACKUP], db, io)).toBe(0);
    expect(io.lines).toEqual([`restored ${db} and 1 media file`]);
    const restored = await openStorage({ url: db });
    try {
      const post = await restored.posts.findBySlug('old-writer');
      expect(post?.title).toBe('Made by the old writer');
      expect(post?.tags.map((t) => t.name)).toEqual(['backup']);
      const [media] = (await restored.media.list({ page: 1, pageSize: 10 })).items;
      expect(media?.originalName).toBe('red.png');
      const bytes = readFileSync(join(tmp, 'old', 'media', media?.storedPath ?? 'missing'));
      expect(bytes.equals(pngImage(4, [200, 30, 30]))).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(media?.sha256);
      // The usual permissions of a new folder, not a temporary folder's 0700.
      mkdirSync(join(tmp, 'probe'));
      expect(statSync(join(tmp, 'old')).mode & 0o777).toBe(
        statSync(join(tmp, 'probe')).mode & 0o777,
      );
      rmSync(join(tmp, 'probe'), { recursive: true });
    } finally {
      await restored.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = join(tmp, 'bogus.tar.gz');
    writeFileSync(bogus, 'not gzip');
    const io = captureIo();
    expect(await runRestore([bogus], join(tmp, 'fresh', 'pugo.db'), io)).toBe(2);
    expect(io.errors).toEqual([expect.stringMatching(/is not a readable Pugo backup/)]);
    const missing = captureIo();
    expect(
      await runRestore([join(tmp, 'nope.tar.gz')], join(tmp, 'fresh', 'pugo.db'), missing),
    ).toBe(2);
    expect(missing.errors).toEqual([
      expect.stringMatching(/nope\.tar\.gz is not a readable Pugo backup \(no such file\)/),
    ]);
    expect(existsSync(join(tmp, 'fresh'))).toBe(false);
  });

  const db = { name: 'pugo.db', body: 'SQLite format 3\u0000 not really' };
  const good = { name: `media/2026/11/${HASH}.png`, body: 'png bytes' };
  it.each<[string, () => Promise<Buffer>, RegExp]>([
    [
      'a truncated archive',
      async () => download.subarray(0, Math.floor(download.length / 2)),
      /is not a readable Pugo backup \(.+\)/,
    ],
    [
      'a corrupt archive',
      async () => {
        const bytes = Buffer.from(download);
        for (let i = 40; i < bytes.length - 40; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
        return bytes;
      },
      /is not a readable Pugo backup \(.+\)/,
    ],
    [
      'a path that climbs out (../x)',
      () => makeArchive([{ name: 'manifest.json', body: MANIFEST(1) }, db, good, { name: '../x' }]),
      /holds an unexpected file "\.\.\/x"; refusing to restore it/,
    ],
    [
      'a media path that climbs out',
      () =>
        makeArchive([
          { name: 'manifest.json', body: MANIFEST(1) },
          db,
          { name: 'media/../../escaped.png', body: 'x' },
        ]),
      /holds an unexpected file "media\/\.\.\/\.\.\/escaped\.png"/,
    ],
    [
      'an absolute path',
      () => makeArchive([{ name: 'manifest.json', body: MANIFEST(0) }, { name: '/tmp/pugo-x' }]),
      /holds an unexpected file "\/tmp\/pugo-x"/,
    ],
    [
      'a symlink under a media name',
      () =>
        makeArchive([
          { name: 'manifest.json', body: MANIFEST(1) },
          db,
          { name: `media/2026/11/${HASH}.png`, type: 'symlink', linkname: '/etc/passwd' },
        ]),
      /holds an unexpected symlink "media\/2026\/11\/a[ab]+\.png"/,
    ],
    [
      'a hard link',
      () =>
        makeArchive([
          { name: 'manifest.json', body: MANIFEST(0) },
          { name: 'pugo.db', type: 'link', linkname: '/etc/passwd' },
        ]),
      /holds an unexpected link "pugo\.db"/,
    ],
    [
      'no manifest',
      () => makeArchive([db, good]),
      /is not a Pugo backup \(no manifest\.json or pugo\.db\)/,
    ],
    [
      'a manifest of something else',
      () => makeArchive([{ name: 'manifest.json', body: '{"format":"zip"}' }, db]),
      /is not a Pugo backup/,
    ],
    [
      'no database',
      () => makeArchive([{ name: 'manifest.json', body: MANIFEST(1) }, good]),
      /is not a Pugo backup \(no manifest\.json or pugo\.db\)/,
    ],
    [
      'fewer media than the manifest lists',
      () => makeArchive([{ name: 'manifest.json', body: MANIFEST(2) }, db, good]),
      /holds 1 media files but its manifest lists 2; the archive is incomplete/,
    ],
    [
      'the database twice',
      () => makeArchive([{ name: 'manifest.json', body: MANIFEST(0) }, db, db]),
      /holds an unexpected second "pugo\.db"/,
    ],
  ])('refuses %s with one line, writing nothing', async (what, make, message) => {
    expect(download, 'the download test ran first').toBeDefined();
    const file = join(tmp, `bad-${what.replace(/\W+/g, '-')}.tar.gz`);
    writeFileSync(file, await make());
    // An existing, empty data folder: it must still be there, and still be empty.
    const parent = mkdtempSync(join(tmp, 'target-'));
    const data = join(parent, 'data');
    mkdirSync(data);
    const io = captureIo();
    expect(await runRestore([file], join(data, 'pugo.db'), io)).toBe(2);
    expect(io.errors).toEqual([expect.stringMatching(message)]);
    expect(io.errors[0]).toContain(file);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readdirSync(data)).toEqual([]);
    expect(existsSync(join(parent, 'x'))).toBe(false);
    expect(existsSync(join(dirname(parent), 'escaped.png'))).toBe(false);
  });
});

describe('backup and restore of media larger than the heap', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pugo-big-backup-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('streams 3 × 48 MB of media through a process limited to a 48 MB heap, byte for byte', async () => {
    const data = join(tmp, 'data');
    const storage = await openStorage({ url: join(data, 'pugo.db') });
    await storage.close();
    const MB = 1024 * 1024;
    const files: { rel: string; sha: string }[] = [];
    for (let i = 0; i < 3; i++) {
      // Sparse files with random blocks: quick to make, each different, larger than the heap together.
      const rel = `2026/11/${String(i).repeat(64)}.bin`;
      const path = join(data, 'media', rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      truncateSync(path, 48 * MB);
      const fd = openSync(path, 'r+');
      for (const at of [0, 7 * MB + 13, 31 * MB + 5, 48 * MB - 4096])
        writeSync(fd, randomBytes(4096), 0, 4096, at);
      closeSync(fd);
      files.push({ rel, sha: sha256(readFileSync(path)) });
    }
    const script = fileURLToPath(new URL('./backup-round-trip.ts', import.meta.url));
    const archive = join(tmp, 'backup.tar.gz');
    const restoredDb = join(tmp, 'restored', 'pugo.db');
    const run = await runNode(
      [script, data, archive, restoredDb],
      {},
      {
        nodeArgs: ['--max-old-space-size=48'],
        timeoutMs: 120_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      media: number;
      startRss: number;
      peakRss: number;
      tarBytes: number;
    };
    expect(result.media).toBe(3);
    expect(result.tarBytes).toBeGreaterThan(3 * 48 * MB);
    // The heap limit alone proves little (Buffers live outside it): the resident set does. Loading
    // the media, then a tar of it, then its gzip (as before streaming) added 374 MB here.
    expect(result.peakRss - result.startRss).toBeLessThan(64 * MB);
    for (const f of files) {
      expect(sha256(readFileSync(join(tmp, 'restored', 'media', f.rel))), f.rel).toBe(f.sha);
    }
  }, 120_000);
});

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
