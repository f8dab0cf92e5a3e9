import { z } from 'zod';
import { UNIT_LEVELS, UNIT_NAME_MAX } from '../units';
import { type Out, unitCode, visibleName } from './common';

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

export const createUnitBody = z.object({ parentCode: unitCode, name: unitName });
export const renameUnitBody = z.object({ name: unitName });
export const moveGroupBody = z.object({ zoneCode: unitCode });
export const leaderBody = z.object({ userId: z.number().int().positive().nullable() });

export const departmentOut = z.object({
  id: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  userCount: z.number(),
});
export const departmentBody = z.object({
  unitCode,
  name: unitName,
  phone: z.string().trim().max(30).nullable().optional(),
});
export const departmentPatch = departmentBody.omit({ unitCode: true }).partial();

export type Leader = NonNullable<Out<typeof leaderOut>>;
export type UnitSummary = Out<typeof unitSummary>;
export type Unit = Out<typeof unitOut>;
export type Department = Out<typeof departmentOut>;
