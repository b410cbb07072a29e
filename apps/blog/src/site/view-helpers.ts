// Helpers templates call as `it.h.*`: dates, asset URLs. Pure, shared by every page.
import type { AssetTable } from '../theme/assets.js';

const LONG = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)),
);

/** The helpers object. */
export interface ViewHelpers {
  /** "27 November 2026"-style date ('' for null). */
  date(d: Date | null): string;
  /** ISO 8601 for `datetime` attributes ('' for null). */
  iso(d: Date | null): string;
  /** "Nov 27" ('' for null). */
  day(d: Date | null): string;
  /** 1 → "January". */
  monthName(month: number): string;
  /** The hashed URL of a theme asset. */
  asset(name: string): string;
}

/** Helpers bound to a theme's assets. */
export function viewHelpers(assets: AssetTable): ViewHelpers {
  return {
    date: (d) => (d ? LONG.format(d) : ''),
    iso: (d) => (d ? d.toISOString() : ''),
    day: (d) => (d ? DAY.format(d) : ''),
    monthName: (m) => MONTHS[m - 1] ?? '',
    asset: (name) => assets.url(name),
  };
}
