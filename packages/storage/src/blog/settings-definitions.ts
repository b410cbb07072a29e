// The Pugo blog's 15 settings: every key, its default, and the rule its value must follow.

/** An entry of the site menu. */
export interface MenuItem {
  /** Text shown, 1 to 100 characters. */
  readonly label: string;
  /** A path (`/about`) or an http(s) URL. */
  readonly url: string;
}

/**
 * The Pugo blog's settings, each with its type: `storage.settings` stores these keys and no others.
 * Reading a key that was never saved gives its default.
 */
export interface Settings {
  /** Site title. Default: 'Pugo' */
  readonly title: string;
  /** Line under the title. Default: 'A blog that does not leak' */
  readonly subtitle: string;
  /** Meta description and feed description. Default: '' */
  readonly description: string;
  /** Absolute URL the site is served at, for feeds and sitemaps. Default: 'http://127.0.0.1:3000' */
  readonly baseUrl: string;
  /** Posts per page on lists, 1 to 100. Default: 10 */
  readonly pageSize: number;
  /** Feeds carry the full post (true) or the excerpt (false). Default: true */
  readonly feedFullText: boolean;
  /** Items in a feed, 1 to 100. Default: 20 */
  readonly feedLength: number;
  /** Hold every new comment for moderation. Default: false */
  readonly commentsModerateAll: boolean;
  /** Approve comments from an email that already has an approved comment. Default: true */
  readonly commentsAutoApproveKnown: boolean;
  /** Shortest comment in characters, 1 to 10,000. Default: 2 */
  readonly commentMinLength: number;
  /** Longest comment in characters, 1 to 100,000, at least commentMinLength. Default: 5000 */
  readonly commentMaxLength: number;
  /** Close comments on posts older than this many days; 0 never closes. Default: 0 */
  readonly commentsCloseAfterDays: number;
  /** The site menu, up to 50 items. Default: Home (/) and Archive (/archive) */
  readonly menu: readonly MenuItem[];
  /** Theme folder name (lower-case letters, digits, dashes). Default: 'default' */
  readonly theme: string;
  /** Largest upload in bytes, 1 B to 1 GiB. Default: 10 MiB */
  readonly mediaMaxBytes: number;
}

/** A setting's name. */
export type SettingKey = keyof Settings;

/** Defaults of every setting (frozen). */
export const SETTING_DEFAULTS: Readonly<Settings> = Object.freeze({
  title: 'Pugo',
  subtitle: 'A blog that does not leak',
  description: '',
  baseUrl: 'http://127.0.0.1:3000',
  pageSize: 10,
  feedFullText: true,
  feedLength: 20,
  commentsModerateAll: false,
  commentsAutoApproveKnown: true,
  commentMinLength: 2,
  commentMaxLength: 5000,
  commentsCloseAfterDays: 0,
  menu: Object.freeze([
    Object.freeze({ label: 'Home', url: '/' }),
    Object.freeze({ label: 'Archive', url: '/archive' }),
  ]),
  theme: 'default',
  mediaMaxBytes: 10 * 1024 * 1024,
});

/** Every key, in a stable order. */
export const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** Why `value` is not valid for the setting, or undefined when it is. */
type Rule = (value: unknown) => string | undefined;

const text =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v !== 'string'
      ? 'it must be a string'
      : v.length < min || v.length > max
        ? `it must be ${min} to ${max} characters long, got ${v.length}`
        : undefined;

const integer =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max
      ? `it must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`
      : undefined;

const boolean: Rule = (v) => (typeof v === 'boolean' ? undefined : 'it must be true or false');

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const baseUrl: Rule = (v) =>
  typeof v === 'string' && isHttpUrl(v) && v.length <= 2000
    ? undefined
    : `it must be an absolute http(s) URL such as "https://blog.example.com", got ${JSON.stringify(v)}`;

const menu: Rule = (v) => {
  if (!Array.isArray(v)) return 'it must be a list of { label, url }';
  if (v.length > 50) return `it may hold at most 50 items, got ${v.length}`;
  for (const [i, item] of v.entries()) {
    if (item === null || typeof item !== 'object') return `item ${i + 1} must be { label, url }`;
    const { label, url } = item as Record<string, unknown>;
    if (typeof label !== 'string' || label.trim() === '' || label.length > 100) {
      return `item ${i + 1} needs a label of 1 to 100 characters`;
    }
    if (
      typeof url !== 'string' ||
      url.length > 2000 ||
      !((url.startsWith('/') && !url.startsWith('//')) || isHttpUrl(url))
    ) {
      return `item ${i + 1} needs a url that is a path ("/about") or an http(s) URL`;
    }
  }
  return undefined;
};

const theme: Rule = (v) =>
  typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v)
    ? undefined
    : `it must be a theme folder name (lower-case letters, digits, dashes), got ${JSON.stringify(v)}`;

/** The rule of each key. */
export const SETTING_RULES: Readonly<Record<SettingKey, Rule>> = Object.freeze({
  title: text(1, 200),
  subtitle: text(0, 200),
  description: text(0, 1000),
  baseUrl,
  pageSize: integer(1, 100),
  feedFullText: boolean,
  feedLength: integer(1, 100),
  commentsModerateAll: boolean,
  commentsAutoApproveKnown: boolean,
  commentMinLength: integer(1, 10_000),
  commentMaxLength: integer(1, 100_000),
  commentsCloseAfterDays: integer(0, 36_500),
  menu,
  theme,
  mediaMaxBytes: integer(1, 1024 * 1024 * 1024),
});

/** Whether `key` is a setting. */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_DEFAULTS, key);
}
