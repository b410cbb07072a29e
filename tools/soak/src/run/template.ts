// `{{…}}` templates in route paths, bodies and headers: setup variables, counters and random values.
// Hand-written: its placeholders make a fresh value per request (seq, rand, int, pick), as no template library does.

/** Values a template can name: variables captured by the setup, and the environment. */
export interface TemplateScope {
  readonly vars: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A compiled template: renders a fresh string per request. */
export type Template = () => string;

let sequence = 0;

/**
 * Compiles `text`. Placeholders: `{{name}}` (a setup variable), `{{env.NAME}}`, `{{seq}}` (1, 2, 3…
 * across the run), `{{rand}}` (a random integer below 1e9), `{{int:A-B}}` (uniform in A..B),
 * `{{pick:a|b|c}}` (one of the choices). Throws an Error naming an unknown placeholder.
 */
export function compileTemplate(text: string, scope: TemplateScope): Template {
  const parts: (string | (() => string))[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) {
    parts.push(text.slice(last, m.index));
    parts.push(placeholder(m[1]!, scope));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  const fixed = parts.filter((p) => p !== '');
  if (fixed.every((p) => typeof p === 'string')) {
    const constant = fixed.join('');
    return () => constant;
  }
  return () => {
    let out = '';
    for (const p of fixed) out += typeof p === 'string' ? p : p();
    return out;
  };
}

function placeholder(name: string, scope: TemplateScope): string | (() => string) {
  if (name === 'seq') return () => String(++sequence);
  if (name === 'rand') return () => String(Math.floor(Math.random() * 1e9));
  const int = /^int:(\d+)-(\d+)$/.exec(name);
  if (int !== null) {
    const lo = Number(int[1]);
    const hi = Number(int[2]);
    if (hi < lo) throw new Error(`{{${name}}}: the range is empty`);
    return () => String(lo + Math.floor(Math.random() * (hi - lo + 1)));
  }
  if (name.startsWith('pick:')) {
    const choices = name.slice(5).split('|');
    return () => choices[Math.floor(Math.random() * choices.length)] ?? '';
  }
  if (name.startsWith('env.')) {
    const value = scope.env[name.slice(4)];
    if (value === undefined) throw new Error(`{{${name}}}: the environment variable is not set`);
    return value;
  }
  if (Object.hasOwn(scope.vars, name)) return scope.vars[name]!;
  const known = Object.keys(scope.vars);
  throw new Error(
    `{{${name}}} is not a setup variable${known.length ? ` (known: ${known.join(', ')})` : ''} nor one of seq, rand, int:A-B, pick:a|b, env.NAME`,
  );
}
