import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as s from './schemas';
import * as service from './service';

const tags = ['webhooks'];

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/webhooks',
    {
      config: { access: 'webhook:write' },
      schema: { tags, summary: 'WeCom group robots in scope (URL keys masked)', querystring: s.listEndpointsQuery, response: { 200: z.array(s.endpointOut) } },
    },
    (req) => service.listEndpoints(req.ctx, req.query.unitCode),
  );
  app.post(
    '/webhooks',
    {
      config: { access: 'webhook:write' },
      schema: { tags, summary: 'Configure a robot for a village, zone or group chat', body: s.endpointBody, response: { 201: s.endpointOut } },
    },
    async (req, reply) => reply.status(201).send(await service.createEndpoint(req.ctx, req.body)),
  );
  app.patch(
    '/webhooks/:id',
    { config: { access: 'webhook:write' }, schema: { tags, params: s.idParam, body: s.endpointPatch, response: { 200: s.endpointOut } } },
    (req) => service.updateEndpoint(req.ctx, req.params.id, req.body),
  );
  app.delete('/webhooks/:id', { config: { access: 'webhook:write' }, schema: { tags, params: s.idParam, response: { 204: z.null() } } }, async (req, reply) => {
    await service.deleteEndpoint(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/outbox',
    {
      config: { access: 'outbox:read' },
      schema: {
        tags,
        summary: 'Outgoing robot messages, newest first (e.g. ?status=failed,dead)',
        querystring: s.outboxQuery,
        response: { 200: z.object({ items: z.array(s.outboxOut), nextBefore: z.number().nullable() }) },
      },
    },
    (req) => service.listOutbox(req.ctx, req.query),
  );
  app.post(
    '/outbox/:id/retry',
    { config: { access: 'outbox:read' }, schema: { tags, summary: 'Send a failed or dead message again', params: s.idParam, response: { 200: s.outboxOut } } },
    (req) => service.retryOutbox(req.ctx, req.params.id),
  );
};
