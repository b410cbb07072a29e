// Every golden command of go tool pprof, run as pugo-heap with the same argv: stdout byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { bin, fixtures, runShellLine } from './helpers/run-cli.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

interface Golden {
  name: string;
  /** The command line, `go tool pprof` replaced by pugo-heap. */
  line: string;
  stdout: string;
}

/** The .cmd/.txt pairs in `dir` (relative to the fixtures). */
function goldens(dir: string): Golden[] {
  const path = join(fixtures, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((file) => file.endsWith('.cmd'))
    .sort()
    .map((file) => {
      const cmd = readFileSync(join(path, file), 'utf8').trim();
      expect(cmd.startsWith('go tool pprof ')).toBe(true);
      return {
        name: `${dir}/${file.slice(0, -4)}`,
        line: `node ${bin} ${cmd.slice('go tool pprof '.length)}`,
        stdout: readFileSync(join(path, `${file.slice(0, -4)}.txt`), 'utf8'),
      };
    });
}

const all = [...goldens('golden'), ...goldens('golden-extra')];

test('the goldens are there', () => {
  expect(all.length).toBeGreaterThanOrEqual(11);
});

describe.concurrent('go tool pprof goldens', () => {
  test.each(all)('$name', async ({ line, stdout }) => {
    const result = await runShellLine(line);
    expect(result.stderr).not.toMatch(/pugo-heap:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stdout);
  });
});

// Go's other spellings of the same flags, on the goldens that use a value flag, "=" and a bool.
const respelled = all.filter((g) => /base\.top|peek-call|top-n5/.test(g.name));

describe.concurrent("the same goldens with Go's --flag spelling", () => {
  test.each(respelled)('$name', async ({ line, stdout }) => {
    const result = await runShellLine(line.replace(/ -(?=[a-z])/g, ' --'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stdout);
  });
});
