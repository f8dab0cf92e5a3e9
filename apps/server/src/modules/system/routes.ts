import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './service';

const tags = ['system'];
const lag = z.object({ count: z.number(), p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable(), max: z.number().nullable() });

export const eventAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/events',
    {
      config: { access: 'system:events' },
      schema: {
        tags,
        summary: "Domain events: each handler's pending work, the deliveries that keep failing, and this instance's handling lag",
        response: {
          200: z.object({
            pending: z.array(z.object({ handler: z.string(), pending: z.number(), oldestEventId: z.number().nullable() })),
            failing: z.array(
              z.object({
                deliveryId: z.number(),
                handler: z.string(),
                eventId: z.number(),
                eventType: z.string(),
                at: z.date(),
                attempts: z.number(),
                nextAttemptAt: z.date(),
                lastError: z.string().nullable(),
              }),
            ),
            lagMs: lag,
          }),
        },
      },
    },
    (req) => service.eventStatus(req.ctx),
  );
  app.post(
    '/admin/events/:deliveryId/retry',
    {
      config: { access: 'system:events' },
      schema: {
        tags,
        summary: 'Retry a failing delivery now (after fixing its cause)',
        params: z.object({ deliveryId: z.coerce.number().int().positive() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    (req) => service.retryDelivery(req.ctx, req.params.deliveryId),
  );
};
