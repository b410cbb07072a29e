// Resolves a sample index given by name (`inuse_space`, `alloc_objects`, `cpu`) or number.
import { fail } from '../errors.js';
import type { Profile } from './model.js';

/**
 * pprof's SampleIndexByName: '' or undefined is the default sample type (else the last one);
 * a number is an index; a name matches a type, with an `inuse_` prefix optional.
 */
export function sampleIndexByName(
  p: Pick<Profile, 'sampleType' | 'defaultSampleType'>,
  sampleIndex: string | undefined,
): number {
  const types = p.sampleType.map((t) => t.type);
  if (sampleIndex === undefined || sampleIndex === '') {
    if (p.defaultSampleType !== '') {
      const i = types.indexOf(p.defaultSampleType);
      if (i >= 0) return i;
    }
    return p.sampleType.length - 1;
  }
  if (/^[+-]?\d+$/.test(sampleIndex)) {
    const i = Number(sampleIndex);
    if (i < 0 || i >= p.sampleType.length) {
      fail(
        'PUGO_ERR_PROFILE_SAMPLE_INDEX',
        `sample_index ${sampleIndex} is outside the range [0..${p.sampleType.length - 1}]; pick one of: ${types.join(' ')}`,
      );
    }
    return i;
  }
  const noInuse = sampleIndex.startsWith('inuse_')
    ? sampleIndex.slice('inuse_'.length)
    : sampleIndex;
  const i = types.findIndex((t) => t === sampleIndex || t === noInuse);
  if (i >= 0) return i;
  return fail(
    'PUGO_ERR_PROFILE_SAMPLE_INDEX',
    `sample_index "${sampleIndex}" must be one of: [${types.join(' ')}]`,
  );
}
