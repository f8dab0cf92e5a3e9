import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInbox, markRead, unreadCount } from './service';

const tags = ['notifications'];
const notificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  body: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  unitCode: z.string().nullable(),
  params: z.unknown(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My inbox, newest first',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: { 200: z.object({ items: z.array(notificationOut), nextBefore: z.number().nullable() }) },
      },
    },
    (req) => listInbox(req.ctx, { unreadOnly: req.query.unread === 'true', before: req.query.before, limit: req.query.limit }),
  );
  app.get(
    '/notifications/unread-count',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: z.object({ count: z.number() }) } } },
    async (req) => ({
      count: await unreadCount(req.ctx),
    }),
  );
  app.post(
    '/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark some (ids) or all of my notifications read',
        body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional(), all: z.boolean().optional() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await markRead(req.ctx, req.body);
      return { ok: true as const };
    },
  );
};
