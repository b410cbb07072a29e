// Validates a comment form: lengths, email and URL formats, the parent; every problem one sentence.

/** The form's fields as posted (strings, possibly missing). */
export interface CommentFields {
  readonly name: string;
  readonly email: string;
  readonly url: string;
  readonly body: string;
  readonly parent: string;
}

/** Field limits: from settings for the body, fixed for the rest. */
export interface CommentLimits {
  readonly name: number;
  readonly email: number;
  readonly url: number;
  readonly bodyMin: number;
  readonly body: number;
}

/** Fixed limits of the name, email and URL fields. */
export const FIELD_LIMITS = { name: 80, email: 254, url: 300 } as const;

/** The checked input, ready for storage. */
export interface ValidComment {
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorUrl: string | null;
  readonly body: string;
  readonly parentId: number | null;
}

// Pragmatic: one @, no spaces, a dot in the domain (RFC 5322 in full accepts much that mail won't).
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** Reads the posted body (any shape) as the form's string fields. */
export function commentFields(body: unknown): CommentFields {
  const b = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  return {
    name: s('name'),
    email: s('email'),
    url: s('url'),
    body: s('body'),
    parent: s('parent'),
  };
}

/** Checks the fields; `errors` lists what to fix, in form order. */
export function validateComment(
  fields: CommentFields,
  limits: CommentLimits,
): { ok: true; value: ValidComment } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const name = fields.name.trim();
  const email = fields.email.trim().toLowerCase();
  const url = fields.url.trim();
  const body = fields.body.replace(/\r\n?/g, '\n').trim();
  if (name === '') errors.push('Please enter your name.');
  else if ([...name].length > limits.name)
    errors.push(`Your name may be at most ${limits.name} characters.`);
  if (email === '') errors.push('Please enter your email address (it is not published).');
  else if (email.length > limits.email || !EMAIL.test(email))
    errors.push('Please enter a valid email address.');
  let authorUrl: string | null = null;
  if (url !== '') {
    authorUrl = httpUrl(url);
    if (authorUrl === null || url.length > limits.url) {
      errors.push('Your website must be an http:// or https:// address.');
    }
  }
  const length = [...body].length;
  if (length < limits.bodyMin) {
    errors.push(
      body === ''
        ? 'Please write a comment.'
        : `Your comment must be at least ${limits.bodyMin} characters.`,
    );
  } else if (length > limits.body) {
    errors.push(`Your comment may be at most ${limits.body} characters (it has ${length}).`);
  }
  let parentId: number | null = null;
  if (fields.parent !== '') {
    if (!/^[1-9]\d{0,9}$/.test(fields.parent))
      errors.push('The comment you reply to does not exist.');
    else parentId = Number(fields.parent);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { authorName: name, authorEmail: email, authorUrl, body, parentId } };
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
