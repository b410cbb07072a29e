// Paging and slug edges: bad numbers and hostile slugs are 404s or 400s, never 500s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestBlog, type TestBlog } from './helpers.js';

let blog: TestBlog;
beforeAll(async () => {
  blog = await openTestBlog({ extraPosts: 15 });
});
afterAll(() => blog.close());

const status = async (url: string) => (await blog.app.inject({ method: 'GET', url })).statusCode;

it('page numbers that are not positive canonical integers, or past the end, are 404', async () => {
  for (const n of [
    '0',
    '-1',
    '99999',
    'abc',
    '01',
    '1.5',
    '1e3',
    '%20',
    '9999999999999999999999',
    '2abc',
  ]) {
    expect(await status(`/page/${n}`), `/page/${n}`).toBe(404);
    expect(await status(`/tags/pugo/page/${n}`), `/tags/pugo/page/${n}`).toBe(404);
  }
  expect(await status('/page/2')).toBe(200);
});

it('hostile slugs are 404, never 500', async () => {
  // (A bare `..` or `%2e%2e` never reaches the app: URL parsing resolves it, `/posts/..` is `/`.)
  const slugs = [
    '..%2F..%2Fetc%2Fpasswd',
    '..%2F',
    '%00',
    'a%00b',
    "'%20OR%201=1--",
    '%3Cscript%3E',
    'x'.repeat(400),
    '%E2%80%AE',
    '%FF',
    'hello-world%2F..',
  ];
  for (const slug of slugs) {
    for (const prefix of ['/posts/', '/tags/', '/']) {
      const code = await status(`${prefix}${slug}`);
      // 414 for a parameter over fastify's maxParamLength (300).
      expect([400, 404, 414], `${prefix}${slug}`).toContain(code);
    }
  }
  expect(await status('/posts/../about')).toBe(200); // normalised by the URL parser to /about
});

it('search rejects over-long queries and bad pages with 400, and survives syntax characters', async () => {
  expect(await status(`/search?q=${'a'.repeat(201)}`)).toBe(400);
  for (const page of ['0', '-1', 'abc', '1.5']) {
    expect(await status(`/search?q=leak&page=${page}`), page).toBe(400);
  }
  expect(await status('/search?q=a&q=b')).toBe(400);
  for (const q of ['"', 'NEAR(', 'a OR', '*', 'AND AND', ')(', "'; DROP TABLE posts; --", '%00']) {
    expect(await status(`/search?q=${encodeURIComponent(q)}`), q).toBe(200);
  }
  expect(await status('/search?q=leak&page=99999')).toBe(200);
});

it('comment posts to unknown posts are 404 and malformed bodies 4xx', async () => {
  const post = (url: string, payload: string, type = 'application/x-www-form-urlencoded') =>
    blog.app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
  expect((await post('/posts/nope/comments', 'name=a')).statusCode).toBe(404);
  expect((await post('/posts/..%2F/comments', 'name=a')).statusCode).toBe(404);
  expect(
    (await post('/posts/hello-world/comments', '{"name":', 'application/json')).statusCode,
  ).toBe(400);
  expect((await post('/posts/hello-world/comments', 'x', 'text/plain')).statusCode).toBe(422);
  expect((await post('/posts/hello-world/comments', 'x', 'application/xml')).statusCode).toBe(415);
});
