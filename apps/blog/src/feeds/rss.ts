// RSS 2.0 with content:encoded for the HTML and atom:link for self-discovery.
import { escapeXml } from '../content/index.js';
import type { FeedChannel, FeedItem } from './feed-model.js';

/** The channel and items as an RSS 2.0 document. */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const x = escapeXml;
  const entries = items.map(
    (item) => `    <item>
      <title>${x(item.title)}</title>
      <link>${x(item.url)}</link>
      <guid isPermaLink="true">${x(item.url)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
${item.tags.map((t) => `      <category>${x(t)}</category>\n`).join('')}      <description>${x(item.summary)}</description>
      <content:encoded>${x(item.html)}</content:encoded>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${x(channel.title)}</title>
    <link>${x(channel.homeUrl)}</link>
    <description>${x(channel.description)}</description>
    <language>${x(channel.language)}</language>
    <lastBuildDate>${channel.updated.toUTCString()}</lastBuildDate>
    <generator>Pugo</generator>
    <atom:link href="${x(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}
