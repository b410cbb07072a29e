// @ts-check
// The call graph page's browser code: clicking a node focuses the graph on its function (f=^name$).
// Inlined by src/web/web-views.ts as a module script under the graph's SVG (#graph).

for (const g of document.querySelectorAll('#graph g.node')) {
  const title = g.querySelector('title');
  const a = g.querySelector('a');
  // Graphviz titles nodes N1, N2…; legend and nodelets are not functions.
  if (!title || !a || !/^N\d+$/.test(title.textContent ?? '')) continue;
  const tip = a.getAttribute('xlink:title') || a.getAttribute('title') || '';
  // pprof titles a node "name (cum)": the function is what precedes that last parenthesis.
  const name = tip.replace(/ \([^()]*\)$/, '');
  g.addEventListener('click', (ev) => {
    ev.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('f', `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    location.assign(url.toString());
  });
}
