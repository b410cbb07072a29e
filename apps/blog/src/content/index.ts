// The content pipeline: pure functions from what authors and commenters write to safe HTML.
export {
  AVATAR_TONES,
  type Avatar,
  type AvatarMode,
  avatarFor,
  GRAVATAR_ORIGIN,
  initialsOf,
} from './avatar.js';
export { commentToHtml, safeAuthorUrl } from './comment-text.js';
export { escapeHtml, escapeXml, htmlToText } from './escape.js';
export { firstParagraph, MORE_MARKER, splitExcerpt } from './excerpt.js';
export { highlightCode, highlightLanguages } from './highlight.js';
export { markdownToHtml, type RenderedContent, renderContent } from './markdown.js';
export { readingMinutes } from './reading-time.js';
export { sanitizePostHtml } from './sanitize.js';
export { isValidSlug } from './slug.js';
