// Headless Chromium through the admin: sign in, upload an image, write with live preview, insert the
// image, publish, see it on the home page, approve a comment. Screenshots in test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from './admin-fixtures.js';
import { type AdminTestBlog, EMAIL, openAdminBlog, PASSWORD } from './admin-helpers.js';

const CHROMIUM = process.env.PUGO_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === 'true')
    throw new Error(`browser tests need chromium at ${CHROMIUM} (CI=true)`);
  process.stderr.write(`blog admin browser test skipped: no chromium at ${CHROMIUM}\n`);
}

describe.runIf(available)('the admin in a browser', () => {
  let blog: AdminTestBlog;
  let browser: Browser;
  let base: string;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    blog = await openAdminBlog();
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
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      // Failed loads are reported with their URL by the response listener.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await blog?.close();
  });

  it('signs in, uploads, writes with preview, inserts the image, publishes, approves a comment', async () => {
    await page.goto(`${base}/admin/posts`);
    await page.waitForURL(/\/admin\/login\?next=/);
    await page.screenshot({ path: `${ARTIFACTS}admin-login.png` });
    await page.fill('input[name="email"]', EMAIL);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForURL(`${base}/admin/posts`),
      page.click('button[type="submit"]'),
    ]);
    // The stylesheet applied (hashed asset under the CSP).
    expect(await page.locator('.bar').evaluate((el) => getComputedStyle(el).display)).toBe('flex');

    await page.goto(`${base}/admin/media`);
    await page.setInputFiles('input[type="file"]', {
      name: 'blue.png',
      mimeType: 'image/png',
      buffer: pngImage(32),
    });
    await Promise.all([
      page.waitForURL(/notice=Uploaded/),
      page.click('form.upload button[type="submit"]'),
    ]);
    expect(await page.locator('.media-grid img').count()).toBe(1);
    expect(
      await page
        .locator('.media-grid img')
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(32);
    await page.screenshot({ path: `${ARTIFACTS}admin-media.png`, fullPage: true });

    await page.goto(`${base}/admin/posts/new`);
    await page.fill('input[name="title"]', 'Written in Chromium');
    await page.fill(
      '#source',
      'First **bold** paragraph.\n\n<!--more-->\n\n```js\nconst x = 1;\n```',
    );
    await expect.poll(() => page.locator('#preview strong').textContent()).toBe('bold');
    await expect.poll(() => page.locator('#preview code.hljs').count()).toBe(1);
    await page.locator('#source').press('End');
    await page.click('.insert .thumb');
    await expect.poll(() => page.locator('#preview img').count()).toBe(1);
    expect(await page.locator('#source').inputValue()).toMatch(
      /!\[blue\.png\]\(\/media\/\d{4}\/\d{2}\/[0-9a-f]{64}\.png\)/,
    );
    await page.fill('input[name="tags"]', 'browser, admin');
    await page.selectOption('select[name="status"]', 'published');
    await page.screenshot({ path: `${ARTIFACTS}admin-editor.png`, fullPage: true });
    await Promise.all([page.waitForURL(/notice=Saved/), page.click('.side button[type="submit"]')]);

    await page.goto(`${base}/`);
    const summary = page.locator('article.post-summary', { hasText: 'Written in Chromium' });
    expect(await summary.count()).toBe(1);
    await summary.getByRole('link', { name: 'Written in Chromium' }).first().click();
    await page.waitForURL(`${base}/posts/written-in-chromium`);
    expect(
      await page.locator('main img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(32);

    const post = await blog.storage.posts.findBySlug('written-in-chromium');
    const held = await blog.storage.comments.create({
      postId: post?.id ?? 0,
      authorName: 'Held Reader',
      authorEmail: 'held@example.com',
      body: 'Waiting for approval from the browser test.',
      status: 'pending',
    });
    await page.goto(`${base}/admin`);
    await page.screenshot({ path: `${ARTIFACTS}admin-dashboard.png`, fullPage: true });
    await page.goto(`${base}/admin/comments`);
    const row = page.locator('.comment', { hasText: 'Waiting for approval' });
    await page.screenshot({ path: `${ARTIFACTS}admin-comments.png`, fullPage: true });
    await Promise.all([
      page.waitForURL(/notice=/),
      row.getByRole('button', { name: 'Approve' }).click(),
    ]);
    expect((await blog.storage.comments.get(held.id)).status).toBe('approved');
    await page.goto(`${base}/posts/written-in-chromium`);
    expect(await page.locator('.comment', { hasText: 'Waiting for approval' }).count()).toBe(1);

    await page.goto(`${base}/admin/posts`);
    await page.screenshot({ path: `${ARTIFACTS}admin-posts.png`, fullPage: true });
    await page.goto(`${base}/admin/settings`);
    await page.screenshot({ path: `${ARTIFACTS}admin-settings.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
