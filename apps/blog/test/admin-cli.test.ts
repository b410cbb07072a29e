// `user add|passwd|list` and the first-run admin, on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@pugo/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/admin/first-run.js';
import { verifyPassword } from '../src/admin/passwords.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { runUserCommand } from '../src/cli/user-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'pugo-user-cli-'));
const db = join(tmp, 'pugo.db');

function io(password = ''): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    readPassword: async () => password,
  };
}

describe('user CLI', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('adds a user with an Argon2id hash, lists it, and refuses a duplicate with exit 2', async () => {
    const a = io('a long password');
    expect(await runUserCommand(['add', 'Ada@Example.com', '--name', 'Ada'], db, a)).toBe(0);
    expect(a.lines[0]).toBe('created admin ada@example.com (id 1)');
    const storage = await openStorage({ url: db });
    const user = await storage.users.findByEmail('ada@example.com');
    await storage.close();
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user?.passwordHash ?? '', 'a long password')).toBe(true);
    const l = io();
    expect(await runUserCommand(['list'], db, l)).toBe(0);
    expect(l.lines[0]).toMatch(/^1\tada@example\.com\tAda\tadmin\tactive/);
    const dup = io('another long one');
    expect(await runUserCommand(['add', 'ada@example.com'], db, dup)).toBe(2);
    expect(dup.errors).toEqual([
      expect.stringMatching(/^pugo user: add: ada@example.com already has an account/),
    ]);
  });

  it('changes a password and signs out the account’s sessions', async () => {
    const storage = await openStorage({ url: db });
    const user = await storage.users.findByEmail('ada@example.com');
    await storage.sessions.create({
      tokenHash: 'f'.repeat(64),
      userId: user?.id ?? 0,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    await storage.close();
    const p = io('the new password');
    expect(await runUserCommand(['passwd', 'ada@example.com'], db, p)).toBe(0);
    expect(p.lines[0]).toBe('password changed for ada@example.com; 1 session signed out');
    const after = await openStorage({ url: db });
    expect(await after.sessions.findValid('f'.repeat(64))).toBeUndefined();
    expect(
      await verifyPassword(
        (await after.users.findByEmail('ada@example.com'))?.passwordHash ?? '',
        'the new password',
      ),
    ).toBe(true);
    await after.close();
  });

  it('answers bad input with one line and exit 2', async () => {
    for (const [argv, pattern] of [
      [['add', 'not-an-email'], /give the account's email address/],
      [['add', 'x@y.z', '--role', 'god'], /--role must be one of admin, editor, author/],
      [['passwd', 'nobody@y.z'], /no account for nobody@y.z/],
      [['frobnicate', 'x@y.z'], /unknown command "frobnicate"/],
      [['add', 'x@y.z', '--bogus'], /unknown option --bogus/],
    ] as const) {
      const e = io('long enough password');
      expect(await runUserCommand(argv, db, e)).toBe(2);
      expect(e.errors).toHaveLength(1);
      expect(e.errors[0]).toMatch(pattern);
    }
    const short = io('short');
    expect(await runUserCommand(['add', 'x@y.z'], db, short)).toBe(2);
    expect(short.errors[0]).toMatch(/too short/);
  });
});

describe('first run', () => {
  it('creates the admin from the environment, once', async () => {
    const storage = await openStorage({ url: ':memory:' });
    const printed: string[] = [];
    const r = await ensureAdmin(
      storage,
      { email: 'boss@example.com', password: 'a fine password', development: false },
      (l) => printed.push(l),
    );
    expect(r.note).toBe('admin boss@example.com created');
    expect(printed).toEqual([]);
    expect(
      (
        await ensureAdmin(storage, {
          email: 'x@y.z',
          password: 'another password',
          development: false,
        })
      ).note,
    ).toBe('');
    expect(await storage.users.count()).toBe(1);
    await storage.close();
  });

  it('refuses a short PUGO_ADMIN_PASSWORD with a configuration error', async () => {
    const storage = await openStorage({ url: ':memory:' });
    await expect(
      ensureAdmin(storage, { email: 'a@b.c', password: 'short', development: false }),
    ).rejects.toMatchObject({
      code: 'PUGO_ERR_BLOG_CONFIG',
      message: expect.stringContaining('PUGO_ADMIN_PASSWORD="(hidden)"'),
    });
    expect(await storage.users.count()).toBe(0);
    await storage.close();
  });

  it('prints a generated password once in development, and does nothing in production without variables', async () => {
    const dev = await openStorage({ url: ':memory:' });
    const printed: string[] = [];
    await ensureAdmin(dev, { development: true }, (l) => printed.push(l));
    expect(printed).toHaveLength(1);
    const password = /with password (\S+)/.exec(printed[0] ?? '')?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const user = await dev.users.findByEmail('admin@localhost');
    expect(await verifyPassword(user?.passwordHash ?? '', password)).toBe(true);
    await dev.close();
    const prod = await openStorage({ url: ':memory:' });
    const r = await ensureAdmin(prod, { development: false });
    expect(r.note).toMatch(/no admin user yet: set PUGO_ADMIN_EMAIL and PUGO_ADMIN_PASSWORD/);
    expect(await prod.users.count()).toBe(0);
    await prod.close();
  });
});
