// What every feed format is rendered from: the site and its newest posts, with absolute URLs.

/** The feed's channel. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** The site's home page, absolute, ending in `/`. */
  readonly homeUrl: string;
  /** This feed's own absolute URL. */
  readonly feedUrl: string;
  /** BCP 47, e.g. `en`. */
  readonly language: string;
  /** Newest change among the items (or now when there are none). */
  readonly updated: Date;
  readonly author: string;
}

/** One post in a feed. */
export interface FeedItem {
  readonly title: string;
  /** Absolute URL of the post; also its permanent id. */
  readonly url: string;
  readonly published: Date;
  readonly updated: Date;
  /** Sanitised HTML: the full text or the excerpt, per the `feedFullText` setting. */
  readonly html: string;
  /** Sanitised HTML of the excerpt (RSS `description`, so readers that show it are not sent the text twice). */
  readonly summary: string;
  readonly tags: readonly string[];
}
