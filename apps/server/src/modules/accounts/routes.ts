import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, secureCookie, setSessionCookie } from '../../platform/auth';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';
import * as s from './schemas';
import * as service from './service';
import { lifetimeOf, login, logout } from './sessions';

const ok = z.object({ ok: z.literal(true) });

export function accountRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          // Per address and username: a village office behind one NAT is not locked out together.
          rateLimit: {
            max: 20,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string } | undefined)?.username ?? ''}`,
          },
        },
        schema: { tags, summary: 'Log in; answers with an httpOnly session cookie', body: s.loginBody, response: { 200: s.actorOut } },
      },
      async (req, reply) => {
        const result = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] }, lifetimeOf(config));
        setSessionCookie(reply, result.token, result.expiresAt, secureCookie(req, config));
        return service.me({ ...req.ctx, actor: result.actor }, config.demo);
      },
    );
    app.post('/auth/logout', { config: { access: 'public' }, schema: { tags, response: { 200: ok } } }, async (req, reply) => {
      if (req.sessionToken) await logout(req.ctx, req.sessionToken);
      clearSessionCookie(reply, secureCookie(req, config));
      return { ok: true as const };
    });
    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', beforePasswordChange: true },
        schema: { tags, summary: 'The logged-in user, their unit and permissions', response: { 200: s.actorOut } },
      },
      (req) => service.me(req.ctx, config.demo),
    );
    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', beforePasswordChange: true },
        schema: { tags, summary: "Change one's own password (other sessions end)", body: s.changePasswordBody, response: { 200: ok } },
      },
      async (req) => {
        if (!req.sessionToken) throw new AppError('UNAUTHENTICATED');
        await service.changeOwnPassword(req.ctx, req.body, req.sessionToken);
        return { ok: true as const };
      },
    );

    const utags = ['users'];
    const idParam = z.object({ id: z.coerce.number().int().positive() });
    app.get(
      '/users',
      {
        config: { access: 'user:read' },
        schema: {
          tags: utags,
          summary: 'Accounts in scope',
          querystring: s.listUsersQuery,
          response: { 200: z.object({ items: z.array(s.userOut), total: z.number() }) },
        },
      },
      (req) => service.listUsers(req.ctx, req.query),
    );
    app.get('/users/:id', { config: { access: 'user:read' }, schema: { tags: utags, params: idParam, response: { 200: s.userOut } } }, (req) =>
      service.getUser(req.ctx, req.params.id),
    );
    app.post(
      '/users',
      {
        config: { access: 'user:write' },
        schema: { tags: utags, summary: "Create an account inside one's scope, with a lower role", body: s.createUserBody, response: { 201: s.userOut } },
      },
      async (req, reply) => reply.status(201).send(await service.createUser(req.ctx, req.body)),
    );
    app.patch(
      '/users/:id',
      {
        config: { access: 'user:write' },
        schema: {
          tags: utags,
          summary: "Rename, disable, unlock or reset the password of an account (one's own password: POST /api/auth/password)",
          params: idParam,
          body: s.updateUserBody,
          response: { 200: s.userOut },
        },
      },
      (req) => service.updateUser(req.ctx, req.params.id, req.body),
    );
  };
}
