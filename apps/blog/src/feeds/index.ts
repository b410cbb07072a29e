// Feeds and crawler files: RSS 2.0, Atom, JSON Feed 1.1, sitemap.xml and robots.txt.
export { renderAtom } from './atom.js';
export type { FeedChannel, FeedItem } from './feed-model.js';
export { renderJsonFeed } from './json-feed.js';
export { renderRss } from './rss.js';
export { renderRobots, renderSitemap, type SitemapEntry } from './sitemap.js';
