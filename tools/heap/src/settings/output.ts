// Writes a report where it belongs: stdout, or the -output file with pprof's note on stderr.
import { writeFileSync } from 'node:fs';
import type { Report } from '@pugo/profile';
import { heapError } from '../errors.js';

/** Anything text can be written to (process.stdout, a test buffer). */
export interface Writer {
  write(chunk: string): unknown;
}

/** The report as printed: its text, or its data as indented JSON (bigints as numbers or strings). */
export function renderReport(report: Report, json: boolean): string {
  if (!json) return report.text;
  const text = JSON.stringify(
    report.data,
    (_key, value: unknown) =>
      typeof value === 'bigint'
        ? Number.isSafeInteger(Number(value))
          ? Number(value)
          : value.toString()
        : value,
    2,
  );
  return `${text ?? 'null'}\n`;
}

/**
 * Writes `text` to `output` (then printing "Generating report in …" on stderr, as pprof does) or, when
 * there is no output file, to stdout. Throws PUGO_ERR_HEAP_OUTPUT when the file cannot be written.
 */
export function emit(
  text: string,
  output: string | undefined,
  stdout: Writer,
  stderr: Writer,
): void {
  if (output === undefined || output === '') {
    stdout.write(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'its folder does not exist' : err.message;
    throw heapError('PUGO_ERR_HEAP_OUTPUT', { file: output, reason }, error);
  }
  // pprof says this before writing; after keeps a failure to the one line of its error.
  stderr.write(`Generating report in ${output}\n`);
}
