import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createKey, listKeys, revokeKey } from './keys';

const tags = ['open311'];
const keyOut = z.object({
  id: z.number(),
  name: z.string(),
  keyPrefix: z.string(),
  unitCode: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

/** Admin of Open311 API keys (permission matter:config). */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api-keys', { config: { access: 'matter:config' }, schema: { tags, summary: 'API keys in scope', response: { 200: z.array(keyOut) } } }, (req) =>
    listKeys(req.ctx),
  );
  app.post(
    '/api-keys',
    {
      config: { access: 'matter:config' },
      schema: {
        tags,
        summary: 'Create a key for another system; the key is shown only in this answer',
        body: z.object({
          name: z.string().trim().min(1, '名称不能为空 / the name must not be empty').max(50, '名称不能超过 50 个字 / at most 50 characters'),
          unitCode: z
            .string()
            .regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits'),
        }),
        response: { 201: keyOut.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createKey(req.ctx, req.body)),
  );
  app.delete(
    '/api-keys/:id',
    {
      config: { access: 'matter:config' },
      schema: { tags, summary: 'Revoke a key', params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeKey(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
