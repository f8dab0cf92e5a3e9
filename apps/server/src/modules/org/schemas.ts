import { unitCode } from '@jiceng/shared/schemas/common';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/org (the web reads their types); params and
// the search query matter to the server only.
export * from '@jiceng/shared/schemas/org';

export const unitCodeParam = z.object({ code: unitCode });

export const searchQuery = z.object({
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
