import { robotUnitCode } from '@jiceng/shared/schemas/webhooks';
import { z } from 'zod';
import { OUTBOX_STATUSES } from './tables';

// Bodies and answers live in @jiceng/shared/schemas/webhooks (the web reads their types); params
// and the queries' coercion matter to the server only.
export * from '@jiceng/shared/schemas/webhooks';

export const listEndpointsQuery = z.object({ unitCode: robotUnitCode.optional() });

export const outboxQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(OUTBOX_STATUSES, '状态应为 pending、sending、sent、failed 或 dead / status is pending, sending, sent, failed or dead')).optional()),
  unitCode: z
    .string()
    .regex(/^\d{6,16}$/, '单位代码应为数字 / a unit code is digits')
    .optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const idParam = z.object({ id: z.coerce.number().int().positive() });
