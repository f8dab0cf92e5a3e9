export type Scalar = string | number | boolean | null;

const ESCAPED = /[\\"]/;
const ESCAPED_ALL = /[\\"]/g;

/**
 * A PostgreSQL array literal ({"a","b",NULL}) sent as one text parameter and cast in SQL
 * (`$1::text[]`): one parameter whatever the length, so the statement's text stays the same.
 */
export function pgArray(values: readonly Scalar[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (v === null) out[i] = 'NULL';
    else {
      const t = String(v);
      out[i] = ESCAPED.test(t) ? `"${t.replace(ESCAPED_ALL, '\\$&')}"` : `"${t}"`;
    }
  }
  return `{${out.join(',')}}`;
}
