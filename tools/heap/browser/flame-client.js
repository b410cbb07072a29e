// @ts-check
// The flame graph's browser code (plain JS, no dependencies): canvas drawing, zoom, search, views.
// Inlined by src/flame/flame-html.ts as a module script; reads the JSON of #flame-data, draws into #flame.

/**
 * src/flame/flame-data.ts's FlameTree: node i is `names[name[i]]`, its parent `parent[i]`.
 * @typedef {{ name: number[], parent: number[], total: number[], self: number[], delta: number[] }} FlameTree
 */
/**
 * src/flame/flame-data.ts's FlameData, as the page reads it.
 * @typedef {{ unit: string, diff: boolean, names: string[], callees: FlameTree, callers: FlameTree }} FlameData
 */
/** @typedef {'callees' | 'callers'} View */

/**
 * An element the page must have, of the type the code uses.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function element(id, type) {
  const e = document.getElementById(id);
  if (!(e instanceof type)) throw new Error(`flame graph: no #${id} in the page`);
  return e;
}
/** @type {FlameData} */
const data = JSON.parse(element('flame-data', HTMLScriptElement).textContent ?? '{}');
const canvas = element('flame', HTMLCanvasElement);
const context = canvas.getContext('2d');
if (context === null) throw new Error('flame graph: no 2d canvas');
const ctx = context;
const tip = element('flame-tip', HTMLElement);
const status = element('flame-status', HTMLElement);
const search = element('flame-search', HTMLInputElement);
const ROW = 18;
/**
 * What is shown: the view, root at the bottom or the top, the zoomed node, the search, and
 * the boxes drawn (x, y, width, node), for hit tests.
 * @type {{ view: View, flip: boolean, zoom: number, match: RegExp | null, boxes: Array<[number, number, number, number]> }}
 */
const state = { view: 'callees', flip: false, zoom: 0, match: null, boxes: [] };
/**
 * A view's tree with each node's children (sorted by name) and its depth.
 * @param {View} view
 */
