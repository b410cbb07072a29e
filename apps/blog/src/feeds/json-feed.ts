// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
import type { FeedChannel, FeedItem } from './feed-model.js';

/** The channel and items as a JSON Feed 1.1 document. */
export function renderJsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.language,
    authors: [{ name: channel.author }],
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.html,
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      tags: item.tags,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
