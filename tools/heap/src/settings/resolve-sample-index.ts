// Resolves a sample_index setting to a sample type name, as pprof's SampleIndexByName (shell and web UI).

/** What the resolution reads of a profile. */
export interface SampleTypes {
  readonly sampleType: readonly { readonly type: string }[];
  readonly defaultSampleType?: string;
}

/**
 * The sample type `value` names, as pprof's SampleIndexByName resolves it: an index, a type name,
 * or `inuse_x` for a type `x`. Throws the message pprof prints for anything else.
 */
export function resolveSampleIndex(profile: SampleTypes, value: string): string {
  const types = profile.sampleType.map((t) => t.type);
  if (value === '') {
    const fallback = types.includes(profile.defaultSampleType ?? '')
      ? profile.defaultSampleType
      : undefined;
    return fallback ?? types[types.length - 1] ?? '';
  }
  if (/^[+-]?\d+$/.test(value)) {
    const index = Number(value);
    if (index < 0 || index >= types.length) {
      throw new Error(`sample_index ${value} is outside the range [0..${types.length - 1}]`);
    }
    return types[index]!;
  }
  const noInuse = value.replace(/^inuse_/, '');
  const found = types.find((t) => t === value || t === noInuse);
  if (found === undefined) {
    throw new Error(`sample_index ${JSON.stringify(value)} must be one of: [${types.join(' ')}]`);
  }
  return found;
}
