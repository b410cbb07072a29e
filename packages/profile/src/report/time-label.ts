// Formats a time as Go's "Jan 2, 2006 at 3:04pm (MST)" in the process's time zone (TZ).
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md
import { zoneAbbreviation } from './zone-abbreviation.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The time zone pprof would use: TZ when set (empty means UTC, as in Go), else the local one.
 * Times come from Intl; abbreviations from the system's zone files as Go reads them ("CET",
 * "AEDT", "-03"), else from Intl.
 */
function zone(): string | undefined {
  const tz = process.env.TZ;
  if (tz === undefined) return undefined;
  if (tz === '' || tz === 'UTC' || tz === 'UTC0') return 'UTC';
  return tz.startsWith(':') ? tz.slice(1) : tz;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const unknownZones = new Set<string>();

/** A cached formatter for the zone (creating one costs milliseconds). */
function formatter(tz: string | undefined): Intl.DateTimeFormat {
  const key = tz ?? '';
  let fmt = formatters.get(key);
  if (fmt === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    };
    try {
      fmt = new Intl.DateTimeFormat('en-US', { ...options, timeZone: tz });
    } catch {
      // An unknown TZ: Go falls back to UTC.
      fmt = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
      unknownZones.add(key);
    }
    formatters.set(key, fmt);
  }
  return fmt;
}

/** `Nov 27, 2026 at 7:37am (UTC)` for a time in nanoseconds since the epoch. */
export function formatProfileTime(timeNanos: number): string {
  const ms = Math.floor(timeNanos / 1e6);
  const date = new Date(ms);
  const tz = zone();
  const fmt = formatter(tz);
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) parts[p.type] = p.value;
  const hour24 = Number(parts.hour) % 24;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const ampm = hour24 < 12 ? 'am' : 'pm';
  const month = MONTHS[Number(parts.month) - 1] ?? parts.month;
  let name = parts.timeZoneName ?? 'UTC';
  if (unknownZones.has(tz ?? '')) {
    name = 'UTC';
  } else {
    const unixSeconds = Math.floor(ms / 1000);
    const local =
      Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        hour24,
        Number(parts.minute),
        Number(parts.second),
      ) / 1000;
    name = zoneAbbreviation(tz, unixSeconds, local - unixSeconds) ?? name;
  }
  return `${month} ${Number(parts.day)}, ${parts.year} at ${hour12}:${parts.minute}${ampm} (${name})`;
}
