import { UNIT_LEVELS, UNIT_NAME_MAX } from '@jiceng/shared';
import { z } from 'zod';
import { visibleName } from '../../platform/security/names';

export const unitCodeParam = z.object({
  code: z.string().regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits'),
});

export const unitName = z
  .string()
  .trim()
  .min(1, '名称不能为空 / the name must not be empty')
  .max(UNIT_NAME_MAX, `名称不能超过 ${UNIT_NAME_MAX} 个字 / at most ${UNIT_NAME_MAX} characters`)
  .refine(...visibleName);

export const leaderOut = z.object({ userId: z.number(), displayName: z.string(), phone: z.string().nullable() }).nullable();

export const unitSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  childCount: z.number(),
  userCount: z.number(),
  leader: leaderOut,
});

export const unitOut = unitSummary.extend({
  officialName: z.string().nullable(),
  parentCode: z.string().nullable(),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS) })),
  children: z.array(unitSummary),
});
export type UnitOut = z.infer<typeof unitOut>;

export const createUnitBody = z.object({ parentCode: unitCodeParam.shape.code, name: unitName });
export const renameUnitBody = z.object({ name: unitName });
export const moveGroupBody = z.object({ zoneCode: unitCodeParam.shape.code });
export const leaderBody = z.object({ userId: z.number().int().positive().nullable() });
export const searchQuery = z.object({
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const departmentOut = z.object({
  id: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  userCount: z.number(),
});
export const departmentBody = z.object({
  unitCode: unitCodeParam.shape.code,
  name: unitName,
  phone: z.string().trim().max(30).nullable().optional(),
});
export const departmentPatch = departmentBody.omit({ unitCode: true }).partial();
