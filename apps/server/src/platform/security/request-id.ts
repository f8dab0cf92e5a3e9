import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A client's x-request-id is kept only if short and plain: it goes into every log line and error answer. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request id: the client's x-request-id when acceptable, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
