// Everything the public controllers share: storage, theme, cached settings, helpers and limits.
import type { Storage } from '@pugo/storage';
import type { AvatarMode } from '../content/index.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { TemplateName, Theme } from '../theme/theme.js';
import type { SiteSnapshot, SiteState } from './site-state.js';
import { type ViewHelpers, viewHelpers } from './view-helpers.js';

/** The parts of storage the public site uses. */
export type SiteStorage = Pick<
  Storage,
  'posts' | 'pages' | 'tags' | 'comments' | 'settings' | 'activity' | 'db'
>;

/** What a page renders with, beyond its own data. */
export interface PageMeta {
  /** `<title>` prefix; the site title alone when absent. */
  readonly title?: string;
  readonly description?: string;
  /** Which top-level menu entry is current (`home`, `archive`). */
  readonly section?: string;
  /** Request path, to mark the current menu entry. */
  readonly path?: string;
  /** Absolute canonical URL. */
  readonly canonical?: string;
  /** Ask crawlers not to index (search results, errors). */
  readonly noindex?: boolean;
  /** The search box's value. */
  readonly query?: string;
}

export interface SiteOptions {
  readonly storage: SiteStorage;
  readonly theme: Theme;
  readonly state: SiteState;
  readonly limiter: RateLimiter;
  /** How commenters' avatars are drawn. Default: 'initials' */
  readonly avatars?: AvatarMode;
  /** Clock for "published" and comment closing. Default: `new Date()` */
  readonly now?: () => Date;
}

/** The shared state of the public site. */
export class Site {
  readonly storage: SiteStorage;
  readonly theme: Theme;
  readonly state: SiteState;
  readonly limiter: RateLimiter;
  readonly avatars: AvatarMode;
  readonly helpers: ViewHelpers;
  readonly now: () => Date;

  constructor(options: SiteOptions) {
    this.storage = options.storage;
    this.theme = options.theme;
    this.state = options.state;
    this.limiter = options.limiter;
    this.avatars = options.avatars ?? 'initials';
    this.helpers = viewHelpers(options.theme.assets);
    this.now = options.now ?? (() => new Date());
  }

  /** Renders `template` in the layout with the site's data. */
  render(template: TemplateName, snapshot: SiteSnapshot, meta: PageMeta, data: object): string {
    const { settings, menu } = snapshot;
    return this.theme.render(template, {
      ...meta,
      ...data,
      h: this.helpers,
      site: {
        title: settings.title,
        subtitle: settings.subtitle,
        description: settings.description,
        language: 'en',
        year: this.now().getUTCFullYear(),
        menu,
      },
    });
  }

  /** An absolute URL on the site. */
  absolute(snapshot: SiteSnapshot, path: string): string {
    return new URL(path.replace(/^\//, ''), snapshot.baseUrl).href;
  }
}
