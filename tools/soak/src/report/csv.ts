// samples.csv: one row per post-GC reading.
// Hand-written: the rows are numbers and a phase name; RFC 4180 quoting is one regular expression.
import type { Sample } from '../verdict/samples.js';

const columns = [
  'phase',
  't',
  'requests',
  'heapUsed',
  'heapTotal',
  'external',
  'arrayBuffers',
  'rss',
  'gcMs',
] as const;

/** The samples as CSV (header row, `\n` line ends, RFC 4180 quoting where needed). */
export function samplesCsv(samples: readonly Sample[]): string {
  const rows = [columns.join(',')];
  for (const s of samples) rows.push(columns.map((c) => csvField(s[c])).join(','));
  return `${rows.join('\n')}\n`;
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
