// Reading time of a post: words at 230 a minute, CJK characters at 500 a minute.

/** Minutes to read `text` (markdown or plain), at least 1. */
export function readingMinutes(text: string): number {
  const cjk = text.match(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu,
  );
  const rest = text.replace(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu,
    ' ',
  );
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu);
  const minutes = (words?.length ?? 0) / 230 + (cjk?.length ?? 0) / 500;
  return Math.max(1, Math.round(minutes));
}
