// argv parsing in-process: Go's flag syntax, legacy sample flags, comparisons, the subcommand form, bad usage.
import { describe, expect, test } from 'vitest';
import { HeapError } from '../src/errors.js';
import { parseArgs } from '../src/settings/args.js';

function usageMessage(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(HeapError);
    return (error as HeapError).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
}

describe('Go flag syntax', () => {
  test.each([
    [['-peek=main\\.', 'p.pb.gz']],
    [['-peek', 'main\\.', 'p.pb.gz']],
    [['--peek=main\\.', 'p.pb.gz']],
    [['--peek', 'main\\.', 'p.pb.gz']],
  ])('%j selects peek with its regexp', (argv) => {
    const args = parseArgs(argv);
    expect(args.command).toEqual({ kind: 'peek', regexp: 'main\\.' });
    expect(args.sources).toEqual(['p.pb.gz']);
  });

  test('every value flag takes both spellings', () => {
    const a = parseArgs([
      '-top',
      '-nodecount=5',
      '-nodefraction',
      '0.1',
      '--edgefraction=0.2',
      'p',
    ]);
    expect(a.config).toMatchObject({ nodeCount: 5, nodeFraction: 0.1, edgeFraction: 0.2 });
    const b = parseArgs(['-top', '--focus', 'a', '-ignore=b', '--hide=c', '-show', 'd', 'p']);
    expect(b.config).toMatchObject({ focus: 'a', ignore: 'b', hide: 'c', show: 'd' });
    const c = parseArgs(['-top', '-sample_index', 'alloc_space', '--output=out.txt', 'p']);
    expect(c.config).toMatchObject({ sampleIndex: 'alloc_space', output: 'out.txt' });
  });

  test('bools take no value or =true/=false', () => {
    expect(parseArgs(['-top', '-cum', 'p']).config.sort).toBe('cum');
    expect(parseArgs(['-top', '--cum=false', 'p']).config.sort).toBeUndefined();
    expect(parseArgs(['-top=1', 'p']).command).toEqual({ kind: 'top' });
    expect(parseArgs(['-top=false', '-tree', 'p']).command).toEqual({ kind: 'tree' });
    // A bool never swallows the next argument: "p" stays a source.
    expect(parseArgs(['-cum', 'p']).sources).toEqual(['p']);
  });

  test('-text is top, and the output formats each select their kind', () => {
    expect(parseArgs(['-text', 'p']).command).toEqual({ kind: 'top' });
    expect(parseArgs(['-tree', 'p']).command).toEqual({ kind: 'tree' });
    expect(parseArgs(['-traces', 'p']).command).toEqual({ kind: 'traces' });
    expect(parseArgs(['-list=Get', 'p']).command).toEqual({ kind: 'list', regexp: 'Get' });
  });

  test('no format opens the shell; an empty regexp is no format, as in Go', () => {
    expect(parseArgs(['p']).command).toBeUndefined();
    expect(parseArgs(['-peek=', 'p']).command).toBeUndefined();
  });

  test('granularities and sort order', () => {
    for (const g of ['functions', 'filefunctions', 'files', 'lines', 'addresses'] as const) {
      expect(parseArgs(['-top', `-${g}`, 'p']).config.granularity).toBe(g);
    }
    expect(parseArgs(['-top', '-flat', 'p']).config.sort).toBe('flat');
    expect(usageMessage(['-top', '-lines', '-files', 'p'])).toContain(
      'conflicting options set: [files lines]',
    );
    expect(usageMessage(['-top', '-cum', '-flat', 'p'])).toContain(
      'conflicting options set: [cum flat]',
    );
  });

  test('sources: several, flags after them, and -- ends the flags', () => {
    expect(parseArgs(['-top', 'a', 'b', '-cum']).sources).toEqual(['a', 'b']);
    expect(parseArgs(['-top', '--', '-weird-name.pb.gz']).sources).toEqual(['-weird-name.pb.gz']);
  });
});

