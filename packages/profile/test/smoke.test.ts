import * as api from '@pugo/profile';
import { expect, test } from 'vitest';

test('resolves workspace packages to source', () => {
  expect(api).toBeTypeOf('object');
});

test('gc is exposed to tests', () => {
  expect(typeof globalThis.gc).toBe('function');
});
