import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, XLSX } from '../../platform/openapi';
import { metricsWorkbook } from './export';
import { matterMetrics, RATES } from './service';

const tags = ['metrics'];
const when = (name: string) =>
  z
    .string()
    .refine((s) => !Number.isNaN(new Date(s).getTime()), `${name} 应为日期，如 2026-01-01 / ${name} must be a date, e.g. 2026-01-01`)
    .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00+08:00`) : new Date(s)))
    .optional();
const query = z.object({
  unitCode: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits')
    .optional(),
  from: when('from'),
  to: when('to'),
  groupBy: z.enum(['unit', 'month', 'department'], 'groupBy 应为 unit、month 或 department / groupBy is unit, month or department').default('unit'),
});
const fraction = z.object({ num: z.number(), den: z.number(), rate: z.number().nullable() });
const row = z.object({ key: z.string(), name: z.string(), ...Object.fromEntries(RATES.map((r) => [r, fraction])) });

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/metrics/matters',
    {
      config: { access: 'metrics:read' },
      schema: {
        tags,
        summary: 'Response, resolution, satisfaction, on-time, reopen and settled-where rates (docs/metrics.md)',
        querystring: query,
        response: {
          200: z.object({ unitCode: z.string(), unitName: z.string(), from: z.date(), to: z.date(), groupBy: z.string(), total: row, rows: z.array(row) }),
        },
      },
    },
    (req) => matterMetrics(req.ctx, req.query),
  );
  app.get(
    '/metrics/matters/export.xlsx',
    {
      config: { access: 'metrics:read' },
      schema: { tags, summary: 'The same as an Excel workbook', querystring: query, response: { 200: fileResponse('The workbook', [XLSX]) } },
    },
    async (req, reply) => {
      const result = await matterMetrics(req.ctx, req.query);
      const name = `诉求指标-${result.unitName}-${result.groupBy}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="metrics.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await metricsWorkbook(result));
    },
  );
};
