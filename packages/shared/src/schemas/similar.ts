import { z } from 'zod';
import { MATTER_STATES } from '../matters/states';
import type { Out } from './common';

export const similarBody = z.object({
  unitCode: z.string().regex(/^\d{12}(\d{2})?(\d{2})?$/, '应为村、片或组的代码 / a village, zone or group code'),
  text: z
    .string()
    .trim()
    .min(2, '请输入问题描述（至少两个字） / describe the problem (two characters at least)')
    .max(2000, '描述不能超过 2000 字 / at most 2000 characters'),
});
export const similarOut = z.object({
  id: z.number(),
  trackingCode: z.string(),
  unitCode: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  state: z.enum(MATTER_STATES),
  description: z.string(),
  createdAt: z.date(),
  score: z.number(),
});
export const similarPublicOut = z.object({
  category: z.string(),
  description: z.string(),
  state: z.enum(MATTER_STATES),
  stateName: z.string(),
  followers: z.number(),
  /** For POST /api/public/matters/follow; not the tracking code. */
  followToken: z.string(),
  reportedAt: z.date(),
  score: z.number(),
});

export type SimilarMatter = Out<typeof similarOut>;
export type SimilarPublic = Out<typeof similarPublicOut>;
