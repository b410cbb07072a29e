// Markdown → safe HTML for posts and pages: marked, code highlighted at save time, then sanitised.
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape.js';
import { firstParagraph, splitExcerpt } from './excerpt.js';
import { highlightCode } from './highlight.js';
import { readingMinutes } from './reading-time.js';
import { sanitizePostHtml } from './sanitize.js';

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    code({ text, lang }: Tokens.Code): string {
      const language = lang?.match(/^[\w+-]+/)?.[0];
      const cls = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
      return `<pre><code${cls}>${highlightCode(text, language)}</code></pre>\n`;
    },
  },
});

/** What a post's markdown becomes when it is saved. */
export interface RenderedContent {
  /** The whole text as sanitised HTML, code highlighted, without the `<!--more-->` marker. */
  readonly html: string;
  /** The text up to `<!--more-->` as sanitised HTML, or the first paragraph without a marker. */
  readonly excerpt: string;
  /** Minutes to read, at least 1. */
  readonly readingMinutes: number;
}

/** Renders markdown (which may hold HTML) to sanitised HTML. */
export function markdownToHtml(source: string): string {
  return sanitizePostHtml(marked.parse(source, { async: false })).trim();
}

/** Renders a post's markdown: HTML, excerpt and reading time, as the storage keeps them. */
export function renderContent(source: string): RenderedContent {
  const { excerpt, body } = splitExcerpt(source);
  const html = markdownToHtml(body);
  return {
    html,
    excerpt: excerpt === null ? firstParagraph(html) : markdownToHtml(excerpt),
    readingMinutes: readingMinutes(body),
  };
}
