// Child process of `pnpm bench heap`: @pugo/profile alone decodes a profile and prints `top`, then its timings.
// Plain JavaScript, so the measurement holds no TypeScript loader start-up.
import { readFileSync } from 'node:fs';
import { decodeProfile, generateReport } from '@pugo/profile';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: top-child FILE');
const t0 = performance.now();
const profile = decodeProfile(readFileSync(file), { source: file });
const t1 = performance.now();
const report = generateReport(profile, { kind: 'top' });
const t2 = performance.now();
process.stderr.write(`${report.text.split('\n').length} lines\n`);
process.stdout.write(
  `${JSON.stringify({ decodeMs: t1 - t0, topMs: t2 - t1, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
