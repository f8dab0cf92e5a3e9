/**
 * What the log must not carry (docs/security.md, "Logs"): request bodies, cookies, and the
 * personal data that error objects drag along. A failed statement's DrizzleQueryError has the
 * statement's parameters in `params` and in its message ("params: …"); PostgreSQL's `detail`
 * quotes the offending values ("Key (id_number)=(…) already exists"). Paths for pino's `redact`,
 * plus a scrub of messages and stacks for what hides in text.
 */
export const LOG_REDACT = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-api-key"]',
    'req.body',
    'body',
    'err.params',
    'err.detail',
    'err.where',
    'err.parameters',
    'err.cause.params',
    'err.cause.detail',
    'err.cause.where',
    'err.cause.parameters',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.idNumber',
    '*.phone',
    '*.contactPhone',
  ],
  censor: '[redacted]',
};

/** Long digit runs (phones, ID numbers) and a DrizzleQueryError's "params: …" line, out of a text. */
export function scrubText(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]').replace(/\d{6,}[\dXx]?/g, (m) => `${m.slice(0, 2)}…[${m.length} digits]`);
}

// The statement text is in the message already ("Failed query: …"); its parameters are not kept.
const DROPPED = new Set(['params', 'parameters', 'detail', 'where', 'query']);

/**
 * The log's `err` serializer: type, message, stack, code and the error's other own fields, with
 * statement parameters, PostgreSQL's detail and the statement text dropped, and message and
 * stack scrubbed (scrubText); the cause likewise.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const out: Record<string, unknown> = { type: err.constructor?.name ?? 'Error', message: scrubText(err.message) };
  if (err.stack) out.stack = scrubText(err.stack);
  for (const [key, value] of Object.entries(err)) {
    if (DROPPED.has(key) || key === 'cause' || typeof value === 'function') continue;
    out[key] = typeof value === 'string' ? scrubText(value) : value;
  }
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/** The log's `req` serializer: no query string (searches carry names, phones, ID numbers). */
export function serializeRequest(req: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }): Record<string, unknown> {
  return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
}
