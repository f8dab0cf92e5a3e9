import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';

/** The organisation tree. A child's code extends its parent's, so subtree = prefix. */
export const units = pgTable(
  'units',
  {
    code: text().primaryKey(),
    // ON UPDATE CASCADE lets a group move to another zone: its code changes and every
    // row that points at it follows in the same statement.
    parentCode: text().references((): AnyPgColumn => units.code, { onUpdate: 'cascade' }),
    level: text({ enum: ['district', 'township', 'village', 'zone', 'group'] }).notNull(),
    name: text().notNull(),
    officialName: text(),
    leaderUserId: integer().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // NBS names are authoritative (and not always unique); names a village gives must be.
    uniqueIndex('units_parent_name').on(t.parentCode, t.name).where(sql`${t.level} in ('zone', 'group')`),
    index('units_parent').on(t.parentCode),
    index('units_code_prefix').using('btree', t.code.op('text_pattern_ops')),
    index('units_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** Departments (housing, water, civil affairs, police station …), kept per district or township. */
export const departments = pgTable(
  'departments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    name: text().notNull(),
    phone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_unit_name').on(t.unitCode, t.name)],
);
