// `/feed.xml`, `/atom.xml`, `/feed.json`, `/sitemap.xml` and `/robots.txt`.
import type { Context } from '@pugo/router';
import {
  type FeedChannel,
  type FeedItem,
  renderAtom,
  renderJsonFeed,
  renderRobots,
  renderRss,
  renderSitemap,
} from '../../feeds/index.js';
import { httpDate } from '../../http/conditional-get.js';
import type { Site } from '../site.js';

/** Most URLs in the sitemap (the protocol's limit per file). */
export const SITEMAP_LIMIT = 50_000;

/** Most pages in the sitemap; posts fill the rest after the home and archive URLs. */
const SITEMAP_PAGES = 100;

/** The feed controller, bound to the site. */
export function feedController(site: Site) {
  async function feed(path: string): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
    const snapshot = await site.state.get();
    const { settings } = snapshot;
    const list = await site.storage.posts.listPublished({
      page: 1,
      pageSize: settings.feedLength,
      now: site.now(),
    });
    const items: FeedItem[] = list.items.map((post) => ({
      title: post.title,
      url: site.absolute(snapshot, `/posts/${encodeURIComponent(post.slug)}`),
      published: post.publishedAt ?? post.createdAt,
      updated: post.updatedAt,
      html: settings.feedFullText ? post.html : post.excerpt,
      summary: post.excerpt,
      tags: post.tags.map((t) => t.name),
    }));
    const updated = items.reduce<Date | null>(
      (max, i) => (max === null || i.updated > max ? i.updated : max),
      null,
    );
    return {
      channel: {
        title: settings.title,
        description: settings.description || settings.subtitle,
        homeUrl: snapshot.baseUrl,
        feedUrl: site.absolute(snapshot, path),
        language: 'en',
        updated: updated ?? new Date(0),
        author: settings.title,
      },
      items,
    };
  }

  function send(type: string, body: string, updated: Date) {
    return { headers: { 'content-type': type, 'last-modified': httpDate(updated) }, body };
  }

  return class FeedController {
    async rss() {
      const { channel, items } = await feed('/feed.xml');
      return send('application/rss+xml; charset=utf-8', renderRss(channel, items), channel.updated);
    }

    async atom() {
      const { channel, items } = await feed('/atom.xml');
      return send(
        'application/atom+xml; charset=utf-8',
        renderAtom(channel, items),
        channel.updated,
      );
    }

    async json() {
      const { channel, items } = await feed('/feed.json');
      return send(
        'application/feed+json; charset=utf-8',
        renderJsonFeed(channel, items),
        channel.updated,
      );
    }

    async sitemap() {
      const snapshot = await site.state.get();
      // Slugs and dates only: the repositories' lists carry HTML we do not need for 50,000 URLs.
      const pages = await site.storage.pages.publishedSlugs({ limit: SITEMAP_PAGES });
      const fixed = [{ url: snapshot.baseUrl }, { url: site.absolute(snapshot, '/archive') }];
      const posts = await site.storage.posts.publishedSlugs({
        now: site.now(),
        limit: SITEMAP_LIMIT - fixed.length - pages.length,
      });
      const entries = [
        ...fixed,
        ...pages.map((p) => ({
          url: site.absolute(snapshot, `/${encodeURIComponent(p.slug)}`),
          lastModified: p.updatedAt,
        })),
        ...posts.map((p) => ({
          url: site.absolute(snapshot, `/posts/${encodeURIComponent(p.slug)}`),
          lastModified: p.updatedAt,
        })),
      ];
      return {
        headers: { 'content-type': 'application/xml; charset=utf-8' },
        body: renderSitemap(entries),
      };
    }

    async robots(_ctx: Context) {
      const snapshot = await site.state.get();
      return {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: renderRobots(snapshot.baseUrl),
      };
    }
  };
}
