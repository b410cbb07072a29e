// `user add|passwd|list` and the first-run admin, on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStorage } from '@pugo/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/admin/first-run.js';
import { verifyPassword } from '../src/admin/passwords.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { RESTORE_HELP, runRestore } from '../src/cli/restore-cli.js';
import { runUserCommand, USER_HELP } from '../src/cli/user-cli.js';
import { runNode } from './run-node.js';

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

  it('says which option is unknown or lacks its value', async () => {
    for (const [argv, line] of [
      [['add', 'x@y.z', '--bogus=1'], 'pugo user: unknown option --bogus; see --help'],
      [['add', 'x@y.z', '-x'], 'pugo user: unknown option -x; see --help'],
      [['add', 'x@y.z', '--name'], 'pugo user: --name needs a value'],
      [['add', 'x@y.z', '--role', '--name', 'Ada'], 'pugo user: --role needs a value'],
      [['list', '--all'], 'pugo user: unknown option --all; see --help'],
    ] as const) {
      const e = io('long enough password');
      expect(await runUserCommand(argv, db, e)).toBe(2);
      expect(e.errors).toEqual([line]);
      expect(e.lines).toEqual([]);
    }
    const help = io();
    expect(await runUserCommand(['--help'], db, help)).toBe(0);
    expect(help.lines).toEqual([USER_HELP.trimEnd()]);
    const none = io();
    expect(await runUserCommand([], db, none)).toBe(2);
    expect(none.lines).toEqual([USER_HELP.trimEnd()]);
  });
});

describe('restore arguments', () => {
  it('takes exactly one file, and answers anything else with one line and exit 2', async () => {
    for (const [argv, line] of [
      [
        [],
        'pugo restore: give exactly one backup file, e.g. restore pugo-backup.tar.gz; see --help',
      ],
      [['a.tar.gz', 'b.tar.gz'], 'pugo restore: give exactly one backup file'],
      [['--force', 'a.tar.gz'], 'pugo restore: unknown option --force; see --help'],
      [['--help=yes'], 'pugo restore: --help takes no value; see --help'],
    ] as const) {
      const e = io();
      expect(await runRestore(argv, db, e)).toBe(2);
      expect(e.errors).toHaveLength(1);
      expect(e.errors[0]).toMatch(new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    const memory = io();
    expect(await runRestore(['a.tar.gz'], ':memory:', memory)).toBe(2);
    expect(memory.errors).toEqual([
      'pugo restore: PUGO_DB is :memory:; set it to the database file to restore into',
    ]);
    for (const flag of ['--help', '-h']) {
      const help = io();
      expect(await runRestore([flag], db, help)).toBe(0);
      expect(help.lines).toEqual([RESTORE_HELP.trimEnd()]);
    }
  });
});

describe('the CLI entry point (src/cli/main.ts)', () => {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

  it('prints one line on stderr and exits 2 for an unknown flag or a bad value; help on stdout', async () => {
    const env = { PUGO_DB: join(tmp, 'entry', 'pugo.db') };
    const [restoreFlag, userFlag, userValue, restoreHelp] = await Promise.all([
      runNode([main, 'restore', '--bogus', 'x.tar.gz'], env),
      runNode([main, 'user', 'add', 'x@y.z', '--bogus'], env),
      runNode([main, 'user', 'add', 'x@y.z', '--role', 'god'], {
        ...env,
        PUGO_PASSWORD: 'x'.repeat(12),
      }),
      runNode([main, 'restore', '--help'], env),
    ]);
    expect(restoreFlag).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pugo restore: unknown option --bogus; see --help\n',
    });
    expect(userFlag).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pugo user: unknown option --bogus; see --help\n',
    });
    expect(userValue).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pugo user: add: --role must be one of admin, editor, author, not "god"\n',
    });
    expect(restoreHelp).toEqual({ code: 0, stdout: RESTORE_HELP, stderr: '' });
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
