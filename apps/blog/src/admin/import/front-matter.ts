// Front matter as Hugo (YAML `---`, TOML `+++`, JSON `{…}`), Jekyll (YAML) and static Pugo write it.

/** A parsed value: the subset of YAML/TOML that posts use. */
export type FrontValue = string | number | boolean | string[];

/** The front matter's fields and the markdown after it; null when the file has none. */
export function parseFrontMatter(
  text: string,
): { data: Record<string, FrontValue>; body: string } | null {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const fence = src.startsWith('---\n') ? '---' : src.startsWith('+++\n') ? '+++' : null;
  if (fence) {
    const end = src.indexOf(`\n${fence}`, fence.length);
    if (end < 0) return null;
    const head = src.slice(fence.length + 1, end);
    const body = src.slice(end + fence.length + 1).replace(/^[^\n]*\n/, '');
    return { data: fence === '---' ? parseYaml(head) : parseToml(head), body };
  }
  if (src.startsWith('{')) {
    const end = src.indexOf('\n}\n');
    if (end < 0) return null;
    try {
      const data = JSON.parse(src.slice(0, end + 2)) as Record<string, unknown>;
      const out: Record<string, FrontValue> = {};
      for (const [k, v] of Object.entries(data)) {
        if (Array.isArray(v)) out[k] = v.map(String);
        else if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as FrontValue;
      }
      return { data: out, body: src.slice(end + 3) };
    } catch {
      return null;
    }
  }
  return null;
}

function parseYaml(head: string): Record<string, FrontValue> {
  const out: Record<string, FrontValue> = {};
  let listKey: string | null = null;
  for (const line of head.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = out[listKey];
      if (Array.isArray(list)) list.push(String(scalar(item[1] ?? '')));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').toLowerCase();
    const raw = (kv[2] ?? '').trim();
    listKey = null;
    if (raw === '') {
      out[key] = [];
      listKey = key;
    } else out[key] = value(raw);
  }
  return out;
}

function parseToml(head: string): Record<string, FrontValue> {
  const out: Record<string, FrontValue> = {};
  for (const line of head.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line.trim());
    if (kv) out[(kv[1] ?? '').toLowerCase()] = value((kv[2] ?? '').trim());
  }
  return out;
}

function value(raw: string): FrontValue {
  if (raw.startsWith('[') && raw.endsWith(']')) {
    return raw
      .slice(1, -1)
      .split(',')
      .map((s) => String(scalar(s.trim())))
      .filter(Boolean);
  }
  return scalar(raw);
}

function scalar(raw: string): string | number | boolean {
  const s = raw.replace(/\s+#.*$/, '');
  if (/^".*"$/.test(s)) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}
