// Comments: validation, honeypot, per-IP limit, moderation per settings, auto-approval, nesting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { form, openTestBlog, type TestBlog } from './helpers.js';

let blog: TestBlog;
beforeEach(async () => {
  blog = await openTestBlog({ commentLimit: 3 });
});
afterEach(() => blog.close());

const valid = {
  name: 'Alan Turing',
  email: 'alan@example.com',
  url: '',
  body: 'A fine post.',
  parent: '',
};
let ip = 1;
/** Each call from a fresh IP unless told, so the rate limit only bites where a test wants it. */
const postComment = (
  fields: Record<string, string>,
  url = '/posts/hello-world/comments',
  from?: string,
) =>
  blog.app.inject({
    method: 'POST',
    url,
    ...form(fields),
    remoteAddress: from ?? `10.0.0.${ip++}`,
  });
const comments = async (slug = 'hello-world') => {
  const post = (await blog.storage.posts.findBySlug(slug))!;
  return (await blog.storage.comments.list({ postId: post.id, pageSize: 100 })).items;
};

describe('posting comments', () => {
  it('publishes a valid comment on an open post and redirects to it', async () => {
    const res = await postComment(valid);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/posts\/hello-world\?comment=(\d+)#comment-\1$/);
    const page = await blog.app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('Thank you! Your comment is published.');
    expect(page.body).toContain('<p>A fine post.</p>');
    expect(page.body).toContain('<h2>4 comments</h2>');
    const saved = (await comments()).find((c) => c.authorName === 'Alan Turing')!;
    expect(saved.status).toBe('approved');
    expect(saved.ip).toMatch(/^10\.0\.0\./);
    const activity = await blog.storage.activity.list({});
    expect(activity.items[0]?.action).toBe('comment.posted');
  });

  it('re-renders the form with every problem (422), keeping what was typed', async () => {
    const res = await postComment({
      name: '',
      email: 'not-an-email',
      url: 'javascript:alert(1)',
      body: 'x',
      parent: '',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Please enter your name.');
    expect(res.body).toContain('Please enter a valid email address.');
    expect(res.body).toContain('Your website must be an http:// or https:// address.');
    expect(res.body).toContain('Your comment must be at least 2 characters.');
    expect(res.body).toContain('value="not-an-email"');
    const long = await postComment({ ...valid, body: 'y'.repeat(5001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('at most 5000 characters (it has 5001)');
    expect((await comments()).length).toBe(3);
  });

  it('drops a comment whose honeypot is filled, answering as if it were held', async () => {
    const res = await postComment({ ...valid, website: 'http://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('comment=pending');
    expect((await comments()).length).toBe(3);
  });

  it('limits comments per IP (429 with Retry-After), other IPs unaffected', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await postComment({ ...valid, body: `number ${i}` }, undefined, '10.9.9.9')).statusCode,
      ).toBe(303);
    }
    const limited = await postComment({ ...valid, body: 'one too many' }, undefined, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('You are commenting too fast');
    expect(
      (await postComment({ ...valid, body: 'another ip' }, undefined, '10.9.9.10')).statusCode,
    ).toBe(303);
  });

  it('holds comments when moderation is on, then auto-approves a known email', async () => {
    await blog.setSettings({ commentsModerateAll: true });
    const stranger = await postComment({
      ...valid,
      email: 'new@example.com',
      body: 'Held for review',
    });
    expect(stranger.headers.location).toBe('/posts/hello-world?comment=pending#comment-notice');
    const page = await blog.app.inject({ url: stranger.headers.location as string });
    expect(page.body).toContain('Your comment is awaiting moderation.');
    expect(page.body).not.toContain('Held for review');
    // ada@example.com already has an approved comment in the sample content.
    const known = await postComment({
      ...valid,
      name: 'Ada',
      email: 'ADA@example.com',
      body: 'Known author',
    });
    expect(known.headers.location).toMatch(/comment=\d+#comment-\d+$/);
    const statuses = Object.fromEntries((await comments()).map((c) => [c.body, c.status]));
    expect(statuses).toMatchObject({ 'Held for review': 'pending', 'Known author': 'approved' });
    await blog.setSettings({ commentsAutoApproveKnown: false });
    const notAuto = await postComment({ ...valid, email: 'ada@example.com', body: 'Not auto' });
    expect(notAuto.headers.location).toContain('comment=pending');
  });

  it('honours a post held for moderation and a closed post', async () => {
    const post = (await blog.storage.posts.findBySlug('soak-tests-in-ci'))!;
    await blog.storage.posts.update(post.id, { commentStatus: 'moderated' });
    const held = await postComment(valid, '/posts/soak-tests-in-ci/comments');
    expect(held.headers.location).toContain('comment=pending');
    await blog.storage.posts.update(post.id, { commentStatus: 'closed' });
    const closed = await postComment(valid, '/posts/soak-tests-in-ci/comments');
    expect(closed.statusCode).toBe(403);
    const page = await blog.app.inject({ url: '/posts/soak-tests-in-ci' });
    expect(page.body).toContain('Comments are closed.');
    expect(page.body).not.toContain('id="comment-form"');
  });

  it('closes comments on posts older than commentsCloseAfterDays', async () => {
    await blog.setSettings({ commentsCloseAfterDays: 1 });
    // The sample posts after Hello World are one day or more old.
    expect((await postComment(valid, '/posts/soak-tests-in-ci/comments')).statusCode).toBe(403);
    expect((await postComment(valid)).statusCode).toBe(303);
  });

  it('nests replies under approved comments only', async () => {
    const top = (await comments()).find((c) => c.authorName === 'Grace Hopper')!;
    const res = await postComment({ ...valid, body: 'A reply', parent: String(top.id) });
    expect(res.statusCode).toBe(303);
    const page = await blog.app.inject({ url: '/posts/hello-world' });
    const grace = page.body.indexOf(`id="comment-${top.id}"`);
    expect(page.body.indexOf('<p>A reply</p>')).toBeGreaterThan(
      page.body.indexOf('<ol class="replies">', grace),
    );
    for (const parent of ['999999', 'abc', '-1']) {
      const bad = await postComment({ ...valid, parent });
      expect(bad.statusCode, parent).toBe(422);
      expect(bad.body).toContain('The comment you reply to does not exist.');
    }
    const other = await blog.storage.posts.findBySlug('soak-tests-in-ci');
    const elsewhere = await blog.storage.comments.create({
      postId: other!.id,
      authorName: 'X',
      authorEmail: 'x@example.com',
      body: 'elsewhere',
      status: 'approved',
    });
    expect((await postComment({ ...valid, parent: String(elsewhere.id) })).statusCode).toBe(422);
  });

  it('offers a reply form for ?reply=<id>', async () => {
    const top = (await comments()).find((c) => c.authorName === 'Ada Lovelace')!;
    const page = await blog.app.inject({ url: `/posts/hello-world?reply=${top.id}` });
    expect(page.body).toContain('Reply to Ada Lovelace');
    expect(page.body).toContain(`<input type="hidden" name="parent" value="${top.id}">`);
  });

  it('accepts comments on pages whose comments are open', async () => {
    const about = (await blog.storage.pages.findBySlug('about'))!;
    expect((await postComment(valid, '/about/comments')).statusCode).toBe(403);
    await blog.storage.pages.update(about.id, { commentStatus: 'open' });
    const res = await postComment(valid, '/about/comments');
    expect(res.statusCode).toBe(303);
    const page = await blog.app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('<p>A fine post.</p>');
  });
});
