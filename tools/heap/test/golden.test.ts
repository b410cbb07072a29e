// Every golden command of go tool pprof, run as pugo-heap with the same argv: stdout byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { bin, fixtures, runShellLine } from './helpers/run-cli.js';
import { runInProcess, shellWords } from './helpers/run-in-process.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

interface Golden {
  name: string;
  /** The command line, `go tool pprof` replaced by pugo-heap. */
  line: string;
  stdout: string;
}

/** The .cmd/.txt pairs in `dir` (relative to the fixtures); a missing folder throws. */
function goldens(dir: string): Golden[] {
  const path = join(fixtures, dir);
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

const shared = goldens('golden');
const extra = goldens('golden-extra');
const all = [...shared, ...extra];

test('the goldens are there', () => {
  expect(shared.length).toBe(11);
  expect(extra.length).toBe(188);
});

// The reference fixtures go through the real bin, as a user runs it.
describe.concurrent('go tool pprof goldens, as a process', () => {
  test.each(shared)('$name', async ({ line, stdout }) => {
    const result = await runShellLine(line);
    expect(result.stderr).not.toMatch(/pugo-heap:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stdout);
  });
});

// The many extra goldens go through the same driver in-process: a process each would cost
// minutes of tsx start-up and test nothing more (argv is split by sh exactly as above).
describe('go tool pprof goldens, in-process', () => {
  let previousTz: string | undefined;
  let previousCwd: string;
  beforeAll(() => {
    previousTz = process.env.TZ;
    previousCwd = process.cwd();
    process.env.TZ = 'UTC';
    process.chdir(fixtures);
  });
  afterAll(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
    process.chdir(previousCwd);
  });

  test.each(extra)('$name', async ({ line, stdout }) => {
    const argv = await shellWords(line.slice(`node ${bin} `.length));
    const result = await runInProcess(argv);
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
