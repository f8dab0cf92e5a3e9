import { OUTBOX_STATUSES } from '@jiceng/shared/schemas/webhooks';
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { units } from '../org/tables';

/**
 * pending: not tried yet (or retried by hand); sending: claimed by a delivery run; sent; failed:
 * the last attempt failed and another is scheduled; dead: gave up after MAX_ATTEMPTS.
 */
export { OUTBOX_STATUSES }; // one list for the table and the API's schema
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A WeCom group robot (企业微信群机器人) of a village, zone or group chat. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade', onDelete: 'cascade' }),
    name: text().notNull(),
    // The robot URL carries its key: whoever holds it can post into the chat, so it is masked on output.
    url: text().notNull(),
    kind: text({ enum: ['wecom'] })
      .notNull()
      .default('wecom'),
    enabled: boolean().notNull().default(true),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('webhook_endpoints_unit').using('btree', t.unitCode.op('text_pattern_ops'))],
);

/**
 * The transactional outbox: a message is written in the same transaction as the change that
 * causes it, and a job delivers it later. `dedupKey` makes a repeated cause enqueue once.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    // Copied from the endpoint so failures can be listed per subtree without a join.
    unitCode: text().notNull(),
    payload: jsonb().notNull(),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    dedupKey: text().notNull().unique(),
  },
  (t) => [
    // The delivery job walks only undelivered rows, oldest due first.
    index('outbox_due').on(t.nextAttemptAt, t.id).where(sql`${t.status} in ('pending', 'failed', 'sending')`),
    index('outbox_status_unit').using('btree', t.status, t.unitCode.op('text_pattern_ops'), t.id),
  ],
);
