// The web UI in headless Chromium: switch views, search the flame graph, focus the graph; screenshots kept.
process.env.TZ = 'UTC';

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProfile } from '@pugo/profile';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startWebServer, type WebServer } from '../src/web/web-server.js';
import { fixtures } from './helpers/run-cli.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const executablePath = '/usr/bin/chromium';
const artifacts = join(import.meta.dirname, '..', 'test-artifacts');
let web: WebServer;
let diff: WebServer;
let browser: Browser;

beforeAll(async () => {
  // A real part, not a mock: without Chromium this test fails rather than passing unseen.
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: apt-get install -y chromium to test the web UI`);
  }
  mkdirSync(artifacts, { recursive: true });
  const load = (f: string) => decodeProfile(readFileSync(join(fixtures, f)), { source: f });
  const end = load('go-heap-leaky-end.pb.gz');
  web = await startWebServer({
    hostport: '127.0.0.1:0',
    sources: { profile: end, diffBase: false },
  });
  diff = await startWebServer({
    hostport: '127.0.0.1:0',
    sources: { profile: end, base: load('go-heap-leaky-start.pb.gz'), diffBase: true },
  });
  browser = await chromium.launch({
    executablePath,
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
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await diff?.close();
});

/** A page that records console errors (CSP violations among them). */
async function open(b: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

describe('web UI in Chromium', () => {
  test('views, flame graph search and zoom, focus from the form', async () => {
    const { page, errors } = await open(browser);

    await page.goto(`${web.url}/`);
    await expect.poll(() => page.locator('#graph svg').count()).toBe(1);
    expect(await page.locator('#graph svg').textContent()).toContain('ArticleController');
    await page.screenshot({ path: join(artifacts, 'graph.png'), fullPage: true });

    await page.getByRole('link', { name: 'Top', exact: true }).click();
    await page.waitForURL(/\/top$/);
    expect(await page.locator('#top tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#top tbody tr').first().textContent()).toContain(
      'main.(*ArticleController).Get',
    );
    await page.screenshot({ path: join(artifacts, 'top.png'), fullPage: true });

    await page.getByRole('link', { name: 'Flame graph' }).click();
    await page.waitForURL(/\/flamegraph$/);
    const canvas = page.locator('#flame');
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(50);
    await page.fill('#flame-search', 'Assign');
    await expect
      .poll(() => page.locator('#flame-status').textContent())
      .toMatch(/Matched 18\.19MB/);
    // Zoom: click the second row (runtime.main under the root) and the status says so.
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 18 + 9);
    await expect.poll(() => page.locator('#flame-status').textContent()).toMatch(/Zoomed to /);
    await page.getByRole('button', { name: 'Callers (inverted)' }).click();
    expect(
      await page.getByRole('button', { name: 'Callers (inverted)' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.getByRole('button', { name: 'Callees' }).click();
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await page.screenshot({ path: join(artifacts, 'flamegraph.png'), fullPage: true });

    await page.getByRole('link', { name: 'Graph', exact: true }).click();
    await page.waitForURL(/\/$/);
    await page.fill('input[name="f"]', 'Assign');
    await page.getByRole('button', { name: 'Refine' }).click();
    await page.waitForURL(/\/\?.*f=Assign/);
    const svgText = (await page.locator('#graph svg').textContent()) ?? '';
    expect(svgText).toContain('Assign');
    expect(svgText).toContain('focus=Assign');
    expect(svgText).not.toContain('NewRoute');
    await page.screenshot({ path: join(artifacts, 'graph-focus.png'), fullPage: true });

    await page.getByRole('link', { name: 'Peek' }).click();
    await page.waitForURL(/\/peek\?.*f=Assign/);
    expect(await page.locator('#text').textContent()).toContain('main.(*ThemeRender).Assign');
    await page.screenshot({ path: join(artifacts, 'peek.png'), fullPage: true });

    await page.goto(`${web.url}/?f=(`);
    expect(await page.locator('.error').textContent()).toContain('focus');
    await page.screenshot({ path: join(artifacts, 'error.png') });

    // The strict CSP let every script and style run: nothing was blocked, nothing threw.
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  test('-diff_base: the graph and the flame graph in growth colours, the flame view flipped', async () => {
    const { page, errors } = await open(browser);
    await page.goto(`${diff.url}/`);
    expect(await page.locator('#graph svg').textContent()).toContain('of 3136.27kB total');
    await page.screenshot({ path: join(artifacts, 'graph-diff.png'), fullPage: true });
    await page.goto(`${diff.url}/flamegraph`);
    await page.getByRole('button', { name: 'Flame', exact: true }).click();
    expect(
      await page.getByRole('button', { name: 'Flame', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    const box = (await page.locator('#flame').boundingBox())!;
    expect(box.height).toBeGreaterThan(100);
    await page.screenshot({ path: join(artifacts, 'flamegraph-diff.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('clicking a graph node focuses the graph on its function', async () => {
    const { page, errors } = await open(browser);
    await page.goto(`${web.url}/`);
    await page.locator('#graph g.node', { hasText: 'Sprintf' }).click();
    await page.waitForURL(/f=%5Efmt%5C.Sprintf%24/);
    const svgText = (await page.locator('#graph svg').textContent()) ?? '';
    expect(svgText).toContain('focus=^fmt\\.Sprintf$');
    expect(svgText).not.toContain('NewRoute');
    expect(await page.locator('input[name="f"]').inputValue()).toBe('^fmt\\.Sprintf$');
    await page.screenshot({ path: join(artifacts, 'graph-click-focus.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