function treeOf(view) {
  const t = data[view];
  const kids = t.name.map(() => /** @type {number[]} */ ([]));
  for (let i = 1; i < t.name.length; i++) kids[t.parent[i] ?? 0]?.push(i);
  const label = (/** @type {number} */ i) => data.names[t.name[i] ?? 0] ?? '';
  for (const k of kids) k.sort((a, b) => (label(a) < label(b) ? -1 : 1));
  let depth = 0;
  const d = t.name.map(() => 0);
  for (let i = 1; i < t.name.length; i++) {
    const di = (d[t.parent[i] ?? 0] ?? 0) + 1;
    d[i] = di;
    if (di > depth) depth = di;
  }
  return { t, kids, depth };
}
const trees = { callees: treeOf('callees'), callers: treeOf('callers') };
/** @type {Record<string, Array<[number, string]>>} */
const units = {
  bytes: [
    [1, 'B'],
    [1024, 'kB'],
    [1048576, 'MB'],
    [1073741824, 'GB'],
    [1099511627776, 'TB'],
  ],
  nanoseconds: [
    [1, 'ns'],
    [1e3, 'us'],
    [1e6, 'ms'],
    [1e9, 's'],
  ],
};
/** A value with the largest unit it reaches, as pprof scales (2 decimals at most). */
function fmt(/** @type {number} */ v) {
  const scale = units[String(data.unit).toLowerCase()];
  const a = Math.abs(v);
  if (!scale || scale[0] === undefined) return String(v);
  let s = scale[0];
  for (const u of scale) if (a >= u[0]) s = u;
  const n = v / s[0];
  return (Number.isInteger(n) ? String(n) : n.toFixed(2)) + s[1];
}
const root = () => trees[state.view];
function name(/** @type {number} */ i) {
  const t = root().t;
  return i === 0 ? 'root' : (data.names[t.name[i] ?? 0] ?? '');
}
function pct(/** @type {number} */ v) {
  const total = root().t.total[0] ?? 0;
  return total === 0 ? '0%' : `${((100 * Math.abs(v)) / total).toFixed(2)}%`;
}
function hash(/** @type {string} */ s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}
function color(/** @type {number} */ i) {
  const t = root().t;
  if (state.match && i !== 0 && state.match.test(name(i))) return '#c77dff';
  if (data.diff) {
    const total = t.total[i] ?? 0;
    const r = total === 0 ? 0 : (t.delta[i] ?? 0) / total;
    const s = Math.round(Math.min(1, Math.abs(r)) * 130);
    return r >= 0 ? `rgb(250,${232 - s},${222 - s})` : `rgb(${222 - s},${240 - s / 3},${222 - s})`;
  }
  const h = hash(name(i));
  return `hsl(${10 + (h % 35)},${70 + (h % 20)}%,${58 + (h % 12)}%)`;
}
function ancestors(/** @type {number} */ i) {
  const t = root().t;
  const out = [];
  for (let p = t.parent[i] ?? -1; p >= 0; p = t.parent[p] ?? -1) out.unshift(p);
  return out;
}
function draw() {
  const { t, kids, depth } = root();
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.parentElement?.clientWidth ?? 0;
  const height = (depth + 1) * ROW;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.width = Math.floor(width * dpr);
  canvas.height = Math.floor(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = '12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
  ctx.textBaseline = 'middle';
  state.boxes = [];
  const y = (/** @type {number} */ d) => (state.flip ? height - (d + 1) * ROW : d * ROW);
  /** Draws node i at x, width w, depth d; greyed when it is an ancestor of the zoomed node. */
  const box = (
    /** @type {number} */ i,
    /** @type {number} */ x,
    /** @type {number} */ w,
    /** @type {number} */ d,
    /** @type {boolean} */ faded,
  ) => {
    if (w < 0.5) return;
    ctx.fillStyle = faded ? '#e8e8e8' : color(i);
    ctx.fillRect(x, y(d), Math.max(w - 1, 0.5), ROW - 1);
    state.boxes.push([x, y(d), w, i]);
    if (w > 30) {
      let label = name(i);
      const max = Math.floor((w - 6) / 7.2);
      if (label.length > max) label = `${label.slice(0, Math.max(max - 1, 1))}…`;
      ctx.fillStyle = '#222';
      ctx.fillText(label, x + 3, y(d) + ROW / 2);
    }
  };
  const path = ancestors(state.zoom);
  path.forEach((a, d) => {
    box(a, 0, width, d, true);
  });
  const base = path.length;
  const zoomed = t.total[state.zoom] ?? 0;
  const scale = zoomed === 0 ? 0 : width / zoomed;
  /** @type {(i: number, x: number, d: number) => void} */
  const walk = (i, x, d) => {
    const w = (t.total[i] ?? 0) * scale;
    box(i, x, w, d, false);
    if (w < 1) return;
    let cx = x;
    for (const k of kids[i] ?? []) {
      walk(k, cx, d + 1);
      cx += (t.total[k] ?? 0) * scale;
    }
  };
  walk(state.zoom, 0, base);
  let matched = 0;
  const match = state.match;
  if (match) {
    /** @type {(i: number) => number} */
    const sum = (i) => {
      if (i !== 0 && match.test(name(i))) return t.total[i] ?? 0;
      let s = 0;
      for (const k of kids[i] ?? []) s += sum(k);
      return s;
    };
    matched = sum(state.zoom);
  }
  status.textContent =
    (state.zoom !== 0 ? `Zoomed to ${name(state.zoom)}. ` : '') +
    (state.match ? `Matched ${fmt(matched)} (${pct(matched)}).` : '');
}
/** The node under the pointer, or -1. */
function at(/** @type {MouseEvent} */ ev) {
  const r = canvas.getBoundingClientRect();
  const x = ev.clientX - r.left;
  const y = ev.clientY - r.top;
  for (const b of state.boxes)
    if (x >= b[0] && x < b[0] + b[2] && y >= b[1] && y < b[1] + ROW) return b[3];
  return -1;
}
canvas.addEventListener('click', (ev) => {
  const i = at(ev);
  if (i >= 0) {
    state.zoom = i;
    draw();
  }
});
canvas.addEventListener('mousemove', (ev) => {
  const i = at(ev);
  if (i < 0) {
    tip.hidden = true;
    return;
  }
  const t = root().t;
  const total = t.total[i] ?? 0;
  const self = t.self[i] ?? 0;
  const delta = t.delta[i] ?? 0;
  let text = `${name(i)}\n${fmt(total)} (${pct(total)})`;
  if (self !== 0) text += `, self ${fmt(self)}`;
  if (data.diff) text += `\nchange ${delta > 0 ? '+' : ''}${fmt(delta)}`;
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = `${Math.min(ev.pageX + 12, document.body.clientWidth - 320)}px`;
  tip.style.top = `${ev.pageY + 14}px`;
});
canvas.addEventListener('mouseleave', () => {
  tip.hidden = true;
});
search.addEventListener('input', () => {
  const q = search.value;
  if (q === '') state.match = null;
  else {
    try {
      state.match = new RegExp(q);
    } catch {
      state.match = new RegExp(q.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
    }
  }
  draw();
});
const buttons = document.querySelectorAll('[data-flame]');
for (const b of buttons) {
  b.addEventListener('click', () => {
    const what = b.getAttribute('data-flame');
    if (what === 'reset') state.zoom = 0;
    else if (what === 'callers' || what === 'callees') {
      state.view = /** @type {View} */ (what);
      state.zoom = 0;
    } else if (what === 'flame') state.flip = true;
    else if (what === 'icicle') state.flip = false;
    for (const o of buttons) {
      const w = o.getAttribute('data-flame');
      o.setAttribute(
        'aria-pressed',
        String(w === state.view || w === (state.flip ? 'flame' : 'icicle')),
      );
    }
    draw();
  });
}
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    state.zoom = 0;
    draw();
  }
});
window.addEventListener('resize', draw);
draw();
