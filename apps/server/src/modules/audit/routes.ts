import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from './service';

const eventOut = z.object({
  id: z.number(),
  at: z.date(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (keyset paging with `before`)',
        querystring: z.object({
          unitCode: z
            .string()
            .regex(/^\d{6,16}$/)
            .optional(),
          action: z.string().max(64).optional(),
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          actorName: z.string().max(64).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(eventOut), nextBefore: z.number().nullable() }) },
      },
    },
    (req) => listAudit(req.ctx, req.query),
  );
};
