/** Open311 GeoReport v2 answers in JSON or XML (http://wiki.open311.org/GeoReport_v2/). */
export type Format = 'json' | 'xml';

export class Open311Error extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

function esc(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function node(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `<${name}/>`;
    // Lists inside an element (keywords, attribute values) are one child per item.
    const child = name.endsWith('s') ? name.slice(0, -1) : 'item';
    return `<${name}>${value.map((v) => node(child, v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => node(k, v))
      .join('')}</${name}>`;
  return `<${name}>${esc(String(value))}</${name}>`;
}

/** `<root><item>…</item>…</root>` for a list; one element for a single object. */
export function toXml(root: string, item: string, data: unknown): string {
  const body = Array.isArray(data) ? `<${root}>${data.map((d) => node(item, d)).join('')}</${root}>` : node(root, data);
  return `<?xml version="1.0" encoding="utf-8"?>${body}`;
}

export function errorBody(format: Format, errors: { code: number; description: string }[]): string {
  if (format === 'xml') return toXml('errors', 'error', errors);
  return JSON.stringify(errors);
}

export function contentType(format: Format): string {
  return format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
}

/** The format from the path's extension; anything else is the spec's 400 (in JSON, the default). */
export function formatOf(raw: string | undefined): Format {
  if (raw === 'json' || raw === 'xml') return raw;
  throw new Open311Error(400, `format must be json or xml, got "${raw ?? ''}"`);
}
