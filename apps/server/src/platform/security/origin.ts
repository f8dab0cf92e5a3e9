import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a browser page of ours has: the public URL's and the one the request was addressed to. */
function ownOrigins(req: FastifyRequest, config: Pick<Config, 'publicUrl'>): Set<string> {
  const own = new Set<string>();
  try {
    own.add(new URL(config.publicUrl).origin);
  } catch {
    // a malformed JICENG_PUBLIC_URL only loses this entry
  }
  const host = req.headers.host;
  if (host) for (const scheme of ['http', 'https']) own.add(`${scheme}://${host}`.toLowerCase());
  return own;
}

/**
 * Cross-site request forgery guard for the cookie-authenticated API: a state-changing request to
 * /api is refused (403) when the browser says it comes from another site, by `Origin` (sent by
 * every current browser on POST, PUT, PATCH and DELETE) or else by `Sec-Fetch-Site`. A request
 * with neither header is not from a browser page (curl, a script, the tests) and passes: forgery
 * needs a victim's browser, which always sends one. /open311 (API keys, no cookie) is not guarded.
 */
export function installOriginCheck(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !/^\/api(\/|$)/.test(req.url)) return;
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origin !== '') {
      if (!ownOrigins(req, config).has(origin.toLowerCase())) throw new AppError('CROSS_ORIGIN', { origin: origin.slice(0, 100) });
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new AppError('CROSS_ORIGIN', { origin: site });
  });
}
