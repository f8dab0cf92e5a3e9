import { z } from 'zod';
import type { Out } from './common';

const unitCode = z
  .string()
  .regex(/^\d{12}(\d{2})?(\d{2})?$/, '应为村、片或组的代码（12、14 或 16 位数字） / a village, zone or group code (12, 14 or 16 digits)');
const name = z.string().trim().min(1, '名称不能为空 / the name must not be empty').max(50, '名称不能超过 50 个字 / at most 50 characters');
const url = z.string().trim().max(500, '地址不能超过 500 个字符 / at most 500 characters');

// The outbox table's statuses (webhooks/tables.ts); the presenter's return type refuses a
// status missing here.
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;

/** A robot's unit code: a village, zone or group. */
export const robotUnitCode = unitCode;

export const endpointBody = z.object({ unitCode, name, url, enabled: z.boolean().optional() });
export const endpointPatch = z.object({ name: name.optional(), url: url.optional(), enabled: z.boolean().optional() });
export const endpointOut = z.object({
  id: z.number(),
  unitCode: z.string(),
  name: z.string(),
  url: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const outboxOut = z.object({
  id: z.number(),
  endpointId: z.number(),
  unitCode: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  payload: z.unknown(),
});

export type Endpoint = Out<typeof endpointOut>;
export type OutboxItem = Out<typeof outboxOut>;
