// DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): no system Graphviz needed.
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

/**
 * Loads the WebAssembly module once, on first use: it is embedded in the package (no network) and
 * large, so text reports never pay for it.
 */
function load(): Promise<Graphviz> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return graphviz;
}

/**
 * Lays out `dot` with Graphviz's dot engine and returns the SVG document. `embed` drops the XML
 * prologue and doctype so the SVG can sit inside an HTML page, as pprof's web UI does.
 */
export async function renderSvg(dot: string, embed = false): Promise<string> {
  const gv = await load();
  // pprof's fix for Graphviz's unquoted ampersands.
  let svg = gv.dot(dot, 'svg').replaceAll('&;', '&amp;;');
  if (embed) {
    const start = svg.indexOf('<svg');
    if (start >= 0) svg = svg.slice(start);
  }
  return svg;
}
