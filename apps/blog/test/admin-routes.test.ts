// Walks fastify's route table: every /admin route but the login and static assets needs a session.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminExtension } from '../src/admin/admin.js';
import { PUBLIC_ADMIN_ROUTES as PUBLIC } from '../src/admin/auth.js';
import { openTestBlog, type TestBlog } from './helpers.js';

describe('the admin route table', () => {
  let blog: TestBlog;
  const routes: { method: string; url: string }[] = [];
  const mediaDir = mkdtempSync(join(tmpdir(), 'pugo-admin-routes-'));

  beforeAll(async () => {
    blog = await openTestBlog({
      extend: async (b) => {
        // Collect every route as fastify registers it, before the admin adds its own.
        b.app.addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) routes.push({ method, url: route.url });
        });
        await adminExtension({
          storage: b.site.storage as never,
          mediaDir,
        })(b);
      },
    });
  });
  afterAll(async () => {
    await blog?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('registers the screens', () => {
    const admin = routes.filter((r) => r.url.startsWith('/admin'));
    expect(admin.length).toBeGreaterThan(15);
    for (const url of [
      '/admin',
      '/admin/posts',
      '/admin/comments',
      '/admin/media',
      '/admin/settings',
    ]) {
      expect(admin.map((r) => r.url)).toContain(url);
    }
  });

  it('answers every /admin route without a session with a redirect (pages) or 401 (JSON)', async () => {
    const checked: string[] = [];
    for (const { method, url } of routes) {
      if (!url.startsWith('/admin') || PUBLIC.has(url) || method === 'HEAD') continue;
      const path = url.replace(/:[a-z]+/g, '1').replace('*', 'x');
      const page = await blog.app.inject({
        method: method as 'GET',
        url: path,
        headers: { accept: 'text/html' },
        ...(method === 'GET'
          ? {}
          : {
              payload: '_csrf=x',
              headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
            }),
      });
      if (url.startsWith('/admin/api/')) {
        // API endpoints never answer with a page, whatever the client accepts.
        expect([page.statusCode, `${method} ${url}`]).toEqual([401, `${method} ${url}`]);
      } else {
        expect([page.statusCode, `${method} ${url}`]).toEqual([303, `${method} ${url}`]);
        expect(page.headers.location).toMatch(/^\/admin\/login/);
      }
      const api = await blog.app.inject({
        method: method as 'GET',
        url: path,
        headers: { accept: 'application/json' },
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect([api.statusCode, `${method} ${url}`]).toEqual([401, `${method} ${url}`]);
      checked.push(`${method} ${url}`);
    }
    expect(checked.length).toBeGreaterThan(15);
  });

  it('does not let a path spelled to look like an asset reach another route', async () => {
    for (const url of [
      '/admin/assets/../posts',
      '/admin/assets/%2e%2e/settings',
      '/admin/login/../posts',
    ]) {
      const res = await blog.app.inject({ url, headers: { accept: 'text/html' } });
      expect([url, res.statusCode]).not.toEqual([url, 200]);
      expect(res.body).not.toContain('<h1>Posts</h1>');
    }
  });

  it('serves the login page and admin assets without a session', async () => {
    expect((await blog.app.inject('/admin/login')).statusCode).toBe(200);
    const css = /href="(\/admin\/assets\/admin\.[0-9a-f]+\.css)"/.exec(
      (await blog.app.inject('/admin/login')).body,
    )?.[1];
    expect(css).toBeDefined();
    expect((await blog.app.inject(css ?? '')).statusCode).toBe(200);
  });
});
