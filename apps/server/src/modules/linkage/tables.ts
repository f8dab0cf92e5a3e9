import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { households } from '../households/tables';

/** 联户: each household's one representative. The row goes with its household. */
export const linkages = pgTable(
  'linkages',
  {
    householdId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => households.id, { onDelete: 'cascade' }),
    representativeUserId: integer()
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp({ withTimezone: true }).notNull(),
    linkedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('linkages_rep').on(t.representativeUserId)],
);

/** Every change of a household's representative (who had it, who has it now, why). */
export const linkageHistory = pgTable(
  'linkage_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    fromUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    toUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    reason: text({ enum: ['apply', 'manual', 'handover'] }).notNull(),
    changedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('linkage_history_household').on(t.householdId, t.changedAt)],
);
