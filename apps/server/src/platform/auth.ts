import { can, type Permission } from '@jiceng/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import { resolveSession } from '../modules/accounts/sessions';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Ctx } from './context';
import { AppError } from './errors';
import { localeFrom } from './i18n';

export const SESSION_COOKIE = 'jiceng_session';

/** Who may call a route: anyone, any logged-in user, or holders of one permission. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken: string | null;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Builds every request's context (actor from the session cookie, clock, locale) and enforces the
 * route's declared access before the body is even parsed. An /api route without a declared
 * access level fails at start-up, so no route can forget its check.
 */
export function installAuth(app: FastifyInstance, database: Database, clock: Clock, config: Config): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access level`);
    }
  });
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.ctx = { db: database.db, actor: null, clock, locale: localeFrom(req.headers['accept-language']), requestId: req.id, ip: req.ip };
    const access = req.routeOptions.config?.access;
    const token = req.cookies?.[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await resolveSession(database.db, clock, token, config.sessionHours);
      if (found && 'actor' in found) {
        req.ctx.actor = found.actor;
        req.sessionToken = token;
      } else expired = true;
    }
    if (!access || access === 'public') return;
    if (!req.ctx.actor) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (access !== 'authenticated' && !can(req.ctx.actor.role, access)) throw new AppError('FORBIDDEN', { permission: access });
  });
}
