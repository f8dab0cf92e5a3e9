import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only (a trigger forbids UPDATE and DELETE): who did what, before and after, from where. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorUserId: integer(),
    actorName: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    unitCode: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    requestId: text(),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_unit').using('btree', t.unitCode.op('text_pattern_ops'), t.at),
    index('audit_events_entity').on(t.entityType, t.entityId),
  ],
);
