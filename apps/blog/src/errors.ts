// The blog's error table: every failure a user can cause or fix, with a code and a clear message.

const MESSAGES = {
  PUGO_ERR_BLOG_CONFIG: (d: { name: string; value: string; expected: string }) =>
    `invalid ${d.name}=${JSON.stringify(d.value)}: expected ${d.expected}; fix the environment variable and start again`,
  PUGO_ERR_BLOG_THEME: (d: { theme: string; dir: string; missing: string }) =>
    `theme "${d.theme}" cannot be loaded: ${d.missing} is missing in ${d.dir}; pick an installed theme or add the file`,
  PUGO_ERR_BLOG_ASSET: (d: { name: string }) =>
    `theme asset "${d.name}" does not exist; add it under the theme's assets/ folder or fix the template`,
  PUGO_ERR_BLOG_INJECT_LEAK: (d: { value: string }) =>
    `PUGO_INJECT_LEAK=${JSON.stringify(d.value)} is refused in production (NODE_ENV=production): injected leaks are for soak tests; unset it`,
  PUGO_ERR_BLOG_USAGE: (d: { message: string }) => `${d.message}; see --help`,
  // The reason already says what to do (each is written where the check is made).
  PUGO_ERR_BLOG_COMMAND: (d: { reason: string }) => d.reason,
  PUGO_ERR_BLOG_RESTORE: (d: { reason: string }) => d.reason,
} as const;

export type BlogErrorCode = keyof typeof MESSAGES;

/** An error of the blog with a `PUGO_ERR_…` code. */
export class BlogError extends Error {
  readonly code: BlogErrorCode;
  constructor(code: BlogErrorCode, message: string) {
    super(message);
    this.name = 'BlogError';
    this.code = code;
  }
}

/** Builds the error for `code` from its details. */
export function blogError<C extends BlogErrorCode>(
  code: C,
  details: Parameters<(typeof MESSAGES)[C]>[0],
): BlogError {
  const format = MESSAGES[code] as (d: typeof details) => string;
  return new BlogError(code, format(details));
}

/** Whether `error` is a BlogError, of `code` when one is given. */
export function isBlogError(error: unknown, code?: BlogErrorCode): error is BlogError {
  return error instanceof BlogError && (code === undefined || error.code === code);
}
