import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { fileResponse } from '../../platform/openapi';
import { getHotline, printCards, setHotline } from './service';

const tags = ['cards'];
const hotlineOut = z.object({ unitCode: z.string(), hotline: z.string().nullable() });
const unitCode = z.string().regex(/^\d{12}(\d{2})?(\d{2})?$/, '应为村、片或组的代码 / a village, zone or group code');
// Printed on every card of the village: a number a resident can dial, as offices write one
// (0874-3012345, (0874)3012345, 400 123 4567, 12345 转 2), nothing else.
const hotline = z
  .string()
  .trim()
  .max(30, '热线不能超过 30 个字符 / at most 30 characters')
  .regex(/^[0-9+\-()（） 转]+$/, '热线只能含数字、空格、-、括号、+ 和“转” / digits, spaces, -, (), + and 转 only')
  .refine((v) => (v.match(/[0-9]/g) ?? []).length >= 3, '热线至少要有 3 位数字 / at least 3 digits')
  .nullable();

export function cardRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cards',
      {
        config: { access: 'household:read' },
        schema: {
          tags,
          summary: '民情联心卡: printable HTML (A4, six per page) for every household of a village, zone or group',
          querystring: z.object({ unitCode }),
          response: { 200: fileResponse('The printable page', ['text/html']) },
        },
      },
      async (req, reply) => {
        const { html } = await printCards(req.ctx, config, req.query.unitCode);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
      },
    );
    app.get(
      '/cards/hotline',
      {
        config: { access: 'unit:read' },
        schema: {
          tags,
          summary: 'The village hotline printed on its cards (null: none set)',
          querystring: z.object({ unitCode }),
          response: { 200: hotlineOut },
        },
      },
      (req) => getHotline(req.ctx, req.query.unitCode),
    );
    app.put(
      '/cards/hotline',
      {
        config: { access: 'unit:write' },
        schema: {
          tags,
          summary: 'Set the village hotline printed on its cards',
          body: z.object({ unitCode, hotline }),
          response: { 200: hotlineOut },
        },
      },
      (req) => setHotline(req.ctx, req.body),
    );
  };
}
