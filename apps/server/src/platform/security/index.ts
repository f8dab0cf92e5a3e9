import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { installSecurityHeaders } from './headers';
import { installOriginCheck } from './origin';
import { installUnstorableCheck } from './unstorable';

export { LOG_REDACT, serializeError, serializeRequest } from './redact';
export { trustedHops } from './proxy';
export { requestIdOf } from './request-id';

/** The app-wide request guards (docs/security.md); installed by buildApp before any route. */
export function installSecurity(app: FastifyInstance, config: Config): void {
  installSecurityHeaders(app);
  installOriginCheck(app, config);
  installUnstorableCheck(app);
}
