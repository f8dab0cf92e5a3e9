import { TIER_VALUES } from '@jiceng/shared';
import { unitCode } from '@jiceng/shared/schemas/common';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/households (the web reads their types);
// params and the queries' coercion matter to the server only.
export * from '@jiceng/shared/schemas/households';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const residentParam = idParam.extend({ residentId: z.coerce.number().int().positive() });

export const listQuery = z.object({
  unitCode: unitCode.optional(),
  tier: z.enum(TIER_VALUES).optional(),
  tags: z.string().max(200).optional(),
  q: z.string().trim().max(50).optional(),
  linkage: z.string().max(30).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const countsQuery = z.object({ unitCode });

export const importQuery = z.object({
  unitCode,
  dryRun: z.enum(['true', 'false']).default('true'),
  update: z
    .enum(['true', 'false'])
    .default('false')
    .describe("true: a household whose head's ID number is already its head in the target is updated (blank cells keep the old value)"),
});
export const exportQuery = z.object({ unitCode, reveal: z.enum(['true', 'false']).default('false') });
