// Writes soak-report/<timestamp>/: report.json, samples.csv, heap-baseline.pb.gz, heap-final.pb.gz, report.html.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { soakError } from '../errors.js';
import { samplesCsv } from './csv.js';
import { reportHtml } from './html.js';
import type { SoakRun } from './soak-report.js';

/** `2026-11-27T08-40-00Z`: a folder name that sorts by time and is valid everywhere. */
export function timestampDir(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

/** Writes the run's files into a new `<out>/<timestamp>/` and returns that folder. */
export async function writeReport(run: SoakRun, out: string, date = new Date()): Promise<string> {
  const base = join(out, timestampDir(date));
  let dir = base;
  try {
    for (let i = 2; ; i++) {
      try {
        await mkdir(dir, { recursive: false });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          await mkdir(out, { recursive: true });
        else if ((error as NodeJS.ErrnoException).code === 'EEXIST') dir = `${base}-${i}`;
        else throw error;
      }
    }
    await writeFile(join(dir, 'report.json'), `${JSON.stringify(run.report, null, 2)}\n`);
    await writeFile(join(dir, 'samples.csv'), samplesCsv(run.report.samples));
    if (run.heapBaseline) await writeFile(join(dir, 'heap-baseline.pb.gz'), run.heapBaseline);
    if (run.heapFinal) await writeFile(join(dir, 'heap-final.pb.gz'), run.heapFinal);
    await writeFile(join(dir, 'report.html'), reportHtml(run.report));
  } catch (error) {
    throw soakError('PUGO_ERR_SOAK_OUTPUT', { path: dir, reason: (error as Error).message }, error);
  }
  return dir;
}
