import { unitCode } from '@jiceng/shared/schemas/common';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/linkage (the web reads their types); params
// and the queries' coercion matter to the server only.
export * from '@jiceng/shared/schemas/linkage';

export const householdIdParam = z.object({ householdId: z.coerce.number().int().positive() });
export const unitQuery = z.object({ unitCode });
export const unlinkedQuery = z.object({
  unitCode,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
