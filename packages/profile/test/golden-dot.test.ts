// DOT goldens: every `.cmd` in test/fixtures/golden-dot (a `go tool pprof -dot …`) must print its `.dot`.
process.env.TZ = 'UTC';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const folder = join(fixtures, 'golden-dot');

function load(files: readonly string[]): Profile {
  const profiles = files.map((f) => decodeProfile(readFileSync(join(fixtures, f)), { source: f }));
  return profiles.length === 1 ? profiles[0]! : mergeProfiles(profiles);
}

const cmds = readdirSync(folder)
  .filter((f) => f.endsWith('.cmd'))
  .sort();

describe('golden-dot', () => {
  test('has its 33 cases', () => {
    expect(cmds.length).toBe(33);
  });
  for (const cmd of cmds) {
    test(cmd.replace(/\.cmd$/, ''), () => {
      const line = readFileSync(join(folder, cmd), 'utf8');
      expect(line).toMatch(/ -dot /);
      const parsed = parsePprofCommand(line.replace(/ -dot /, ' '));
      const expected = readFileSync(join(folder, cmd.replace(/\.cmd$/, '.dot')), 'utf8');
      const report = generateReport(load(parsed.sources), {
        ...parsed.options,
        kind: 'dot',
        base: parsed.base ? load(parsed.base) : undefined,
        diffBase: parsed.diffBase ? load(parsed.diffBase) : undefined,
      });
      expect(report.text).toBe(expected);
    });
    const parsedCmd = parsePprofCommand(
      readFileSync(join(folder, cmd), 'utf8').replace(/ -dot /, ' '),
    );
    if (parsedCmd.sources.length === 1)
      test(`${cmd.replace(/\.cmd$/, '')} (streamed)`, async () => {
        const parsed = parsedCmd;
        const expected = readFileSync(join(folder, cmd.replace(/\.cmd$/, '.dot')), 'utf8');
        const streamed = await openProfileFile(join(fixtures, parsed.sources[0]!));
        try {
          const report = generateReport(streamed, {
            ...parsed.options,
            kind: 'dot',
            base: parsed.base ? load(parsed.base) : undefined,
            diffBase: parsed.diffBase ? load(parsed.diffBase) : undefined,
          });
          expect(report.text).toBe(expected);
        } finally {
          await streamed.close();
        }
      });
  }
});
