/** Escapes LIKE's wildcards so a user's search text matches literally (a "%" or "_" finds itself). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
