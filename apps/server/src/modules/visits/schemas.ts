import { CADENCE_MAX_DAYS } from '@jiceng/shared';
import { unitCode } from '@jiceng/shared/schemas/common';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/visits (the web reads their types); params,
// the queries' coercion and the cadence endpoints' schemas stay here.
export * from '@jiceng/shared/schemas/visits';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const photoParam = idParam.extend({ photoId: z.coerce.number().int().positive() });
export const historyQuery = z.object({
  householdId: z.coerce.number().int().positive(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const unitQuery = z.object({ unitCode });
export const overdueQuery = unitQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const days = (zh: string) =>
  z.number().int().min(1, `${zh}至少 1 天 / at least 1 day`).max(CADENCE_MAX_DAYS, `${zh}最多 ${CADENCE_MAX_DAYS} 天 / at most ${CADENCE_MAX_DAYS} days`);
export const cadence = z.object({
  redDays: days('红户走访周期'),
  yellowDays: days('黄户走访周期'),
  blueDays: days('蓝户走访周期'),
  redHomeOnly: z.boolean(),
  escalateDays: z.number().int().min(0, '升级天数不能为负 / escalateDays cannot be negative').max(90, '升级天数最多 90 天 / at most 90 days'),
});
export const cadenceParam = z.object({ unitCode });
export const cadenceOut = z.object({
  unitCode: z.string(),
  own: cadence.nullable(),
  effective: cadence,
  source: z.enum(['village', 'township', 'default']),
});
