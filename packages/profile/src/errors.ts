// The error table of @pugo/profile: every failure a caller can act on, with a stable code.

/** Codes of {@link ProfileError}, each with what failed and what to do. */
export const ProfileErrorCodes = {
  PUGO_ERR_PROFILE_DECODE: 'decoding the profile failed',
  PUGO_ERR_PROFILE_INVALID: 'the profile is malformed',
  PUGO_ERR_PROFILE_EMPTY: 'the profile input is empty',
  PUGO_ERR_PROFILE_TOO_LARGE: 'the profile is too large',
  PUGO_ERR_PROFILE_INCOMPATIBLE: 'the profiles cannot be combined',
  PUGO_ERR_PROFILE_SAMPLE_INDEX: 'the sample index is not in the profile',
  PUGO_ERR_PROFILE_REGEX: 'a regular expression is invalid',
  PUGO_ERR_PROFILE_NO_MATCH: 'no function matches the regular expression',
  PUGO_ERR_PROFILE_OPTION: 'a report option is invalid',
} as const;

export type ProfileErrorCode = keyof typeof ProfileErrorCodes;

/** The only error @pugo/profile throws for bad input; `message` is one line. */
export class ProfileError extends Error {
  readonly code: ProfileErrorCode;
  constructor(code: ProfileErrorCode, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.name = 'ProfileError';
    this.code = code;
  }
}

/** Throws a {@link ProfileError}: `what failed: detail`. */
export function fail(code: ProfileErrorCode, detail: string, cause?: unknown): never {
  throw new ProfileError(code, detail, cause === undefined ? undefined : { cause });
}

/**
 * Throws PUGO_ERR_PROFILE_INVALID for a profile that decodes but contradicts itself. The message
 * says "decoding the profile"; the decoder's caller puts the source's name in its place.
 */
export function malformed(what: string): never {
  return fail(
    'PUGO_ERR_PROFILE_INVALID',
    `decoding the profile failed: malformed profile: ${what}`,
  );
}
