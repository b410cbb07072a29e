// HTML escaping for everything the report page prints (route names, file paths, commands).
// Hand-written: Node has no HTML escaper, and five entities cover text and quoted attributes.

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe in HTML text and in double- or single-quoted attributes. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => entities[c]!);
}
