// Comment bodies as HTML: plain text only. Everything is escaped; bare links become nofollow anchors.
import { escapeHtml } from './escape.js';

// http(s) URLs up to whitespace or a character that cannot end one in prose.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

/**
 * A comment's text as HTML: escaped, paragraphs on blank lines, `<br>` on single newlines, and
 * http(s) URLs as links with `rel="nofollow ugc noopener"`. Never lets the author's HTML through.
 */
export function commentToHtml(body: string): string {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '');
  return paragraphs.map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`).join('\n');
}

/** Escapes `text` and turns its URLs into links (the URL escaped in both href and text). */
function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    out += escapeHtml(text.slice(last, match.index));
    out += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** A commenter's website as a safe href (http or https only), or null. */
export function safeAuthorUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
