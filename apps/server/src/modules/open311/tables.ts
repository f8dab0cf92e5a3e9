import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { units } from '../org/tables';

/** Keys for other systems (the 12345 hotline, a city platform) posting through Open311. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    // SHA-256 of the key: a leaked table does not leak usable keys. The prefix identifies a key in lists.
    keyHash: text().notNull().unique(),
    keyPrefix: text().notNull(),
    // Reports through this key may only land inside this unit's subtree.
    unitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('api_keys_unit').using('btree', t.unitCode.op('text_pattern_ops'))],
);
