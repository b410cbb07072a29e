// The admin's access control: passwords, lockout, sessions, logout, CSRF, cookie flags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/admin/tokens.js';
import { type AdminTestBlog, Client, EMAIL, openAdminBlog } from './admin-helpers.js';

describe('admin access', () => {
  let blog: AdminTestBlog;
  beforeAll(async () => {
    blog = await openAdminBlog({
      sessionTtlMs: 3600_000,
      loginLimits: { maxPerAccount: 3, maxPerIp: 100, windowMs: 600_000, lockMs: 600_000 },
    });
  });
  afterAll(async () => blog?.close());

  it('redirects pages to the login and answers API calls with 401', async () => {
    const c = new Client(blog);
    const page = await c.request('GET', '/admin/posts');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/login?next=%2Fadmin%2Fposts');
    const api = await c.request('POST', '/admin/api/preview', { json: { source: 'x' } });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('signs in with the right password; the cookie is httpOnly, SameSite=Lax, and only a hash is stored', async () => {
    const c = new Client(blog);
    const res = await c.login();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const cookie = [res.headers['set-cookie']].flat().find((x) => x?.startsWith('pugo_session='));
    expect(cookie).toMatch(/HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = c.cookies.get('pugo_session') ?? '';
    expect(Buffer.from(decodeURIComponent(token), 'base64url')).toHaveLength(32);
    const user = await blog.storage.users.findByEmail(EMAIL);
    const sessions = await blog.storage.sessions.listForUser(user?.id ?? 0);
    expect(sessions.map((s) => s.tokenHash)).toContain(hashToken(decodeURIComponent(token)));
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect((await c.request('GET', '/admin')).statusCode).toBe(200);
    const activity = await blog.storage.activity.list({ page: 1, pageSize: 5 });
    expect(activity.items[0]?.action).toBe('user.login');
  });

  it('marks the cookie Secure behind TLS (x-forwarded-proto with a trusted proxy)', async () => {
    const b = await openAdminBlog({}, { trustProxy: true });
    const c = new Client(b);
    const _csrf = await c.csrfFrom('/admin/login');
    const res = await c.request('POST', '/admin/login', {
      form: { email: EMAIL, password: 'correct horse battery', _csrf },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(303);
    expect([res.headers['set-cookie']].flat().join('\n')).toMatch(/pugo_session=[^;]+;.*Secure/);
    await b.close();
  });

  it('keeps each cookie’s name, path, lifetime and flags, unsigned, and deletes them with Max-Age=0', async () => {
    const c = new Client(blog);
    const form = await c.request('GET', '/admin/login');
    expect(form.headers['set-cookie']).toMatch(
      /^pugo_login=[\w-]{43}; Max-Age=3600; Path=\/admin\/login; HttpOnly; SameSite=Lax$/,
    );
    const login = await c.login();
    const [session, used] = [login.headers['set-cookie']].flat();
    // The raw token, no signature: nothing is signed that was not signed before.
    expect(session).toMatch(
      /^pugo_session=[\w-]{43}; Max-Age=3600; Path=\/admin; HttpOnly; SameSite=Lax$/,
    );
    expect(used).toMatch(/^pugo_login=; Max-Age=0; Path=\/admin\/login;.* HttpOnly; SameSite=Lax$/);
    const _csrf = await c.csrfFrom('/admin');
    const out = await c.request('POST', '/admin/logout', { form: { _csrf } });
    expect(out.headers['set-cookie']).toMatch(
      /^pugo_session=; Max-Age=0; Path=\/admin;.* HttpOnly; SameSite=Lax$/,
    );
  });

  it('treats a malformed or look-alike cookie as no session, never as an error', async () => {
    const c = new Client(blog);
    await c.login();
    const token = c.cookies.get('pugo_session') ?? '';
    for (const cookie of [
      'pugo_session=%E0%A4%A; broken="',
      `xpugo_session=${token}`,
      `pugo_session_old=${token}`,
      `pugo_session=${token.slice(1)}`,
    ]) {
      const res = await blog.app.inject({ url: '/admin/posts', headers: { cookie } });
      expect(res.statusCode, cookie).toBe(303);
    }
    const ok = await blog.app.inject({
      url: '/admin/posts',
      headers: { cookie: `other=1; pugo_session=${token}; theme=dark` },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await new Client(blog).login(EMAIL, 'not the password');
    const unknown = await new Client(blog).login('nobody@example.com', 'whatever password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong email or password.');
    expect(unknown.body).toContain('Wrong email or password.');
    expect(wrong.headers['set-cookie']?.toString()).not.toContain('pugo_session=');
  });

  it('refuses a login form without its token', async () => {
    const c = new Client(blog);
    const res = await c.request('POST', '/admin/login', {
      form: { email: EMAIL, password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    const b = await openAdminBlog({
      loginLimits: { maxPerAccount: 3, maxPerIp: 100, windowMs: 600_000, lockMs: 600_000 },
    });
    for (let i = 0; i < 2; i++)
      expect((await new Client(b).login(EMAIL, 'bad guess')).statusCode).toBe(401);
    expect((await new Client(b).login(EMAIL, 'bad guess')).statusCode).toBe(401);
    const locked = await new Client(b).login();
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed sign-ins');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    b.clock.offsetMs += 600_001;
    expect((await new Client(b).login()).statusCode).toBe(303);
    await b.close();
  });

  it('locks an account for 15 minutes at its 5th failure by default, with the minutes in the message', async () => {
    const b = await openAdminBlog();
    for (let i = 0; i < 5; i++)
      expect((await new Client(b).login(EMAIL, 'bad guess')).statusCode).toBe(401);
    const locked = await new Client(b).login();
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed sign-ins: try again in 15 minutes.');
    expect(locked.headers['retry-after']).toBe('900');
    b.clock.offsetMs += 14 * 60_000 + 1_000;
    const later = await new Client(b).login();
    expect(later.body).toContain('Too many failed sign-ins: try again in 1 minute.');
    b.clock.offsetMs += 60_000;
    expect((await new Client(b).login()).statusCode).toBe(303);
    await b.close();
  });

  it('locks an IP that guesses many accounts', async () => {
    const b = await openAdminBlog({ loginLimits: { maxPerAccount: 100, maxPerIp: 4 } });
    for (let i = 0; i < 4; i++) await new Client(b).login(`user${i}@example.com`, 'guess guess');
    expect((await new Client(b).login()).statusCode).toBe(429);
    await b.close();
  });

  it('expires sessions', async () => {
    const c = new Client(blog);
    await c.login();
    expect((await c.request('GET', '/admin')).statusCode).toBe(200);
    blog.clock.offsetMs += 3600_001;
    expect((await c.request('GET', '/admin')).statusCode).toBe(303);
    blog.clock.offsetMs = 0;
  });

  it('revokes the session on logout: a stolen copy of the cookie stops working', async () => {
    const c = new Client(blog);
    await c.login();
    const stolen = new Client(blog);
    for (const [k, v] of c.cookies) stolen.cookies.set(k, v);
    expect((await stolen.request('GET', '/admin/posts')).statusCode).toBe(200);
    const _csrf = await c.csrfFrom('/admin');
    const out = await c.request('POST', '/admin/logout', { form: { _csrf } });
    expect(out.statusCode).toBe(303);
    expect(c.cookies.has('pugo_session')).toBe(false);
    const after = await stolen.request('GET', '/admin/posts');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/admin\/login/);
  });

  it('rejects state changes without the session’s CSRF token, or with another session’s', async () => {
    const c = new Client(blog);
    await c.login();
    const other = new Client(blog);
    await other.login();
    const otherToken = await other.csrfFrom('/admin');
    const none = await c.request('POST', '/admin/settings/general', { form: { title: 'Hacked' } });
    const foreign = await c.request('POST', '/admin/settings/general', {
      form: { title: 'Hacked', _csrf: otherToken },
    });
    const api = await c.request('POST', '/admin/api/preview', { json: { source: '# x' } });
    expect(none.statusCode).toBe(403);
    expect(foreign.statusCode).toBe(403);
    expect(api.statusCode).toBe(403);
    expect(await blog.storage.settings.get('title')).not.toBe('Hacked');
    const mine = await c.csrfFrom('/admin');
    const ok = await c.request('POST', '/admin/api/preview', {
      json: { source: '# Hi' },
      headers: { 'x-csrf-token': mine },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().html).toContain('<h1');
  });

  it('sends only same-site admin paths as the next page', async () => {
    const c = new Client(blog);
    const _csrf = await c.csrfFrom('/admin/login');
    const res = await c.request('POST', '/admin/login', {
      form: {
        email: EMAIL,
        password: 'correct horse battery',
        _csrf,
        next: '//evil.example/admin',
      },
    });
    expect(res.headers.location).toBe('/admin');
  });
});
