// Test helpers: a blog on a seeded in-memory database, driven through fastify.inject.
import { openStorage, type Settings, type Storage, seedSampleContent } from '@pugo/storage';
import { type BlogApp, type BlogAppOptions, buildApp } from '../src/app.js';
import { renderContent } from '../src/content/index.js';
import { seedWelcomeContent } from '../src/seed/welcome-content.js';

export interface TestBlog extends BlogApp {
  readonly storage: Storage;
  /** Saves settings and drops the site's cached snapshot. */
  setSettings(values: Partial<Settings>): Promise<void>;
  close(): Promise<void>;
}

/** The welcome content plus `extraPosts` generated posts, on `:memory:` SQLite. */
export async function openTestBlog(
  options: { extraPosts?: number } & Omit<Partial<BlogAppOptions>, 'storage'> = {},
): Promise<TestBlog> {
  const { extraPosts = 0, ...appOptions } = options;
  const storage = await openStorage({ url: ':memory:' });
  const now = new Date();
  if (extraPosts > 0) {
    // Older than the welcome posts, so the welcome content stays on the first page.
    await seedSampleContent(storage, {
      posts: extraPosts,
      commentsPerPost: 1,
      now: new Date(now.getTime() - 30 * 86_400_000),
      render: renderContent,
      slugPrefix: 'gen-',
    });
  }
  await seedWelcomeContent(storage, now);
  const blog = await buildApp({ storage, ...appOptions });
  await blog.app.ready();
  return {
    ...blog,
    storage,
    async setSettings(values) {
      await storage.settings.setMany(values);
      blog.site.state.invalidate();
    },
    async close() {
      await blog.app.close();
      await storage.close();
    },
  };
}

/** A script element that is not the theme's own asset, an inline handler, or a javascript: URL. */
export const UNSAFE_MARKUP =
  /<script(?![^>]*\ssrc="(\/assets\/app\.[0-9a-f]+\.js)?")|<[a-z][^>]*\s(on[a-z]+|style)\s*=|<(iframe|object|embed|svg|math)\b|(href|src|action)\s*=\s*["']?\s*javascript:/i;

/**
 * The first unsafe markup in `html` with some context, or null. Quoted attribute values are blanked
 * first, so escaped text inside an attribute (`content="&lt;img onerror=…"`) is not mistaken for a
 * tag: templates escape `"` in values, so a raw `"` only ever delimits an attribute.
 */
export function findUnsafeMarkup(html: string): string | null {
  const blanked = html.replace(/="[^"]*"/g, (m) => (/^="\s*javascript:/i.test(m) ? m : '=""'));
  const scripts = /<script(?![^>]*\ssrc="\/assets\/app\.[0-9a-f]+\.js")/i;
  for (const [text, pattern] of [
    [html, scripts],
    [blanked, UNSAFE_MARKUP],
  ] as const) {
    const match = pattern.exec(text);
    if (match) return text.slice(Math.max(0, match.index - 120), match.index + 80);
  }
  return null;
}

/** Form-encodes a comment post. */
export function form(fields: Record<string, string>): {
  payload: string;
  headers: Record<string, string>;
} {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}
