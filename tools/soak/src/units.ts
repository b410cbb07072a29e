// Parsing and printing the quantities of a soak: durations, byte sizes, counts.
// Hand-written: pugo-soak's own pinned spellings (`90s`, `16.0 MB`); @pugo/profile's scaledLabel prints `16MB`.

const durationUnits: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
};

/** `"90s"`, `"5m"`, `"500ms"`, `"1.5h"` or a bare number of seconds → milliseconds; undefined if bad. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  if (m === null) return undefined;
  const ms = Number(m[1]) * (durationUnits[m[2] ?? 's'] ?? 1000);
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

const byteUnits: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `"16MB"`, `"512 KiB"`, `"32"` (bytes) → bytes; KB/MB/GB are binary, as pprof prints them. */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (m === null) return undefined;
  const unit = byteUnits[(m[2] ?? '').toLowerCase() || 'b'];
  return unit === undefined ? undefined : Math.round(Number(m[1]) * unit);
}

/** Bytes as `12.3 MB`, `-512 B`, `+4.0 kB` (with `signed`). Binary units, pprof's spelling. */
export function formatBytes(bytes: number, signed = false): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : signed ? '+' : '';
  const abs = Math.abs(bytes);
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = abs;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 ? 0 : value >= 100 ? 0 : 1;
  return `${sign}${value.toFixed(digits)} ${units[i]}`;
}

/** Milliseconds as `5m`, `90s`, `1.5s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}

/** A count with thousands separators: `12,345`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `MB` in reports and MB/hour: 2^20 bytes, as pprof prints them. */
export const MB = 1024 * 1024;
