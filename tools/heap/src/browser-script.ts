// Reads a script of browser/ (the code that runs in the page) once, to inline it in a page.
import { readFileSync } from 'node:fs';

/** The files of browser/: TypeScript checks them (tsconfig.browser.json), Biome lints them. */
export type BrowserScript = 'flame-client.js' | 'graph-client.js';

const loaded = new Map<BrowserScript, string>();

/**
 * The text of `browser/<name>`. The folder sits beside src/ and dist/, so one relative URL works
 * from the TypeScript sources (tsx, vitest) and from the build; package.json `files` ships it.
 */
export function browserScript(name: BrowserScript): string {
  let text = loaded.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../browser/${name}`, import.meta.url), 'utf8');
    // Inlined in a <script> element: this would end it.
    if (/<\/script/i.test(text)) throw new Error(`browser/${name} must not contain "</script"`);
    loaded.set(name, text);
  }
  return text;
}
