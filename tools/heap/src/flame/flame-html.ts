// The flame graph as HTML: one self-contained file (no network), or the view the web UI embeds.
import { browserScript } from '../browser-script.js';
import type { FlameData } from './flame-data.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * JSON safe inside a <script> element: `<`, `>`, `&` and the JavaScript line separators are
 * escaped, so a function named `</script>` cannot end the element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Styles of the flame view. */
export const flameCss = `
.flame-bar{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
.flame-bar button{font:inherit;padding:.25rem .6rem;border:1px solid #bbb;background:#fff;border-radius:4px;cursor:pointer}
.flame-bar button[aria-pressed=true]{background:#334;color:#fff;border-color:#334}
.flame-bar input{font:inherit;padding:.25rem .5rem;border:1px solid #bbb;border-radius:4px;min-width:16rem}
#flame-status{color:#555;font-size:.9em}
.flame-key{font-size:.9em;color:#555}.flame-key i{display:inline-block;width:.8em;height:.8em;margin:0 .25em 0 .5em;vertical-align:-.05em;border-radius:2px}.flame-key .grew{background:rgb(250,102,92)}.flame-key .shrank{background:rgb(92,197,92)}
.flame-wrap{position:relative;width:100%;overflow-x:hidden}
#flame{display:block;cursor:pointer}
#flame-tip{position:absolute;z-index:10;max-width:300px;white-space:pre-wrap;word-break:break-all;background:#223;color:#fff;padding:.35rem .5rem;border-radius:4px;font:12px ui-monospace,monospace;pointer-events:none}
.legend{white-space:pre-wrap;font:12px ui-monospace,monospace;color:#333;background:#f6f6f6;border:1px solid #ddd;padding:.5rem;border-radius:4px}
`;

/** The flame view's markup: toolbar, canvas, tooltip and the data; `nonce` marks the scripts for a CSP. */
export function flameBody(data: FlameData, nonce?: string): string {
  const n = nonce === undefined ? '' : ` nonce="${escapeHtml(nonce)}"`;
  const legend =
    data.labels.length > 0 ? `<pre class="legend">${escapeHtml(data.labels.join('\n'))}</pre>` : '';
  return `${legend}
<div class="flame-bar" role="toolbar">
<button type="button" data-flame="callees" aria-pressed="true" title="Callers at the root">Callees</button>
<button type="button" data-flame="callers" aria-pressed="false" title="Each function with the paths that called it">Callers (inverted)</button>
<button type="button" data-flame="icicle" aria-pressed="true" title="Root at the top">Icicle</button>
<button type="button" data-flame="flame" aria-pressed="false" title="Root at the bottom">Flame</button>
<button type="button" data-flame="reset" title="Show everything (Esc)">Reset zoom</button>
<input id="flame-search" type="search" placeholder="Search (regexp)" aria-label="Search functions">
${data.diff ? '<span class="flame-key"><i class="grew"></i>grew <i class="shrank"></i>shrank</span>' : ''}
<span id="flame-status" role="status"></span>
</div>
<div class="flame-wrap"><canvas id="flame"></canvas></div>
<div id="flame-tip" hidden></div>
<script type="application/json" id="flame-data">${scriptJson(data)}</script>
<script type="module"${n}>${browserScript('flame-client.js')}</script>`;
}

/** A standalone flame graph page: opens from disk, loads nothing from the network. */
export function flameHtml(data: FlameData): string {
  const title = `${data.title !== '' ? `${data.title} ` : ''}${data.sampleType} flame graph`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1rem;color:#222}
h1{font-size:1.2rem;margin:0 0 .5rem}
${flameCss}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${flameBody(data)}
</body>
</html>
`;
}
