// sitemap.xml (sitemaps.org 0.9) and robots.txt.
import { escapeXml } from '../content/index.js';

/** One URL of the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  readonly url: string;
  readonly lastModified?: Date;
}

/** The entries as a sitemap document (the protocol allows 50,000 URLs per file; callers cap). */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `  <url><loc>${escapeXml(e.url)}</loc>${
        e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''
      }</url>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** robots.txt: everything but the admin (and the search pages, which are endless). */
export function renderRobots(baseUrl: string): string {
  return `User-agent: *
Disallow: /admin
Disallow: /search

Sitemap: ${new URL('/sitemap.xml', baseUrl).href}
`;
}
