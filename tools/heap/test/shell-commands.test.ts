// The shell's line interpreter in-process: report commands, settings, shortcuts, sample types, `o`.
import { describe, expect, test } from 'vitest';
import { resolveSampleIndex } from '../src/settings/resolve-sample-index.js';
import { expandShortcuts, formatOptions, interpret } from '../src/shell/shell-commands.js';

const profile = {
  sampleType: [
    { type: 'alloc_objects' },
    { type: 'alloc_space' },
    { type: 'inuse_objects' },
    { type: 'inuse_space' },
  ],
};

describe('report commands, as pprof parses them', () => {
  test('top10 -cum main -runtime >out.txt', () => {
    expect(interpret('top10 -cum main -runtime >out.txt', {}, profile)).toEqual({
      type: 'report',
      command: { kind: 'top' },
      config: { nodeCount: 10, sort: 'cum', focus: 'main', ignore: 'runtime', output: 'out.txt' },
    });
  });

  test('several focus and ignore words join with |; "> file" takes the next word', () => {
    expect(interpret('tree a b -c -d > f.txt', {}, profile)).toEqual({
      type: 'report',
      command: { kind: 'tree' },
      config: { focus: 'a|b', ignore: 'c|d', output: 'f.txt' },
    });
  });

  test('peek and list take their regexp first, and need one', () => {
    expect(interpret('peek Value\\.call 5', {}, profile)).toMatchObject({
      command: { kind: 'peek', regexp: 'Value\\.call' },
      config: { nodeCount: 5 },
    });
    expect(interpret('list', {}, profile)).toEqual({
      type: 'error',
      message: 'command list requires an argument',
    });
  });

  test('command options do not persist: the current settings are copied', () => {
    const current = { focus: 'x' };
    const action = interpret('top -cum', current, profile);
    expect(action).toMatchObject({ config: { focus: 'x', sort: 'cum' } });
    expect(current).toEqual({ focus: 'x' });
  });

  test('unknown words, options without =, and pprof commands we lack', () => {
    expect(interpret('foo', {}, profile)).toEqual({
      type: 'error',
      message: 'unrecognized command: "foo"',
    });
    expect(interpret('nodecount', {}, profile)).toEqual({
      type: 'error',
      message: 'please specify a value, e.g. nodecount=<val>',
    });
    expect(interpret('top >', {}, profile)).toEqual({
      type: 'error',
      message: 'unexpected end of line after >',
    });
    expect(interpret('png', {}, profile)).toMatchObject({ type: 'error' });
  });

  test('quit, options, help', () => {
    expect(['q', 'quit', 'exit'].map((w) => interpret(w, {}, profile).type)).toEqual([
      'quit',
      'quit',
      'quit',
    ]);
    expect(interpret('o', {}, profile).type).toBe('options');
    expect(interpret('help top', {}, profile)).toEqual({ type: 'help', topic: 'top' });
  });
});

describe('settings', () => {
  test('name=value, with pprof //: comments stripped; choices by name', () => {
    expect(interpret('nodecount = 7 //: default', {}, profile)).toEqual({
      type: 'set',
      config: { nodeCount: 7 },
    });
    expect(interpret('cum', {}, profile)).toEqual({ type: 'set', config: { sort: 'cum' } });
    expect(interpret('granularity=lines', {}, profile)).toEqual({
      type: 'set',
      config: { granularity: 'lines' },
    });
    expect(interpret('focus=', { focus: 'x' }, profile)).toEqual({ type: 'set', config: {} });
    expect(interpret('nodefraction=abc', {}, profile)).toMatchObject({ type: 'error' });
  });

  test('sample_index by name, inuse_ alias, index; bad ones say what exists', () => {
    expect(resolveSampleIndex(profile, 'alloc_space')).toBe('alloc_space');
    expect(resolveSampleIndex(profile, '0')).toBe('alloc_objects');
    expect(resolveSampleIndex({ sampleType: [{ type: 'space' }] }, 'inuse_space')).toBe('space');
    expect(resolveSampleIndex(profile, '')).toBe('inuse_space');
    expect(() => resolveSampleIndex(profile, '9')).toThrow(
      'sample_index 9 is outside the range [0..3]',
    );
    expect(() => resolveSampleIndex(profile, 'cpu')).toThrow(
      'sample_index "cpu" must be one of: [alloc_objects alloc_space inuse_objects inuse_space]',
    );
  });

  test('shortcuts: ":" clears the filters, a sample type name selects it', () => {
    expect(expandShortcuts(' : ', profile)).toEqual(['focus=', 'ignore=', 'hide=']);
    expect(expandShortcuts('alloc_space', profile)).toEqual(['sample_index=alloc_space']);
    expect(expandShortcuts('top', profile)).toEqual(['top']);
  });

  test('o: pprof layout, sorted, defaults and comments', () => {
    const text = formatOptions({ sort: 'cum', focus: 'Get' }, profile);
    const lines = text.split('\n');
    expect([...lines].sort()).toEqual(lines);
    expect(lines).toContain('  focus                     = Get                  ');
    expect(lines).toContain('  nodecount                 = -1                   //: default');
    expect(lines).toContain('  sort                      = cum                  //: [cum | flat]');
    expect(lines).toContain(
      '  sample_index              = inuse_space          //: [alloc_objects | alloc_space | inuse_objects | inuse_space]',
    );
  });
});
