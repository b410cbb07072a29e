// Child process of `pnpm bench heap`: @pugo/profile alone reads a profile and prints `top`, then its timings.
// `memory` decodes the whole file into memory (decodeProfile); `stream` opens it for streaming
// (openProfileFile), as pugo-heap does for one file. Plain JavaScript: no TypeScript loader start-up.
import { readFileSync } from 'node:fs';
import { decodeProfile, generateReport, openProfileFile } from '@pugo/profile';

const [mode, file] = process.argv.slice(2);
if (file === undefined || (mode !== 'memory' && mode !== 'stream')) {
  throw new Error('usage: library-top.mjs memory|stream FILE');
}
const t0 = performance.now();
const profile =
  mode === 'memory'
    ? decodeProfile(readFileSync(file), { source: file })
    : await openProfileFile(file, { source: file });
const t1 = performance.now();
const report = generateReport(profile, { kind: 'top' });
const t2 = performance.now();
if ('close' in profile) await profile.close();
process.stdout.write(report.text);
process.stderr.write(
  `${JSON.stringify({ mode, readMs: t1 - t0, topMs: t2 - t1, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
