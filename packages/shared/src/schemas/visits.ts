import { z } from 'zod';
import { TIER_VALUES } from '../tier';
import { VISIT_KINDS } from '../visits';
import type { Out } from './common';

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
export const historyOut = z.object({ items: z.array(visitOut), nextBefore: z.number().nullable() });

/** A household as the visit lists name it. */
const householdLine = { householdId: z.number(), unitCode: z.string(), address: z.string(), headName: z.string(), tier };

export const mineOut = z.object({
  linked: z.number(),
  overdue: z.number(),
  items: z.array(
    z.object({
      ...householdLine,
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

export const overdueOut = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      ...householdLine,
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

export type Visit = Out<typeof visitOut>;
export type VisitHistory = Out<typeof historyOut>;
export type Mine = Out<typeof mineOut>;
export type DueVisit = Mine['items'][number];
export type Overdue = Out<typeof overdueOut>;
export type VisitSummary = Out<typeof summaryOut>;
export type Figures = VisitSummary['total'];
