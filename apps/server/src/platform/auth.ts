import { can, PERMISSIONS, type Permission } from '@jiceng/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import { lifetimeOf, resolveSession } from '../modules/accounts/sessions';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Ctx } from './context';
import { AppError } from './errors';
import { localeFrom } from './i18n';

export const SESSION_COOKIE = 'jiceng_session';

/**
 * Who may call a route: anyone, any logged-in user, holders of one permission, or (Open311 only)
 * whoever presents an API key, which the service checks against `api_keys` (no session needed).
 */
export type Access = 'public' | 'authenticated' | 'apiKey' | Permission;

/** Routes that must declare their access: the API and Open311 (not the web app's files, not the API docs UI). */
const GUARDED = /^\/(api|open311)(\/|$)/;
const UNGUARDED = /^\/api\/docs(\/|$)/;

function accessProblem(url: string, access: unknown): string | null {
  if (!GUARDED.test(url) || UNGUARDED.test(url)) return null;
  if (access === undefined) return 'declares no access level';
  if (access === 'apiKey') return url.startsWith('/open311') ? null : "declares 'apiKey', which only Open311 routes may";
  if (access === 'public' || access === 'authenticated' || (PERMISSIONS as readonly unknown[]).includes(access)) return null;
  return `declares an unknown access level ${JSON.stringify(access)}`;
}

const declared = new WeakMap<FastifyInstance, { method: string; url: string; access: Access }[]>();

/** Every guarded route with the access it declared, as registered (for the test that lists them). */
export function declaredAccess(app: FastifyInstance): readonly { method: string; url: string; access: Access }[] {
  return declared.get(app) ?? [];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to an account that must still change its initial or reset password (see installAuth). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken: string | null;
  }
}

/** `Secure` when the request came over https, or always with JICENG_SECURE_COOKIES (TLS ended at a proxy that does not say so). */
export function secureCookie(req: FastifyRequest, config: Pick<Config, 'secureCookies'>): boolean {
  return config.secureCookies || req.protocol === 'https';
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure = false): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Builds every request's context (actor from the session cookie, clock, locale) and enforces the
 * route's declared access before the body is even parsed. An /api or /open311 route without a
 * valid access level fails at start-up, so no route can forget its check. An account that must change
 * its password may reach only routes marked `beforePasswordChange` (and public ones). When the
 * request slides the session's expiry, the cookie is re-sent with the new one.
 */
export function installAuth(app: FastifyInstance, database: Database, clock: Clock, config: Config): void {
  const routes: { method: string; url: string; access: Access }[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const problem = accessProblem(route.url, access);
    if (problem) throw new Error(`route ${route.method} ${route.url} ${problem}`);
    if (access && GUARDED.test(route.url)) for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.ctx = { db: database.db, actor: null, clock, locale: localeFrom(req.headers['accept-language']), requestId: req.id, ip: req.ip };
    const access = req.routeOptions.config?.access;
    const token = req.cookies?.[SESSION_COOKIE];
    let expired = false;
    let mustChangePassword = false;
    if (token) {
      const found = await resolveSession(database.db, clock, token, lifetimeOf(config));
      if ('actor' in found) {
        req.ctx.actor = found.actor;
        req.sessionToken = token;
        mustChangePassword = found.mustChangePassword;
        if (found.renewedUntil) setSessionCookie(reply, token, found.renewedUntil, secureCookie(req, config));
      } else expired = true;
    }
    // 'apiKey' routes take no session: their service resolves the presented key itself.
    if (!access || access === 'public' || access === 'apiKey') return;
    if (!req.ctx.actor) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (mustChangePassword && !req.routeOptions.config?.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !can(req.ctx.actor.role, access)) throw new AppError('FORBIDDEN', { permission: access });
  });
}
