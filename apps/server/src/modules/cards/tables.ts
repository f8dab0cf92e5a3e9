import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { units } from '../org/tables';

/** What the contact cards print per village beyond the org tree: its hotline (便民热线). */
export const villageSettings = pgTable('village_settings', {
  unitCode: text()
    .primaryKey()
    .references(() => units.code, { onUpdate: 'cascade', onDelete: 'cascade' }),
  hotline: text(),
  updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
