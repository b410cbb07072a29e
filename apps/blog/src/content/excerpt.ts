// The excerpt marker: a post's text up to `<!--more-->` is its excerpt on lists and in feeds.

/** The marker, as written in markdown (spaces inside the comment are allowed). */
export const MORE_MARKER = /<!--\s*more\s*-->/i;

/** The markdown before the marker and the whole text without it; `excerpt` null without one. */
export function splitExcerpt(source: string): { excerpt: string | null; body: string } {
  const match = MORE_MARKER.exec(source);
  if (!match) return { excerpt: null, body: source };
  return {
    excerpt: source.slice(0, match.index).trimEnd(),
    body: source.slice(0, match.index) + source.slice(match.index + match[0].length),
  };
}

/** The first paragraph of rendered HTML, for posts without a marker; '' when there is none. */
export function firstParagraph(html: string): string {
  const match = /<p>[\s\S]*?<\/p>/.exec(html);
  return match ? match[0] : '';
}
