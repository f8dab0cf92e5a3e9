import { ROLES } from '@jiceng/shared';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/accounts (the web reads their types); the
// query's coercion matters to the server only.
export * from '@jiceng/shared/schemas/accounts';

export const listUsersQuery = z.object({
  unitCode: z
    .string()
    .regex(/^\d{6,16}$/)
    .optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(50).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
