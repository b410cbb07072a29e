// pugo-soak's configuration for the blog: `pnpm soak [--quick] [--inject SCENARIO]` from the root.
// Each load of this file seeds a fresh temporary SQLite database with 1,000 posts (the blog's own
// seed command), reads back the post and tag slugs for the request mix, and removes the folder
// when the soak is over (`teardown`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@pugo/storage';

const here = new URL('.', import.meta.url).pathname;
const POSTS = 1000;
const ADMIN_EMAIL = 'soak@example.com';
const ADMIN_PASSWORD = 'soak-password-not-secret';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const CSRF = 'name="_csrf" value="([^"]+)"';

/** Seeds the database and returns the slugs the routes pick from. */
async function seed(db) {
  execFileSync(
    process.execPath,
    ['dist/seed-cli.js', '--db', db, '--posts', String(POSTS), '--comments-per-post', '2'],
    {
      cwd: here,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'test' },
    },
  );
  const storage = await openStorage({ url: db });
  try {
    // Every seeded post is published in the past, so the public slugs are all of them.
    const posts = await storage.posts.publishedSlugs();
    const tags = await storage.tags.list({ all: true });
    return { posts: posts.map((p) => p.slug), tags: tags.map((t) => t.slug) };
  } finally {
    await storage.close();
  }
}

const pick = (values) => `{{pick:${values.map(encodeURIComponent).join('|')}}}`;

export default async function blogSoakConfig() {
  const dir = mkdtempSync(join(tmpdir(), 'pugo-soak-blog-'));
  const db = join(dir, 'soak.db');
  const slugs = await seed(db);
  const post = pick(slugs.posts);
  const tag = pick(slugs.tags);
  // `ref` varies the query string as campaign links do: the `cache` scenario keys on the full URL.
  const ref = 'ref={{int:1-1000000}}';
  return {
    cmd: 'PUGO_PPROF_PORT={pprofPort} node dist/main.js',
    env: {
      NODE_ENV: 'test',
      PUGO_DB: db,
      PUGO_SEED: '0',
      PUGO_PPROF: '1',
      PUGO_LOG_LEVEL: 'warn',
      // One client IP posts every comment: the per-IP limit (5 per 10 minutes) would turn the
      // comment share of the mix into 429s.
      PUGO_COMMENT_LIMIT: '10000',
      // The first admin of the fresh database (created at start-up): the setup logs in as it.
      PUGO_ADMIN_EMAIL: ADMIN_EMAIL,
      PUGO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    ready: '/healthz',
    readyTimeout: '60s',
    // Log in once (the login form's CSRF token, then the session's), and read post 1's slug so
    // that the edits below keep it (a changed slug would turn the public requests for it into 404s).
    setup: [
      {
        name: 'login form',
        path: '/admin/login',
        capture: { loginCsrf: { from: 'body', regex: CSRF } },
      },
      {
        name: 'log in',
        method: 'POST',
        path: '/admin/login',
        headers: form,
        body: `_csrf={{loginCsrf}}&email=${encodeURIComponent(ADMIN_EMAIL)}&password=${ADMIN_PASSWORD}&next=%2Fadmin`,
        expect: [303],
      },
      {
        name: 'edit form',
        path: '/admin/posts/1',
        capture: {
          csrf: { from: 'body', regex: CSRF },
          slug: { from: 'body', regex: 'name="slug" value="([^"]+)"' },
        },
      },
    ],
    routes: [
      { name: 'home', path: `/?${ref}`, weight: 10 },
      { name: 'home paging', path: `/page/{{int:2-100}}?${ref}`, weight: 8 },
      { name: 'post', path: `/posts/${post}?${ref}`, weight: 30 },
      { name: 'tag', path: `/tags/${tag}?${ref}`, weight: 8 },
      { name: 'tag paging', path: `/tags/${tag}/page/2?${ref}`, weight: 3 },
      { name: 'archive', path: '/archive', weight: 3 },
      { name: 'rss', path: '/feed.xml', weight: 3 },
      { name: 'atom', path: '/atom.xml', weight: 2 },
      { name: 'json feed', path: '/feed.json', weight: 2 },
      { name: 'sitemap', path: '/sitemap.xml', weight: 1 },
      {
        name: 'search',
        path: `/search?q={{pick:leak|pool|memory|sqlite|pprof|garbage|tango|heap}}&${ref}`,
        weight: 8,
      },
      {
        name: 'comment',
        method: 'POST',
        path: `/posts/${post}/comments`,
        weight: 2,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Soak&email=soak%40example.com&body=Comment+number+{{seq}}+from+the+soak.',
        expect: [303],
      },
      { name: 'admin posts', path: '/admin/posts?page={{int:1-20}}', weight: 1 },
      { name: 'admin edit form', path: '/admin/posts/{{int:1-1000}}', weight: 1 },
      {
        name: 'admin edit',
        method: 'POST',
        path: '/admin/posts/1',
        weight: 1,
        headers: form,
        body:
          '_csrf={{csrf}}&title=Edited+by+the+soak&slug={{slug}}&status=published&tags=Go%2C+Memory' +
          '&commentStatus=open&source=Edit+number+{{seq}}.%0A%0A%3C!--more--%3E%0A%0A%60%60%60js%0Aconst+x+%3D+{{seq}}%3B%0A%60%60%60',
        expect: [303],
      },
    ],
    teardown: () => rmSync(dir, { recursive: true, force: true }),
    scenarios: {
      'tango-pool': { env: { PUGO_INJECT_LEAK: 'tango-pool' } },
      listener: { env: { PUGO_INJECT_LEAK: 'listener' } },
      cache: { env: { PUGO_INJECT_LEAK: 'cache' } },
      timer: { env: { PUGO_INJECT_LEAK: 'timer' } },
      'bounded-cache': { env: { PUGO_INJECT_LEAK: 'bounded-cache' } },
    },
  };
}
