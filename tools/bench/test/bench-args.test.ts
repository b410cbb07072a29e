import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from '../src/bench-args.js';

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

  test('defaults to 5 runs', () => {
    expect(parseBenchArgs(['router']).runs).toBe(5);
  });

  test('refuses a bad --runs and a stray word with a message', () => {
    expect(() => parseBenchArgs(['router', '--runs', '0'])).toThrow(
      '--runs must be a positive integer, got "0"',
    );
    expect(() => parseBenchArgs(['router', '--runs=abc'])).toThrow('got "abc"');
    expect(() => parseBenchArgs(['router', 'storage'])).toThrow('unexpected argument "storage"');
  });

  test('sees --help anywhere', () => {
    expect(parseBenchArgs(['-h']).help).toBe(true);
    expect(parseBenchArgs(['router', '--help']).help).toBe(true);
  });
});
