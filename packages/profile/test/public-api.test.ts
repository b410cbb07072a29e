// The public API as a user imports it (by package name): exactly these runtime exports, no more.
import * as api from '@pugo/profile';
import { expect, test } from 'vitest';

test('@pugo/profile exports exactly its documented functions, classes and constants', () => {
  // A new export is a minor changeset and a README line; a lost one breaks users.
  expect(Object.keys(api).sort()).toEqual([
    'DIFF_BASE_LABEL',
    'GraphNode',
    'ProfileError',
    'ProfileErrorCodes',
    'SampleStream',
    'aggregate',
    'buildGraph',
    'checkValid',
    'combineWithBase',
    'compileRegExp',
    'composeDot',
    'copyProfile',
    'decodeProfile',
    'diffProfile',
    'dotColor',
    'encodeProfile',
    'filterSamplesByName',
    'generateReport',
    'isDiffBaseSample',
    'isGzip',
    'label',
    'mergeProfiles',
    'normalizeProfile',
    'openProfileFile',
    'percentage',
    'prepareProfile',
    'prune',
    'removeUninteresting',
    'sampleIndexByName',
    'scale',
    'scaleProfile',
    'scaleProfileN',
    'scaledLabel',
    'shortenFunctionName',
    'sortNodes',
    'subtractProfile',
    'trimGraph',
  ]);
});

test('gc is exposed to tests (memory tests force collections)', () => {
  expect(typeof globalThis.gc).toBe('function');
});
