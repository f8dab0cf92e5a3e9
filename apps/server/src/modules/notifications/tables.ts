import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';

/** The in-app inbox. `dedupKey` makes repeated sweeps notify once per (user, event). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    title: text().notNull(),
    titleEn: text(),
    body: text(),
    bodyEn: text(),
    link: text(),
    entityType: text(),
    entityId: text(),
    unitCode: text(),
    params: jsonb(),
    dedupKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notifications_user').on(t.userId, t.id), uniqueIndex('notifications_dedup').on(t.userId, t.dedupKey)],
);
