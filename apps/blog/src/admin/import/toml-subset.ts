// The part of TOML that Hugo's `+++` front matter uses: top-level keys with strings, numbers, booleans, dates and arrays.
// Hand-written because no TOML library is installed yet (smol-toml would replace it); anything beyond
// this subset is an error naming its line, never a silent guess.

/** A TOML value of the subset; dates stay as written (the importer reads them with `new Date`). */
export type TomlValue = string | number | boolean | TomlValue[];

/** The top-level keys of `text` (keys under `[table]` headers are not front matter fields and are skipped). */
export function parseTomlSubset(text: string): Record<string, TomlValue> {
  const out: Record<string, TomlValue> = {};
  const p = new Cursor(text);
  for (;;) {
    p.skipBlank(true);
    if (p.done() || p.peek() === '[') return out; // the first table ends the top-level keys
    const key = p.key();
    p.skipBlank(false);
    p.expect('=');
    p.skipBlank(false);
    out[key] = p.value();
    p.skipBlank(false);
    if (!p.done() && p.peek() !== '\n') p.fail('expected the end of the line after the value');
  }
}

class Cursor {
  #at = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.#at >= this.text.length;
  }

  peek(): string {
    return this.text[this.#at] ?? '';
  }

  /** Skips spaces and comments, and newlines too when `lines`. */
  skipBlank(lines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || (lines && (c === '\n' || c === '\r'))) this.#at++;
      else if (c === '#') while (!this.done() && this.peek() !== '\n') this.#at++;
      else return;
    }
  }

  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}"`);
    this.#at++;
  }

  key(): string {
    const m = /^(?:([A-Za-z0-9_-]+)|"((?:[^"\\\n]|\\.)*)")/.exec(this.text.slice(this.#at));
    if (!m) this.fail('expected a key');
    this.#at += m[0].length;
    if (this.peek() === '.') this.fail('dotted keys are not supported in front matter');
    return m[1] ?? (JSON.parse(`"${m[2] ?? ''}"`) as string);
  }

  value(): TomlValue {
    const rest = this.text.slice(this.#at);
    if (rest.startsWith('[')) return this.array();
    if (rest.startsWith('"""') || rest.startsWith("'''"))
      this.fail('multi-line strings are not supported in front matter');
    const token =
      /^"(?:[^"\\\n]|\\.)*"/.exec(rest) ??
      /^'[^'\n]*'/.exec(rest) ??
      /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/.exec(
        rest,
      ) ??
      /^(?:true|false)\b/.exec(rest) ??
      /^[+-]?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?\b/.exec(rest);
    if (!token) this.fail('expected a string, number, boolean, date or array');
    this.#at += token[0].length;
    const t = token[0];
    if (t.startsWith('"')) return JSON.parse(t.replace(/\\U([0-9a-fA-F]{8})/g, unicode)) as string;
    if (t.startsWith("'")) return t.slice(1, -1);
    if (t === 'true' || t === 'false') return t === 'true';
    if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t;
    return Number(t.replace(/_/g, ''));
  }

  array(): TomlValue[] {
    this.expect('[');
    const items: TomlValue[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.peek() === ']') break;
      items.push(this.value());
      this.skipBlank(true);
      if (this.peek() === ',') this.#at++;
      else if (this.peek() !== ']') this.fail('expected "," or "]" in the array');
    }
    this.#at++;
    return items;
  }

  fail(what: string): never {
    const line = this.text.slice(0, this.#at).split('\n').length;
    throw new SyntaxError(`${what} on line ${line}`);
  }
}

function unicode(_: string, hex: string): string {
  return String.fromCodePoint(Number.parseInt(hex, 16));
}
