// Golden tests: every `.cmd` in test/fixtures/golden{,-extra} must print its `.txt` byte for byte.
process.env.TZ = 'UTC';

import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

for (const dir of ['golden', 'golden-extra']) {
  const folder = join(fixtures, dir);
  if (!existsSync(folder)) continue;
  const cmds = readdirSync(folder).filter((f) => f.endsWith('.cmd'));
  describe(dir, () => {
    test('has cases', () => {
      expect(cmds.length).toBeGreaterThan(0);
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
