// The --help text of pugo-soak: usage and examples around the flags, which are printed from the option table.
import type { HelpSection, OptionRow } from '../config/option-row.js';
import { helpSections } from '../config/option-table.js';
import { formatBytes, formatDuration } from '../units.js';

const sectionTitles: Readonly<Record<HelpSection, string>> = {
  Target: 'Target',
  Load: 'Load',
  Verdict: 'Verdict (defaults from the calibration in the README)',
  Output: 'Output',
};

/** The flag column's width: help text starts two spaces after it. */
const labelWidth = 22;

/** Usage, flags with their defaults, examples. */
export function usageText(): string {
  const sections = helpSections.map(
    ([section, rows]) =>
      `${sectionTitles[section]}:\n${Object.values(rows).map(flagLines).join('\n')}`,
  );
  return `pugo-soak: sustained load against a Node service, a leak verdict from post-GC memory, and the code that grew.

Usage:
  pugo-soak --cmd "node server.js" [--ready /healthz] [--routes routes.json] [flags]
  pugo-soak --url http://127.0.0.1:3000 [--pprof http://127.0.0.1:6060/debug/pprof] [flags]
  pugo-soak --config soak.config.mjs [flags]

The target must serve @pugo/pprof (/debug/pprof/metrics and /debug/pprof/heap).

${sections.join('\n\n')}

Durations take ms, s, m, h (a bare number is seconds); sizes B, KB, MB, GB (binary; a bare number
is bytes).

Exit status: 0 no leak, 1 leak, 2 the soak failed (bad flags, target did not start or died,
no metrics endpoint, error rate above the limit).

Examples:
  pugo-soak --cmd "node server.js" --ready /healthz --quick
  pugo-soak --cmd "node dist/main.js --port {port}" --routes routes.json --duration 10m
  pugo-soak --url http://127.0.0.1:3000 --pprof http://127.0.0.1:6060/debug/pprof --json > soak.json
  pugo-soak --config apps/blog/soak.config.mjs --quick --env PUGO_INJECT_LEAK=cache
`;
}

/** One flag of --help: `--flag VALUE` (or `-f, --flag VALUE`), its text and its default. */
export function flagLines(row: OptionRow): string {
  const long = `--${row.flag}${row.metavar ? ` ${row.metavar}` : ''}`;
  const label = row.short ? `-${row.short}, ${long}` : long;
  const shown = defaultText(row);
  let text = row.help ?? '';
  if (shown !== undefined && text.includes('{default}')) text = text.replace('{default}', shown);
  else if (shown !== undefined) text = `${text} (default: ${shown})`;
  if (row.alias) text += ` (alias: --${row.alias}${row.metavar ? ` ${row.metavar}` : ''})`;
  const indent = ' '.repeat(labelWidth + 2);
  return `  ${label.padEnd(labelWidth)}${text.replaceAll('\n', `\n${indent}`)}`;
}

/** How --help shows a row's default, if it has one. */
function defaultText(row: OptionRow): string | undefined {
  if (typeof row.showDefault === 'string') return row.showDefault;
  if (row.default === undefined) return undefined;
  if (typeof row.showDefault === 'function') return row.showDefault(row.default as never);
  if (row.kind === 'duration') return formatDuration(row.default as number);
  if (row.kind === 'size') return formatBytes(row.default as number);
  return String(row.default);
}
