// The picture outputs of the CLI and the shell: -dot, -svg, -flame, and -web / `web` (SVG opened in a browser).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport, type ReportOptions } from '@pugo/profile';
import { heapError } from '../errors.js';
import { flameData } from '../flame/flame-data.js';
import { flameHtml } from '../flame/flame-html.js';
import type { Config } from '../settings/config.js';
import { emit, type Writer } from '../settings/output.js';
import { type ReportSources, toReportOptions } from '../settings/report-options.js';
import { openBrowser } from './open-browser.js';
import type { PictureKind } from './picture-kinds.js';
import { renderSvg } from './render-svg.js';

export { isPicture, type PictureKind, pictureKinds } from './picture-kinds.js';

/** Report options of the call graph (pprof's `dot` report) under `config`. */
export function graphOptions(config: Config, sources: ReportSources): ReportOptions {
  return { ...toReportOptions({ kind: 'dot' }, config, sources), kind: 'dot' };
}

/** A picture as text (DOT, SVG or HTML), with the notes pprof would print on stderr. */
export async function makePicture(
  kind: Exclude<PictureKind, 'web'>,
  sources: ReportSources,
  config: Config,
): Promise<{ text: string; warnings: string[] }> {
  if (kind === 'flame') {
    const options = { ...toReportOptions({ kind: 'top' }, config, sources), nodeCount: 1 };
    const top = generateReport(sources.profile, options);
    const labels = top.data.labels.filter((l) => !/^(Showing|Dropped) /.test(l));
    return { text: flameHtml(flameData(sources.profile, options, labels)), warnings: top.warnings };
  }
  const report = generateReport(sources.profile, graphOptions(config, sources));
  const text = kind === 'svg' ? await renderSvg(report.text) : report.text;
  return { text, warnings: report.warnings };
}

/** Where a picture goes and what the user is told. */
export interface PictureIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly env: NodeJS.ProcessEnv;
  /** `-no_browser`: never start a browser. Default: false. */
  readonly noBrowser?: boolean;
}

/**
 * Makes the picture and writes it: to stdout or `config.output`, or for `web` to a temp SVG file
 * whose path is printed on stderr, opened in a browser where there is one.
 */
export async function writePicture(
  kind: PictureKind,
  sources: ReportSources,
  config: Config,
  io: PictureIo,
): Promise<void> {
  const { text, warnings } = await makePicture(kind === 'web' ? 'svg' : kind, sources, config);
  for (const w of warnings) io.stderr.write(`${w}\n`);
  if (kind !== 'web') {
    emit(text, config.output, io.stdout, io.stderr);
    return;
  }
  let file: string;
  try {
    file = join(mkdtempSync(join(tmpdir(), 'pugo-heap-')), 'graph.svg');
    writeFileSync(file, text);
  } catch (error) {
    throw heapError(
      'PUGO_ERR_HEAP_OUTPUT',
      { file: tmpdir(), reason: (error as Error).message },
      error,
    );
  }
  io.stderr.write(`Graph written to ${file}\n`);
  if (io.noBrowser !== true && openBrowser(file, io.env)) {
    io.stderr.write('Opening it in your browser\n');
  } else {
    io.stderr.write('No browser to open it here: open the file in one\n');
  }
}
