// Test helper: a strict XML well-formedness check (balanced tags, quoted attributes, known entities).

/** Returns undefined when `xml` is well-formed, else what is wrong and where. */
export function xmlProblem(xml: string): string | undefined {
  const stack: string[] = [];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const t = m[0];
    if (t === '<') return `stray < at ${m.index}`;
    if (t.startsWith('&')) return `bad entity at ${m.index}: ${xml.slice(m.index, m.index + 12)}`;
    const name = m[1];
    if (name === undefined) continue;
    for (const a of (m[2] ?? '').matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)) {
      return `bad entity in an attribute of <${name}> at ${m.index + (a.index ?? 0)}`;
    }
    if (t.startsWith('</')) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${m.index}`;
    } else if (m[3] !== '/') {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) return `unclosed <${stack.join('> <')}>`;
  if (roots !== 1) return `expected one root element, found ${roots}`;
  return undefined;
}
