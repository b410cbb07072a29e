// `pnpm bench` arguments: the name, --runs, --help and each bench's free-form options.
import { describe, expect, test } from 'vitest';
import { parseBenchArgs, positiveArg } from '../src/bench-args.js';

describe('parseBenchArgs', () => {
  test('takes the name, --runs and the bench options in both spellings', () => {
    expect(
      parseBenchArgs(['--', 'pprof', '--runs', '7', '--duration', '3', '--mode=fast', '--quick']),
    ).toEqual({
      name: 'pprof',
      runs: 7,
      help: false,
      args: { duration: '3', mode: 'fast', quick: 'true' },
    });
  });

  test('reads options before the name, and a flag followed by another option as a flag', () => {
    expect(parseBenchArgs(['--runs', '3', 'blog', '--quick', '--posts', '50'])).toEqual({
      name: 'blog',
      runs: 3,
      help: false,
      args: { quick: 'true', posts: '50' },
    });
  });

  test('defaults to 5 runs', () => {
    expect(parseBenchArgs(['router']).runs).toBe(5);
  });

  test('refuses a bad --runs, a stray word and a nameless option with a message', () => {
    expect(() => parseBenchArgs(['router', '--runs', '0'])).toThrow(
      '--runs must be a positive integer, got "0"',
    );
    expect(() => parseBenchArgs(['router', '--runs=abc'])).toThrow('got "abc"');
    expect(() => parseBenchArgs(['router', '--runs', '1e1'])).toThrow('got "1e1"');
    expect(() => parseBenchArgs(['router', '--runs'])).toThrow('got "true"');
    expect(() => parseBenchArgs(['router', 'storage'])).toThrow('unexpected argument "storage"');
    expect(() => parseBenchArgs(['router', '--=x'])).toThrow('is not an option');
  });

  test('sees --help and -h anywhere', () => {
    expect(parseBenchArgs(['-h'])).toEqual({ name: undefined, runs: 5, help: true, args: {} });
    expect(parseBenchArgs(['router', '--help']).help).toBe(true);
    expect(parseBenchArgs(['router']).help).toBe(false);
  });
});

describe('positiveArg', () => {
  test('reads a positive integer option, or the fallback when absent', () => {
    expect(positiveArg({ posts: '50' }, 'posts', 10_000)).toBe(50);
    expect(positiveArg({}, 'posts', 10_000)).toBe(10_000);
    for (const bad of ['0', '-1', '2.5', 'many', 'true']) {
      expect(() => positiveArg({ posts: bad }, 'posts', 1), bad).toThrow(
        `--posts must be a positive integer, got "${bad}"`,
      );
    }
  });
});
