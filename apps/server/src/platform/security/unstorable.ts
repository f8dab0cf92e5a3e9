import { unstorableText } from '@jiceng/shared';
import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors';

const REASON = {
  nul: { zh: '不能含 NUL 字符（\\u0000）', en: 'must not contain a NUL character (\\u0000)' },
  surrogate: { zh: '含无效的 Unicode 字符（不成对的代理项）', en: 'contains an invalid Unicode character (a lone surrogate)' },
} as const;

/** The path ("members.0.name") of the first string (or key) in `value` that PostgreSQL could not store. */
export function findUnstorable(value: unknown, path: string, depth = 0): { field: string; kind: 'nul' | 'surrogate' } | null {
  if (typeof value === 'string') {
    const kind = unstorableText(value);
    return kind ? { field: path, kind } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    const keyKind = unstorableText(key);
    if (keyKind) return { field: here, kind: keyKind };
    const found = findUnstorable(child, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A NUL byte or a lone surrogate anywhere in a JSON body, the query or the path parameters is a
 * 400 naming the field, before any schema or statement sees it (PostgreSQL refuses both: text
 * holds no NUL, a lone surrogate is not UTF-8, and the statement would fail as a 500).
 */
export function installUnstorableCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const found = findUnstorable(req.params, '') ?? findUnstorable(req.query, '') ?? (Buffer.isBuffer(req.body) ? null : findUnstorable(req.body, ''));
    if (found) {
      const reason = REASON[found.kind];
      throw validationError([{ field: found.field || 'body', zh: reason.zh, en: reason.en }]);
    }
  });
}
