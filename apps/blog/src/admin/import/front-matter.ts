// Front matter as Hugo (YAML `---`, TOML `+++`, JSON `{…}`), Jekyll (YAML) and static Pugo write it, read by gray-matter.
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

/** What a file's head holds: no front matter, a front matter that cannot be read, or its fields. */
export type FrontMatter =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | {
      readonly kind: 'fields';
      /** Top-level fields with lower-cased keys (Hugo's keys are case-insensitive). */
      readonly data: Readonly<Record<string, unknown>>;
      /** The markdown after the front matter. */
      readonly body: string;
    };

const refuse = (language: string) => () => {
  throw new Error(`${language} front matter is not accepted: write it in YAML, TOML or JSON`);
};

// Added to gray-matter's own (YAML through js-yaml's safe schema, JSON). Its `---js` engine runs
// the front matter through eval: an imported file must never run code, so it is replaced.
const ENGINES = {
  toml: parseTomlFields,
  javascript: refuse('JavaScript'),
  coffee: refuse('CoffeeScript'),
};

/** smol-toml; gray-matter hands it the text after the `+++`, so its error lines are the file's. */
function parseTomlFields(text: string): Record<string, unknown> {
  try {
    return parseToml(text);
  } catch (error) {
    const { line } = error as { line?: number };
    const message = brief(error).replace(/^Invalid TOML document: /, '');
    throw new Error(line === undefined ? message : `${message} on line ${line}`);
  }
}

/** The languages a fence may name (`---json`); a bare `---` is YAML and `+++` is TOML. */
const LANGUAGES: Readonly<Record<string, string>> = {
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  toml: 'TOML',
};

/** Parses the front matter at the head of `text` (a BOM and CRLF line ends are fine). */
export function parseFrontMatter(text: string): FrontMatter {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (src.startsWith('{')) return jsonObject(src);
  const fence = src.startsWith('---') ? '---' : src.startsWith('+++') ? '+++' : null;
  // `----` or a fence that never closes is a thematic break starting plain markdown, not front matter.
  if (fence === null || src[fence.length] === fence[0] || !src.includes(`\n${fence}`, fence.length))
    return { kind: 'none' };
  const named = src.slice(fence.length, src.indexOf('\n')).trim().toLowerCase();
  const language = named || (fence === '+++' ? 'toml' : 'yaml');
  const name = LANGUAGES[language];
  if (name === undefined) {
    return {
      kind: 'invalid',
      reason: `the front matter is in ${JSON.stringify(named)}: write it in YAML, TOML or JSON`,
    };
  }
  let file: matter.GrayMatterFile<string>;
  try {
    // Passing options also keeps gray-matter from caching every file's text in a module-level
    // object (it caches only calls without options): an import must not grow the heap for good.
    file = matter(src, { language, delimiters: fence, engines: ENGINES });
  } catch (error) {
    return { kind: 'invalid', reason: `the front matter is not valid ${name}: ${brief(error)}` };
  }
  return fields(file.data, file.content);
}

/** Static Pugo's head: a JSON object whose closing brace starts a line. */
function jsonObject(src: string): FrontMatter {
  const end = /\n\}[ \t]*(?:\n|$)/.exec(src);
  if (!end) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(src.slice(0, end.index + 2));
  } catch (error) {
    return { kind: 'invalid', reason: `the front matter is not valid JSON: ${brief(error)}` };
  }
  return fields(data, src.slice(end.index + end[0].length));
}

function fields(data: unknown, body: string): FrontMatter {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'invalid', reason: 'the front matter is not a set of fields (key: value)' };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) out[key.toLowerCase()] = value;
  return { kind: 'fields', data: out, body };
}

/** A parser's message without the excerpt of the source that js-yaml and JSON.parse append. */
function brief(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/:$/, '').replace(/, ".*$/, '');
}
