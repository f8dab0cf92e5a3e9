import { CADENCE_MAX_DAYS, TIER_VALUES, VISIT_KINDS } from '@jiceng/shared';
import { z } from 'zod';

const unitCode = z
  .string()
  .regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits');
const tier = z.enum(TIER_VALUES);
const note = (zh: string) => z.string().trim().max(2000, `${zh}不能超过 2000 字 / at most 2000 characters`).nullable().optional();

export const visitBody = z.object({
  householdId: z.number().int().positive(),
  kind: z.enum(VISIT_KINDS, '走访方式须为上门、电话或微信 / kind must be home, phone or wechat'),
  visitedAt: z.iso
    .datetime({ offset: true, message: '走访时间须为带时区的 ISO 时间 / visitedAt must be an ISO date-time with offset' })
    .transform((s) => new Date(s)),
  findings: note('走访情况'),
  needs: note('群众诉求'),
  risks: note('风险隐患'),
  clientKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, '提交编号须为 8–100 位字母、数字、下划线或连字符 / clientKey: 8–100 letters, digits, _ or -'),
});

const photoOut = z.object({ id: z.number(), mimeType: z.string(), size: z.number(), url: z.string() });
export const visitOut = z.object({
  id: z.number(),
  householdId: z.number(),
  representativeUserId: z.number(),
  representativeName: z.string().nullable(),
  kind: z.enum(VISIT_KINDS),
  visitedAt: z.string(),
  findings: z.string().nullable(),
  needs: z.string().nullable(),
  risks: z.string().nullable(),
  clientKey: z.string(),
  createdAt: z.string(),
  photos: z.array(photoOut),
});
export const photoUploadOut = z.object({ created: z.boolean(), photo: photoOut });

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const photoParam = idParam.extend({ photoId: z.coerce.number().int().positive() });
export const historyQuery = z.object({
  householdId: z.coerce.number().int().positive(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const historyOut = z.object({ items: z.array(visitOut), nextBefore: z.number().nullable() });

export const mineOut = z.object({
  linked: z.number(),
  overdue: z.number(),
  items: z.array(
    z.object({
      householdId: z.number(),
      unitCode: z.string(),
      address: z.string(),
      headName: z.string(),
      tier,
      homeVisitRequired: z.boolean(),
      lastVisitAt: z.string().nullable(),
      lastVisitKind: z.enum(VISIT_KINDS).nullable(),
      lastCountedVisitAt: z.string().nullable(),
      dueAt: z.string(),
      overdue: z.boolean(),
      daysOverdue: z.number(),
    }),
  ),
});

export const unitQuery = z.object({ unitCode });
export const overdueQuery = unitQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const overdueOut = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      householdId: z.number(),
      unitCode: z.string(),
      address: z.string(),
      headName: z.string(),
      tier,
      representativeUserId: z.number().nullable(),
      representativeName: z.string().nullable(),
      lastVisitAt: z.string().nullable(),
      lastCountedVisitAt: z.string().nullable(),
      dueAt: z.string(),
      daysOverdue: z.number(),
    }),
  ),
});

const figures = z.object({ households: z.number(), linked: z.number(), visited: z.number(), overdue: z.number(), completionRate: z.number().nullable() });
export const summaryOut = z.object({
  unitCode: z.string(),
  total: figures,
  items: z.array(figures.extend({ unitCode: z.string(), name: z.string(), byTier: z.object({ red: figures, yellow: figures, blue: figures }) })),
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
