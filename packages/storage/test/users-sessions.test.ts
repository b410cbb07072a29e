import { describe, expect, it } from 'vitest';
import { type Clock, kinds, rejection, snapshot } from './helpers.js';

const alice = {
  name: 'Alice',
  email: 'Alice@Example.com',
  passwordHash: '$argon2id$hash',
  role: 'admin' as const,
};

describe.each(kinds)('users on %s', (_, open) => {
  it('creates, finds, lists, updates and deletes users', async () => {
    const clock: Clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const storage = await open({ clock });
    expect(await storage.users.count()).toBe(0);
    const a = await storage.users.create(alice);
    expect(a).toMatchObject({
      name: 'Alice',
      email: 'alice@example.com',
      role: 'admin',
      status: 'active',
      lastLoginAt: null,
    });
    const b = await storage.users.create({
      name: 'Bob',
      email: 'bob@example.com',
      passwordHash: 'h',
    });
    expect(b.role).toBe('author');
    expect(await storage.users.get(a.id)).toEqual(a);
    expect(await storage.users.findByEmail(' ALICE@example.com')).toEqual(a);
    expect(await storage.users.findByEmail('nobody@example.com')).toBeUndefined();
    expect((await storage.users.list()).items.map((u) => u.name)).toEqual(['Alice', 'Bob']);
    expect(await storage.users.count()).toBe(2);
    clock.now = new Date('2026-01-02T00:00:00.000Z');
    expect((await storage.users.recordLogin(a.id)).lastLoginAt).toEqual(clock.now);
    const updated = await storage.users.update(b.id, {
      role: 'editor',
      status: 'disabled',
      name: 'Robert',
    });
    expect(updated).toMatchObject({ role: 'editor', status: 'disabled', name: 'Robert' });
    expect(updated.updatedAt).toEqual(clock.now);
    await storage.users.delete(b.id);
    expect(await storage.users.find(b.id)).toBeUndefined();
    expect((await rejection(storage.users.delete(b.id))).code).toBe('PUGO_ERR_NOT_FOUND');
    expect((await rejection(storage.users.update(b.id, { name: 'x' }))).code).toBe(
      'PUGO_ERR_NOT_FOUND',
    );
  });

  it('rejects a registered email (any case) with PUGO_ERR_EMAIL_TAKEN and changes nothing', async () => {
    const storage = await open();
    await storage.users.create(alice);
    const bob = await storage.users.create({
      name: 'Bob',
      email: 'bob@example.com',
      passwordHash: 'h',
    });
    const before = snapshot(storage);
    const error = await rejection(storage.users.create({ ...alice, email: 'ALICE@example.com' }));
    expect(error.code).toBe('PUGO_ERR_EMAIL_TAKEN');
    expect(error.message).toMatch(/alice@example.com/);
    expect(
      (await rejection(storage.users.update(bob.id, { email: 'alice@example.com' }))).code,
    ).toBe('PUGO_ERR_EMAIL_TAKEN');
    expect(snapshot(storage)).toEqual(before);
  });

  it('rejects bad roles, statuses and emails with PUGO_ERR_INVALID_INPUT', async () => {
    const storage = await open();
    for (const bad of [
      { role: 'root' },
      { status: 'gone' },
      { email: 'no-at-sign' },
      { name: '' },
      { passwordHash: '' },
    ]) {
      expect((await rejection(storage.users.create({ ...alice, ...bad } as never))).code).toBe(
        'PUGO_ERR_INVALID_INPUT',
      );
    }
    expect(await storage.users.count()).toBe(0);
  });
});

describe.each(kinds)('sessions on %s', (_, open) => {
  it('finds a valid session with its user; expiry, revocation and disabled users end it', async () => {
    const clock: Clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const storage = await open({ clock });
    const user = await storage.users.create(alice);
    const session = await storage.sessions.create({
      tokenHash: 'hash-1',
      userId: user.id,
      expiresAt: new Date('2026-01-02T00:00:00.000Z'),
      userAgent: 'UA',
      ip: '127.0.0.1',
    });
    expect(session).toMatchObject({
      tokenHash: 'hash-1',
      userId: user.id,
      revokedAt: null,
      userAgent: 'UA',
      ip: '127.0.0.1',
    });
    const found = await storage.sessions.findValid('hash-1');
    expect(found?.session).toEqual(session);
    expect(found?.user).toEqual(user);
    expect(await storage.sessions.findValid('other')).toBeUndefined();
    expect(
      await storage.sessions.findValid('hash-1', new Date('2026-01-02T00:00:00.000Z')),
    ).toBeUndefined();

    expect((await storage.sessions.extend('hash-1', '2026-01-05T00:00:00.000Z')).expiresAt).toEqual(
      new Date('2026-01-05T00:00:00.000Z'),
    );
    expect(
      await storage.sessions.findValid('hash-1', new Date('2026-01-03T00:00:00.000Z')),
    ).toBeDefined();
    expect((await rejection(storage.sessions.extend('nope', new Date()))).code).toBe(
      'PUGO_ERR_NOT_FOUND',
    );

    await storage.users.update(user.id, { status: 'disabled' });
    expect(await storage.sessions.findValid('hash-1')).toBeUndefined();
    await storage.users.update(user.id, { status: 'active' });
    expect(await storage.sessions.revoke('hash-1')).toBe(true);
    expect(await storage.sessions.revoke('hash-1')).toBe(false);
    expect(await storage.sessions.findValid('hash-1')).toBeUndefined();
  });

  it('revokes all of a user and purges expired or revoked sessions', async () => {
    const clock: Clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const storage = await open({ clock });
    const user = await storage.users.create(alice);
    for (const [hash, expires] of [
      ['a', '2025-12-31T00:00:00.000Z'],
      ['b', '2026-02-01T00:00:00.000Z'],
      ['c', '2026-02-01T00:00:00.000Z'],
    ] as const) {
      await storage.sessions.create({ tokenHash: hash, userId: user.id, expiresAt: expires });
    }
    expect((await storage.sessions.listForUser(user.id)).map((s) => s.tokenHash)).toEqual([
      'c',
      'b',
      'a',
    ]);
    await storage.sessions.revoke('b');
    expect(await storage.sessions.purgeExpired()).toBe(2);
    expect((await storage.sessions.listForUser(user.id)).map((s) => s.tokenHash)).toEqual(['c']);
    expect(await storage.sessions.revokeAllForUser(user.id)).toBe(1);
    expect(await storage.sessions.findValid('c')).toBeUndefined();
    await storage.users.delete(user.id);
    expect(storage.raw.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
  });

  it('rejects a session for no user, a reused hash and a bad expiry', async () => {
    const storage = await open();
    const user = await storage.users.create(alice);
    const before = snapshot(storage);
    expect(
      (
        await rejection(
          storage.sessions.create({ tokenHash: 'x', userId: 999, expiresAt: new Date() }),
        )
      ).code,
    ).toBe('PUGO_ERR_FOREIGN_KEY');
    expect(snapshot(storage)).toEqual(before);
    await storage.sessions.create({ tokenHash: 'x', userId: user.id, expiresAt: new Date() });
    expect(
      (
        await rejection(
          storage.sessions.create({ tokenHash: 'x', userId: user.id, expiresAt: new Date() }),
        )
      ).code,
    ).toBe('PUGO_ERR_DUPLICATE');
    expect(
      (
        await rejection(
          storage.sessions.create({ tokenHash: 'y', userId: user.id, expiresAt: 'soon' }),
        )
      ).code,
    ).toBe('PUGO_ERR_INVALID_INPUT');
  });
});
