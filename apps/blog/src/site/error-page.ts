// Themed error pages (404, 400, 429, 500…); if even the theme fails, a plain page.
import { STATUS_CODES } from 'node:http';
import { escapeHtml } from '../content/index.js';
import type { Site } from './site.js';

const HEADINGS: Record<number, string> = {
  400: 'Bad request',
  403: 'Not allowed',
  404: 'Page not found',
  429: 'Too many requests',
  500: 'Something went wrong',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  404: 'There is nothing at this address.',
  500: 'The page could not be shown. The error has been logged; please try again later.',
};

/** The error page for `status`; `message` is shown as text (escaped by the template). */
export async function renderError(site: Site, status: number, message?: string): Promise<string> {
  const heading = HEADINGS[status] ?? STATUS_CODES[status] ?? 'Error';
  const text = message ?? DEFAULT_MESSAGES[status] ?? DEFAULT_MESSAGES[500]!;
  try {
    const snapshot = await site.state.get();
    return site.render(
      'error',
      snapshot,
      { title: heading, noindex: true },
      { status, heading, message: text },
    );
  } catch {
    return `<!doctype html><meta charset="utf-8"><title>${status}</title><h1>${status} · ${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p>`;
  }
}
