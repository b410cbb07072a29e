// Compiles Go (RE2) regular expressions, as pprof takes them, into JavaScript RegExps.
import { fail } from './errors.js';

/**
 * Translates the RE2 spellings JavaScript lacks (`(?i)` prefix, `(?P<name>`, `\A`, `\z`,
 * POSIX classes) and compiles; a bad pattern is PUGO_ERR_PROFILE_REGEX.
 */
export function compileRegExp(source: string, what: string): RegExp {
  let src = source;
  let flags = '';
  const prefix = /^\(\?([imsU]+)\)/.exec(src);
  if (prefix !== null) {
    src = src.slice(prefix[0].length);
    if (prefix[1]!.includes('i')) flags += 'i';
    if (prefix[1]!.includes('m')) flags += 'm';
    if (prefix[1]!.includes('s')) flags += 's';
  }
  src = src
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:punct:\]/g, '!-\\/:-@\\[-`{-~')
    .replace(/\[:word:\]/g, '\\w');
  try {
    return new RegExp(src, flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      'PUGO_ERR_PROFILE_REGEX',
      `parsing ${what} regexp ${JSON.stringify(source)} failed: ${message}; fix the expression (Go RE2 syntax)`,
    );
  }
}