describe('legacy sample flags', () => {
  test.each([
    ['-inuse_space', 'inuse_space'],
    ['-inuse_objects', 'inuse_objects'],
    ['-alloc_space', 'alloc_space'],
    ['--alloc_objects', 'alloc_objects'],
  ])('%s selects %s', (flag, index) => {
    expect(parseArgs(['-top', flag, 'p']).config.sampleIndex).toBe(index);
  });

  test('-sample_index wins and the legacy flag is reported as ignored', () => {
    const args = parseArgs(['-top', '-sample_index=inuse_space', '-alloc_space', 'p']);
    expect(args.config.sampleIndex).toBe('inuse_space');
    expect(args.warnings).toEqual(['Multiple value selections, ignoring -alloc_space']);
  });
});

describe('sources and comparisons', () => {
  test('-base and -diff_base collect their profiles', () => {
    const base = parseArgs(['-top', '-base', 's.pb.gz', '--base=t.pb.gz', 'e.pb.gz']);
    expect(base).toMatchObject({
      base: ['s.pb.gz', 't.pb.gz'],
      diffBase: false,
      sources: ['e.pb.gz'],
    });
    const diff = parseArgs(['-top', '-diff_base=s.pb.gz', '-normalize', 'e.pb.gz']);
    expect(diff).toMatchObject({ base: ['s.pb.gz'], diffBase: true });
    expect(diff.config.normalize).toBe(true);
  });

  test('-seconds and -timeout are integers', () => {
    const args = parseArgs(['-seconds', '5', '--timeout=0x10', 'http://h/']);
    expect(args).toMatchObject({ seconds: 5, timeout: 16 });
    expect(parseArgs(['p'])).toMatchObject({ seconds: -1, timeout: -1 });
  });

  test('pprof refuses -base with -diff_base, and -normalize without a base', () => {
    expect(usageMessage(['-top', '-base=a', '-diff_base=b', 'p'])).toContain(
      '-base and -diff_base flags cannot both be specified',
    );
    expect(usageMessage(['-top', '-normalize', 'p'])).toContain(
      'must have base profile to normalize by',
    );
  });
});

describe('the subcommand form', () => {
  test('pugo-heap top --cum SOURCE', () => {
    const args = parseArgs(['top', '--cum', 'p.pb.gz']);
    expect(args.command).toEqual({ kind: 'top' });
    expect(args.config.sort).toBe('cum');
    expect(args.sources).toEqual(['p.pb.gz']);
  });

  test('peek and list take the regexp first', () => {
    expect(parseArgs(['peek', '^get$', 'p.pb.gz'])).toMatchObject({
      command: { kind: 'peek', regexp: '^get$' },
      sources: ['p.pb.gz'],
    });
    expect(parseArgs(['list', 'Get', '-json', 'a', 'b'])).toMatchObject({
      command: { kind: 'list', regexp: 'Get' },
      sources: ['a', 'b'],
      json: true,
    });
    expect(usageMessage(['peek', 'p.pb.gz'])).toContain('peek needs a regexp and a source');
  });

  test('a lone word is a source, and a command with a format flag is two formats', () => {
    expect(parseArgs(['top']).sources).toEqual(['top']);
    expect(usageMessage(['tree', '-top', 'p'])).toContain('must set at most one output format');
  });
});

describe('bad usage', () => {
  test.each([
    [['-bogus', 'p'], 'flag provided but not defined: -bogus'],
    [['-top', '-tree', 'p'], 'must set at most one output format'],
    [['-nodecount=ten', '-top', 'p'], 'invalid value "ten" for flag -nodecount: parse error'],
    [['-nodefraction=x', 'p'], 'invalid value "x" for flag -nodefraction: parse error'],
    [['-cum=maybe', 'p'], 'invalid boolean value "maybe" for flag -cum'],
    [['-top', '-focus'], 'flag needs an argument: -focus'],
    [['---top', 'p'], 'bad flag syntax: ---top'],
    [['-top'], 'no profile source specified'],
  ])('%j → %s', (argv, message) => {
    expect(usageMessage(argv)).toContain(message);
  });

  test('pprof flags pugo-heap does not support say so', () => {
    expect(usageMessage(['-png', 'p'])).toContain('the go tool pprof flag -png is not supported');
    expect(usageMessage(['-unit=mb', 'p'])).toContain('-unit is not supported');
  });

  test('help and version win over everything else', () => {
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--help', '-top']).help).toBe(true);
    expect(parseArgs(['help']).help).toBe(true);
    expect(parseArgs(['--version']).version).toBe(true);
  });
});
