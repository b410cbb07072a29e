// Golden tests: every `.cmd` in test/fixtures/golden{,-extra} must print its `.txt` byte for byte.
process.env.TZ = 'UTC';

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  decodeProfile,
  generateReport,
  mergeProfiles,
  openProfileFile,
  type Profile,
} from '../src/index.js';
import { parsePprofCommand } from './helpers/pprof-cmd.js';

const fixtures = join(import.meta.dirname, 'fixtures');

// Reports never modify their input, so one decoded profile serves every case.
const decoded = new Map<string, Profile>();

function load(files: readonly string[]): Profile {
  const profiles = files.map((f) => {
    let p = decoded.get(f);
    if (p === undefined) {
      p = decodeProfile(readFileSync(join(fixtures, f)), { source: f });
      decoded.set(f, p);
    }
    return p;
  });
  return profiles.length === 1 ? profiles[0]! : mergeProfiles(profiles);
}

// How many cases each folder holds: a lost or unreadable folder fails here (readdirSync throws).
const expectedCases = { golden: 11, 'golden-extra': 188 } as const;

for (const [dir, count] of Object.entries(expectedCases)) {
  const folder = join(fixtures, dir);
  const cmds = readdirSync(folder).filter((f) => f.endsWith('.cmd'));
  describe(dir, () => {
    test(`has its ${count} cases`, () => {
      expect(cmds.length).toBe(count);
    });
    for (const cmd of cmds) {
      test(cmd.replace(/\.cmd$/, ''), () => {
        const parsed = parsePprofCommand(readFileSync(join(folder, cmd), 'utf8'));
        const expected = readFileSync(join(folder, cmd.replace(/\.cmd$/, '.txt')), 'utf8');
        const report = generateReport(load(parsed.sources), {
          ...parsed.options,
          base: parsed.base ? load(parsed.base) : undefined,
          diffBase: parsed.diffBase ? load(parsed.diffBase) : undefined,
          // go ran in the fixtures folder: relative search paths are relative to it.
          sourcePath: parsed.options.sourcePath?.map((p) => resolve(fixtures, p)),
        });
        expect(report.text).toBe(expected);
      });
      // The same report with the profile streamed from its file (cases with one source).
      const oneSource =
        parsePprofCommand(readFileSync(join(folder, cmd), 'utf8')).sources.length === 1;
      if (oneSource)
        test(`${cmd.replace(/\.cmd$/, '')} (streamed)`, async () => {
          const parsed = parsePprofCommand(readFileSync(join(folder, cmd), 'utf8'));
          const expected = readFileSync(join(folder, cmd.replace(/\.cmd$/, '.txt')), 'utf8');
          const streamed = await openProfileFile(join(fixtures, parsed.sources[0]!), {
            source: parsed.sources[0],
          });
          try {
            const report = generateReport(streamed, {
              ...parsed.options,
              base: parsed.base ? load(parsed.base) : undefined,
              diffBase: parsed.diffBase ? load(parsed.diffBase) : undefined,
              sourcePath: parsed.options.sourcePath?.map((p) => resolve(fixtures, p)),
            });
            expect(report.text).toBe(expected);
          } finally {
            await streamed.close();
          }
        });
    }
  });
}

// A `list` golden must not depend on files outside the repository (Go's sources are in go-src/):
// a routine under an absolute path is only expected where the file cannot be opened.
test('list goldens read sources from the fixtures only', () => {
  const folder = join(fixtures, 'golden-extra');
  let routines = 0;
  for (const txt of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
    const lines = readFileSync(join(folder, txt), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = /^ROUTINE =+ .* in (\S+)$/.exec(line);
      if (m === null) return;
      routines++;
      if (m[1]!.startsWith('/')) expect(lines[i + 2], `${txt}: ${m[1]}`).toMatch(/^ Error: /);
    });
  }
  expect(routines).toBeGreaterThan(100);
});
