// Atom 1.0 (RFC 4287): the HTML content escaped as type="html".
import { escapeXml } from '../content/index.js';
import type { FeedChannel, FeedItem } from './feed-model.js';

/** The channel and items as an Atom document. */
export function renderAtom(channel: FeedChannel, items: readonly FeedItem[]): string {
  const x = escapeXml;
  const entries = items.map(
    (item) => `  <entry>
    <title type="text">${x(item.title)}</title>
    <link rel="alternate" type="text/html" href="${x(item.url)}"/>
    <id>${x(item.url)}</id>
    <published>${item.published.toISOString()}</published>
    <updated>${item.updated.toISOString()}</updated>
${item.tags.map((t) => `    <category term="${x(t)}"/>\n`).join('')}    <content type="html">${x(item.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(channel.language)}">
  <title type="text">${x(channel.title)}</title>
  <subtitle type="text">${x(channel.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${x(channel.homeUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${x(channel.feedUrl)}"/>
  <id>${x(channel.homeUrl)}</id>
  <updated>${channel.updated.toISOString()}</updated>
  <author><name>${x(channel.author)}</name></author>
  <generator>Pugo</generator>
${entries.join('\n')}
</feed>
`;
}
