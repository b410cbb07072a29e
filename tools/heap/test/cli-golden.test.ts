// pugo-heap's own goldens (test/golden, made by scripts/regen-golden.sh with go tool pprof): more flags,
// merged sources and whole interactive sessions, stdout and stderr byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { bin, runShellLine } from './helpers/run-cli.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const dir = fileURLToPath(new URL('./golden/', import.meta.url));
// go tool pprof's symbolizer notes a profile without a main binary name; pugo-heap never symbolizes.
const symbolizerNote = 'Main binary filename not available.\n';

const cases = readdirSync(dir)
  .filter((file) => file.endsWith('.cmd'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -4);
    const read = (ext: string) => readFileSync(join(dir, name + ext), 'utf8');
    const cmd = read('.cmd').trim();
    return {
      name,
      line: `node ${bin} ${cmd.slice('go tool pprof '.length)}`,
      // Only interactive sessions have input; every case has its stdout and stderr.
      stdin: existsSync(join(dir, `${name}.stdin`)) ? read('.stdin') : undefined,
      stdout: read('.txt'),
      stderr: read('.err').replace(symbolizerNote, ''),
    };
  });

test('there are goldens, interactive sessions among them', () => {
  expect(cases.length).toBe(8);
  expect(cases.filter((c) => c.stdin !== undefined).length).toBe(2);
});

describe.concurrent('pugo-heap goldens', () => {
  test.each(cases)('$name', async ({ line, stdin, stdout, stderr }) => {
    const result = await runShellLine(line, stdin === undefined ? {} : { input: stdin });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
  });
});
