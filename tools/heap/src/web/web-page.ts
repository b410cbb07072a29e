// The web UI's page frame: header, view tabs, the refine form (pprof's query names) and styles.

import { escapeHtml, flameCss } from '../flame/flame-html.js';
import type { Config } from '../settings/config.js';
import { refinementQuery } from './web-query.js';

/** The views, at pprof's paths. */
export const views = [
  { path: '/', title: 'Graph' },
  { path: '/top', title: 'Top' },
  { path: '/flamegraph', title: 'Flame graph' },
  { path: '/peek', title: 'Peek' },
  { path: '/source', title: 'Source' },
] as const;

/** What a page shows around its view. */
export interface PageParts {
  path: string;
  title: string;
  /** Beside the brand in the header: the binary and the sample type. */
  heading: string;
  query: URLSearchParams;
  config: Config;
  sampleTypes: readonly string[];
  /** The sample type shown. */
  sampleType: string;
  /** The view's HTML (already escaped). */
  body: string;
  nonce: string;
  /** A problem to show above the view (already a plain message). */
  error?: string;
}

const css = `
*{box-sizing:border-box}
body{font:14px system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1f24;background:#fafafa}
header{display:flex;align-items:center;gap:1.5rem;padding:.6rem 1rem;background:#20232a;color:#fff}
header .brand{font-weight:600;letter-spacing:.02em}
header .brand small{font-weight:400;color:#b8bcc6;margin-left:.5rem}
nav{display:flex;gap:.25rem}
nav a{color:#d6d9e0;text-decoration:none;padding:.3rem .7rem;border-radius:4px}
nav a:hover{background:#353a45;color:#fff}
nav a[aria-current=page]{background:#4a6cf7;color:#fff}
nav a.download{margin-left:.75rem;border:1px solid #555b68}
form.refine{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;padding:.6rem 1rem;background:#fff;border-bottom:1px solid #e3e5ea}
form.refine label{display:flex;flex-direction:column;font-size:.75rem;color:#555;gap:.15rem}
form.refine input,form.refine select{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;padding:.3rem .45rem;border:1px solid #c4c8d0;border-radius:4px;min-width:11rem}
form.refine button{font:inherit;padding:.35rem .9rem;border:0;border-radius:4px;background:#4a6cf7;color:#fff;cursor:pointer}
form.refine a{color:#4a6cf7;align-self:center}
main{padding:1rem}
.error{background:#fdecea;color:#8a1c12;border:1px solid #f3b8b0;padding:.6rem .8rem;border-radius:4px;margin-bottom:1rem}
.graph{overflow:auto;background:#fff;border:1px solid #e3e5ea;border-radius:4px;padding:.5rem}
.graph svg{display:block}
.graph g.node{cursor:pointer}
table.top{border-collapse:collapse;background:#fff;font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
table.top th,table.top td{padding:.25rem .6rem;border-bottom:1px solid #eceef2;text-align:right;white-space:nowrap}
table.top th{background:#f0f2f5;position:sticky;top:0}
table.top td.name,table.top th.name{text-align:left;white-space:normal}
table.top tr:hover td{background:#f5f7ff}
table.top a{color:#2946c7;text-decoration:none}
pre.text{background:#fff;border:1px solid #e3e5ea;border-radius:4px;padding:.75rem;overflow:auto;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace}
.hint{color:#666}
${flameCss}`;

function field(label: string, name: string, value: string | undefined, hint: string): string {
  return `<label>${escapeHtml(label)}<input name="${name}" value="${escapeHtml(value ?? '')}" placeholder="${escapeHtml(hint)}" spellcheck="false"></label>`;
}

/** The whole HTML page. */
export function renderPage(p: PageParts): string {
  const keep = refinementQuery(p.query);
  const tabs = views
    .map((v) => {
      const current = v.path === p.path ? ' aria-current="page"' : '';
      return `<a href="${escapeHtml(v.path + keep)}"${current}>${v.title}</a>`;
    })
    .join('');
  const si = p.sampleType;
  const options = p.sampleTypes
    .map((t) => `<option${t === si ? ' selected' : ''}>${escapeHtml(t)}</option>`)
    .join('');
  const error =
    p.error !== undefined ? `<div class="error" role="alert">${escapeHtml(p.error)}</div>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(p.title)} · pugo-heap</title>
<style nonce="${p.nonce}">${css}</style>
</head>
<body>
<header><span class="brand">pugo-heap<small>${escapeHtml(p.heading)}</small></span>
<nav>${tabs}<a class="download" href="/download">Download</a></nav></header>
<form class="refine" method="get" action="${escapeHtml(p.path)}">
<label>Sample<select name="si">${options}</select></label>
${field('Focus (f)', 'f', p.query.get('f') ?? p.config.focus, 'regexp')}
${field('Ignore (i)', 'i', p.query.get('i') ?? p.config.ignore, 'regexp')}
${field('Hide (h)', 'h', p.query.get('h') ?? p.config.hide, 'regexp')}
${field('Show (s)', 's', p.query.get('s') ?? p.config.show, 'regexp')}
<button type="submit">Refine</button><a href="${escapeHtml(p.path)}">Reset</a>
</form>
<main>${error}${p.body}</main>
</body>
</html>
`;
}

/** The Content-Security-Policy of every page: only this page's nonce'd script and style run. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
