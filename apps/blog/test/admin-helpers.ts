// Test helpers for the admin: a blog with the admin mounted, a user, and a signed-in client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminOptions } from '../src/admin/admin.js';
import { adminExtension } from '../src/admin/admin.js';
import { hashPassword } from '../src/admin/passwords.js';
import { openTestBlog, type TestBlog } from './helpers.js';

export const EMAIL = 'ada@example.com';
export const PASSWORD = 'correct horse battery';

export interface AdminTestBlog extends TestBlog {
  readonly mediaDir: string;
  /** The admin's clock runs `clock.offsetMs` ahead of real time: move it with `+=`. */
  readonly clock: { offsetMs: number };
}

/** A blog (welcome content) with the admin and one admin user. */
export async function openAdminBlog(
  options: Partial<Omit<AdminOptions, 'storage' | 'mediaDir' | 'now'>> = {},
  appOptions: { trustProxy?: boolean } = {},
): Promise<AdminTestBlog> {
  const clock = { offsetMs: 0 };
  const mediaDir = mkdtempSync(join(tmpdir(), 'pugo-admin-media-'));
  const blog = await openTestBlog({
    ...appOptions,
    // The site's storage is the whole Storage the helper opened; the admin needs more of it.
    extend: (b) =>
      adminExtension({
        storage: b.site.storage as unknown as AdminOptions['storage'],
        mediaDir,
        now: () => new Date(Date.now() + clock.offsetMs),
        ...options,
      })(b),
  });
  await blog.storage.users.create({
    name: 'Ada',
    email: EMAIL,
    passwordHash: await hashPassword(PASSWORD),
    role: 'admin',
  });
  return {
    ...blog,
    mediaDir,
    clock,
    async close() {
      await blog.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A client that keeps cookies, like a browser, over fastify.inject. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly blog: AdminTestBlog) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    options: {
      form?: Record<string, string | string[]>;
      json?: unknown;
      headers?: Record<string, string>;
      payload?: Buffer | string;
    } = {},
  ) {
    const headers: Record<string, string> = { cookie: this.cookie, ...options.headers };
    let payload: string | Buffer | undefined = options.payload;
    if (options.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(options.form))
        for (const x of [v].flat()) params.append(k, x);
      payload = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const response = await this.blog.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const c of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return response;
  }

  /** The hidden _csrf value of a page's first form. */
  async csrfFrom(url: string): Promise<string> {
    const page = await this.request('GET', url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no _csrf on ${url}: ${page.statusCode}`);
    return token;
  }

  async login(email = EMAIL, password = PASSWORD) {
    const _csrf = await this.csrfFrom('/admin/login');
    return this.request('POST', '/admin/login', { form: { email, password, _csrf } });
  }
}
