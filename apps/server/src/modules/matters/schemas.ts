import { MATTER_ACTIONS, MATTER_STATES, type MatterAction, URGENCIES } from '@jiceng/shared';
import { unitCode } from '@jiceng/shared/schemas/common';
import { actionVersion } from '@jiceng/shared/schemas/matters';
import { z } from 'zod';

// Bodies and answers live in @jiceng/shared/schemas/matters (the web reads their types); params,
// the queries' coercion and the category endpoints' schemas stay here.
export * from '@jiceng/shared/schemas/matters';

export const trackingParam = z.object({ trackingCode: z.string().trim().min(6).max(20) });
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const transferTargetsQuery = z.object({ q: z.string().trim().max(40).optional() });
export const actionParam = idParam.extend({ action: z.enum(MATTER_ACTIONS as [MatterAction, ...MatterAction[]]) });

/** The old per-action route's body before its action joins it (then `matterActionBody` parses it). */
export const actionBody = z.looseObject({ version: actionVersion });

export const queueQuery = z.object({
  unitCode: unitCode.optional(),
  state: z
    .union([z.enum(MATTER_STATES), z.array(z.enum(MATTER_STATES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const hoursOverride = z
  .number()
  .int()
  .min(1)
  .max(24 * 365)
  .nullable()
  .optional();
export const categoryBody = z.object({
  nameZh: z.string().trim().min(1).max(30),
  nameEn: z.string().trim().min(1).max(80),
  active: z.boolean().default(true),
  defaultUrgency: z.enum(URGENCIES).default('ordinary'),
  sort: z.number().int().min(0).max(100_000).default(0),
  respondHoursUrgent: hoursOverride,
  respondHoursOrdinary: hoursOverride,
  respondHoursComplex: hoursOverride,
  resolveHoursUrgent: hoursOverride,
  resolveHoursOrdinary: hoursOverride,
  resolveHoursComplex: hoursOverride,
});
export const categoryParam = z.object({ code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, '分类代码为小写字母、数字 / lower-case letters and digits') });

const urgency = z.enum(URGENCIES);
const perUrgency = z.object({ urgent: z.number(), ordinary: z.number(), complex: z.number() });
const override = z.number().nullable();

export const categoryOut = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  defaultUrgency: urgency,
  sort: z.number(),
  respondHours: perUrgency,
  resolveHours: perUrgency,
  overrides: z.object({
    respondHoursUrgent: override,
    respondHoursOrdinary: override,
    respondHoursComplex: override,
    resolveHoursUrgent: override,
    resolveHoursOrdinary: override,
    resolveHoursComplex: override,
  }),
});
