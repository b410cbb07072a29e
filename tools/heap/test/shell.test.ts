// The interactive shell: driven through stdin as a process, and on a (simulated) terminal with history.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { decodeProfile } from '@pugo/profile';
import { describe, expect, test, vi } from 'vitest';
import { runShell } from '../src/shell/shell.js';
import { fixtures, runCli } from './helpers/run-cli.js';

// Each test starts node processes; on a busy 2-core machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const end = 'go-heap-leaky-end.pb.gz';
/** The reports in a piped session's stdout, split at the prompts. */
const reports = (stdout: string) => stdout.split('(pprof) ');

describe.concurrent('piped stdin', () => {
  test('options persist: bare cum, flat=true, cum=true; a report error does not end the shell', async () => {
    const input = 'cum\ntop 3\nflat=true\ntop 3\npeek (\ncum=true\ntop 3\n';
    const result = await runCli([end], { input });
    expect(result.code).toBe(0);
    const [, set, cum, , flat, peek, , again, last] = reports(result.stdout);
    expect(cum).toContain('   100%  main.main\n');
    expect(flat).toContain('Showing top 3 nodes out of 12');
    expect(flat).not.toEqual(cum);
    expect(again).toEqual(cum);
    expect(set).toBe('');
    expect(peek).toBe('');
    expect(last).toBe('');
    expect(result.stderr).toContain('parsing argument regexp "(" failed');
    // End of input without quit: the last prompt is printed, as pprof prints it.
    expect(result.stdout.endsWith('(pprof) ')).toBe(true);
  });

  test('o lists the settings, help the commands, help top its usage', async () => {
    const result = await runCli([end], {
      input: 'sample_index=alloc_space\nhide=runtime\no\nhelp\nhelp top\nq\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      '  sample_index              = alloc_space          //: [alloc_objects | alloc_space | inuse_objects | inuse_space]\n',
    );
    expect(result.stderr).toContain('  hide                      = runtime              \n');
    expect(result.stderr).toMatch(
      / {4}peek {13}Output callers\/callees of functions matching regexp/,
    );
    expect(result.stderr).toContain('    top [n] [focus_regex]* [-ignore_regex]* [-cum] >f\n');
  });

  test('top >FILE writes the report to the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pugo-heap-shell-')), 'top.txt');
    const result = await runCli([end], { input: `top 2 >${file}\nquit\n` });
    expect(result.stdout).toBe('(pprof) (pprof) ');
    expect(result.stderr).toContain(`Generating report in ${file}\n`);
    expect(readFileSync(file, 'utf8')).toMatch(
      /^Showing nodes accounting for .*\nShowing top 2 nodes out of 12\n/s,
    );
  });
});

test('on a terminal: the line editor on stderr, reports on stdout, history saved', async () => {
  const profile = decodeProfile(readFileSync(join(fixtures, end)), { source: end });
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const historyFile = join(mkdtempSync(join(tmpdir(), 'pugo-heap-history-')), 'history');
  const done = runShell(
    { profile, diffBase: false },
    {},
    {
      stdin,
      stdout,
      stderr,
      terminal: true,
      historyFile,
    },
  );
  stdin.write('top 2\r');
  stdin.write('nodecount=3\r');
  stdin.write('quit\r');
  await done;
  expect(out.join('')).toMatch(/^Showing nodes accounting for .*Showing top 2 nodes out of 12\n/s);
  expect(err.join('')).toContain('(pprof) ');
  expect(readFileSync(historyFile, 'utf8')).toBe('top 2\nnodecount=3\nquit\n');
});
