// Headless Chromium (Debian's, through playwright-core): a reader opens the blog, reads and comments.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBlog, type TestBlog } from './helpers.js';

const CHROMIUM = process.env.PUGO_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === 'true')
    throw new Error(`browser tests need chromium at ${CHROMIUM} (CI=true)`);
  process.stderr.write(
    `blog browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
}

describe.runIf(available)('in a browser', () => {
  let blog: TestBlog;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    blog = await openTestBlog({ extraPosts: 12 });
    base = await blog.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await blog?.close();
  });

  it('opens the home page, follows a post, comments and sees the comment', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/`);
    expect(await page.title()).toBe('Pugo');
    expect(await page.locator('article.post-summary').count()).toBe(10);
    // The stylesheet applied (hashed asset, allowed by the CSP).
    const font = await page
      .locator('.site-title')
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Georgia');

    await page.getByRole('link', { name: 'Hello World' }).first().click();
    await page.waitForURL(`${base}/posts/hello-world`);
    await expect.poll(() => page.locator('h1.p-name').textContent()).toBe('Hello World');
    expect(await page.locator('.comment').count()).toBe(3);

    await page.fill('#c-name', 'Browser Reader');
    await page.fill('#c-email', 'reader@example.com');
    await page.fill(
      '#c-body',
      'Written in headless Chromium.\n\nSecond paragraph <b>not bold</b>.',
    );
    await Promise.all([page.waitForURL(/comment=\d+/), page.click('button[type="submit"]')]);
    expect(await page.locator('#comment-notice').textContent()).toContain(
      'Your comment is published.',
    );
    const mine = page.locator('.comment', { hasText: 'Written in headless Chromium.' });
    expect(await mine.count()).toBe(1);
    expect(await mine.locator('.comment-body b').count()).toBe(0);
    expect(await mine.locator('.comment-body').textContent()).toContain('<b>not bold</b>');

    // Reply in place (the theme's app.js moves the form under the comment).
    await page
      .locator('.comment', { hasText: 'Ada Lovelace' })
      .first()
      .getByRole('link', { name: 'Reply' })
      .first()
      .click();
    expect(await page.locator('input[name="parent"]').inputValue()).toMatch(/^\d+$/);
    await page.fill('#c-name', 'Browser Reader');
    await page.fill('#c-email', 'reader@example.com');
    await page.fill('#c-body', 'A nested reply from the browser.');
    await Promise.all([page.waitForURL(/comment=\d+/), page.click('button[type="submit"]')]);
    expect(
      await page
        .locator('.replies .comment', { hasText: 'A nested reply from the browser.' })
        .count(),
    ).toBe(1);

    await page.screenshot({ path: `${ARTIFACTS}post-with-comment.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a held comment as pending when moderation is on', async () => {
    await blog.setSettings({ commentsModerateAll: true });
    const page = await browser.newPage();
    await page.goto(`${base}/posts/pools-that-cannot-leak`);
    expect(await page.locator('.comment-form .hint').textContent()).toContain(
      'Comments are moderated',
    );
    await page.fill('#c-name', 'New Reader');
    await page.fill('#c-email', 'new-reader@example.com');
    await page.fill('#c-body', 'Please approve me.');
    await Promise.all([page.waitForURL(/comment=pending/), page.click('button[type="submit"]')]);
    expect(await page.locator('#comment-notice').textContent()).toContain('awaiting moderation');
    expect(await page.locator('.comment', { hasText: 'Please approve me.' }).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}comment-pending.png`, fullPage: true });
    await page.close();
  });
});
