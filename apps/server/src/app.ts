import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './db/client';
import { MODULES, wireModules } from './modules';
import type { ModuleManifest } from './modules/manifest';
import { installAuth } from './platform/auth';
import { type Clock, systemClock } from './platform/clock';
import type { Config } from './platform/config';
import { webStaticCacheOptions } from './platform/web-cache';
import { installErrorHandler } from './platform/http-errors';
import { installSecurity, LOG_REDACT, requestIdOf, serializeError, serializeRequest, trustedHops } from './platform/security';

/** No personal data in the log (platform/security/redact.ts). */
const loggerSafety = {
  redact: LOG_REDACT,
  serializers: { err: serializeError as (err: Error) => { type: string; message: string; stack: string }, req: serializeRequest },
};

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean | object;
  /** The modules to mount (default: all of them, MODULES). */
  modules?: readonly ModuleManifest[];
}

/** Builds the app without listening: server.ts listens, tests call app.inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, ...loggerSafety, ...(typeof options.logger === 'object' ? options.logger : {}) },
    trustProxy: trustedHops(config.trustProxyHops),
    bodyLimit: 1024 * 1024,
    // The client's x-request-id only when short and plain (platform/security/request-id.ts).
    requestIdHeader: false,
    genReqId: requestIdOf,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installSecurity(app, config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCompress, { global: true, threshold: 2048 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'jiceng API', description: '基层治理平台 API / grassroots governance platform API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jiceng_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, database, clock, config);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database in use',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, db: database.kind };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const modules = options.modules ?? MODULES;
  wireModules(modules);
  const mounts = modules.flatMap((m) => m.routes?.(config) ?? []);
  for (const prefix of ['/api', '/open311/v2'] as const) {
    await app.register(
      async (scope) => {
        for (const mount of mounts) if (mount.prefix === prefix) await scope.register(mount.plugin);
      },
      { prefix },
    );
  }

  await serveWeb(app, config);
  return app;
}

/** The built web app, with index.html for any non-API path the browser router owns. */
async function serveWeb(app: FastifyInstance, config: Config): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root =
    config.webDir ?? [path.join(here, '../../web/dist'), path.join(here, '../../../apps/web/dist')].find((p) => existsSync(path.join(p, 'index.html')));
  if (!root || !existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, wildcard: false, index: false, ...webStaticCacheOptions });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/open311/')) return reply.callNotFound();
    const file = req.url.split('?')[0] as string;
    if (file.startsWith('/assets/')) return reply.callNotFound();
    // The residents' report page is its own small entry (no UI library): contact-card QR links and tracking.
    const page = /^\/(r|report)(\/|$)/.test(file) && existsSync(path.join(root, 'report.html')) ? 'report.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
