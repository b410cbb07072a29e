// pugo-heap as a process: the subcommand form, --json, -output, --help, and every bad input → exit 2.
import { mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fixtures, runCli } from './helpers/run-cli.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const golden = (name: string) => readFileSync(join(fixtures, 'golden', `${name}.txt`), 'utf8');
const end = 'go-heap-leaky-end.pb.gz';
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pugo-heap-cli-'));
});
afterAll(() => {
  // Temp files are small; the OS cleans tmpdir.
});

describe.concurrent('report forms', () => {
  test('pugo-heap top --cum SOURCE prints the -top -cum golden', async () => {
    const result = await runCli(['top', '--cum', end]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden('go-heap-leaky-end.top-cum'));
  });

  test('pugo-heap peek RE SOURCE prints the -peek golden; -peek=RE too', async () => {
    const [sub, eq] = await Promise.all([
      runCli(['peek', 'reflect\\.Value\\.call', end]),
      runCli(['-peek=reflect\\.Value\\.call', end]),
    ]);
    expect(sub.stdout).toBe(golden('go-heap-leaky-end.peek-call'));
    expect(eq.stdout).toBe(golden('go-heap-leaky-end.peek-call'));
  });

  test('-flag value spelling: -sample_index alloc_space, -nodecount 5', async () => {
    const [alloc, n5] = await Promise.all([
      runCli(['-top', '-sample_index', 'alloc_space', end]),
      runCli(['-top', '-nodecount', '5', end]),
    ]);
    expect(alloc.stdout).toBe(golden('go-heap-leaky-end.alloc-space.top'));
    expect(n5.stdout).toBe(golden('go-heap-leaky-end.top-n5'));
  });

  test('--json prints the report data as JSON', async () => {
    const result = await runCli(['top', '--json', end]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      kind: string;
      sampleType: string;
      top: { name: string; flat: number }[];
    };
    expect(data.kind).toBe('top');
    expect(data.sampleType).toBe('inuse_space');
    expect(data.top[0]?.name).toBe('main.(*ArticleController).Get');
    expect(data.top.length).toBe(12);
  });

  test('--json works on every report kind', async () => {
    const results = await Promise.all([
      runCli(['-tree', '-json', end]),
      runCli(['-traces', '--json', end]),
      runCli(['--json', '-peek=Get', end]),
      runCli(['list', 'get', '--json', 'node-heap-leaky-end.pb.gz']),
    ]);
    const kinds = results.map((r) => (JSON.parse(r.stdout) as { kind: string }).kind);
    expect(kinds).toEqual(['tree', 'traces', 'peek', 'list']);
  });

  test('-output=FILE writes the report there and says so on stderr', async () => {
    const file = join(tmp, 'top.txt');
    const result = await runCli(['-top', `-output=${file}`, end]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Generating report in ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(golden('go-heap-leaky-end.top'));
  });

  test('--help prints usage with examples on stdout, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('pugo-heap -top heap.pb.gz');
    expect(result.stderr).toBe('');
  });
});

/** Runs pugo-heap and checks it failed the way bad input must: exit 2, one line, no stack. */
async function expectBadInput(args: string[], message: RegExp): Promise<void> {
  const result = await runCli(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^pugo-heap: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(result.stderr).toMatch(message);
}

describe('one report from one file is streamed', () => {
  test('the decompressed copy it reads from is removed, after a report and after bad input', async () => {
    const own = mkdtempSync(join(tmpdir(), 'pugo-heap-tmpdir-'));
    const env = { TMPDIR: own };
    const seen: string[] = [];
    const watcher = watch(own, (_event, name) => {
      if (name?.startsWith('pugo-profile-')) seen.push(name);
    });
    const ok = await runCli(['-top', end], { env });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let queued watch events arrive
    watcher.close();
    expect(ok.code).toBe(0);
    expect(seen.length).toBeGreaterThan(0); // a copy was made: the report was streamed
    expect(ok.stdout).toBe(golden('go-heap-leaky-end.top'));
    const bad = await runCli(['-top', '-sample_index=cpu', end], { env });
    expect(bad.code).toBe(2);
    const cut = join(own, 'cut.pb.gz');
    writeFileSync(cut, readFileSync(join(fixtures, end)).subarray(0, 3000));
    expect((await runCli(['-top', cut], { env })).code).toBe(2);
    // (tsx, which runs the sources in tests, keeps its cache there too.)
    expect(readdirSync(own).filter((f) => f.startsWith('pugo-profile-'))).toEqual([]);
    expect(readdirSync(own)).toContain('cut.pb.gz');
  });
});

describe.concurrent('bad input: exit 2 and one line on stderr', () => {
  test('not a profile', async () => {
    const file = join(tmp, 'not-a-profile.txt');
    writeFileSync(file, 'hello, this is not a profile\n');
    await expectBadInput(['-top', file], /not-a-profile\.txt/);
  });

  test('truncated gzip', async () => {
    const file = join(tmp, 'truncated.pb.gz');
    const data = readFileSync(join(fixtures, end));
    writeFileSync(file, data.subarray(0, data.length >> 1));
    await expectBadInput(['-top', file], /truncated\.pb\.gz/);
  });

  test('empty file', async () => {
    const file = join(tmp, 'empty.pb.gz');
    writeFileSync(file, '');
    await expectBadInput(['-top', file], /empty/);
  });

  test('missing file', async () => {
    await expectBadInput(
      ['-top', 'no-such-profile.pb.gz'],
      /no-such-profile\.pb\.gz.*no such file/,
    );
  });

  test('a sample index the profile lacks', async () => {
    await expectBadInput(['-top', '-sample_index=cpu', end], /sample_index "cpu" must be one of/);
  });

  test('a bad regexp, in a filter and in -peek', async () => {
    await expectBadInput(['-top', '-focus=(', end], /focus/);
    await expectBadInput(['-peek=[z-a]', end], /regexp|regular expression/);
  });

  test('an unknown flag, and a pprof flag pugo-heap lacks', async () => {
    await expectBadInput(['-bogus', end], /flag provided but not defined: -bogus/);
    await expectBadInput(['-png', end], /-png is not supported/);
  });

  test('no source, and two output formats', async () => {
    await expectBadInput(['-top'], /no profile source specified/);
    await expectBadInput(['-top', '-tree', end], /at most one output format/);
  });

  test('an -output file that cannot be written', async () => {
    await expectBadInput(
      ['-top', `-output=${join(tmp, 'no', 'such', 'dir.txt')}`, end],
      /writing the report/,
    );
  });
});
