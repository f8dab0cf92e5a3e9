import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { units } from '../org/tables';

export const TIERS = ['red', 'yellow', 'blue'] as const;

/** 户: one household of the register (民情台账), placed in a group (or a village not yet divided). */
export const households = pgTable(
  'households',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    // 户编号 as the village's own books number it (kept from import, shown in exports).
    householdNo: text(),
    address: text().notNull(),
    headName: text().notNull(),
    phone: text(),
    tier: text({ enum: TIERS }).notNull().default('blue'),
    // The finer category within a tier, e.g. 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户 for red.
    tierCategory: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('households_unit').using('btree', t.unitCode.op('text_pattern_ops')),
    index('households_unit_tier').using('btree', t.unitCode.op('text_pattern_ops'), t.tier),
    index('households_tags').using('gin', t.tags),
    // Substring search (q) on head name and address: trigram indexes serve LIKE '%…%'.
    index('households_head_name_trgm').using('gin', t.headName.op('gin_trgm_ops')),
    index('households_address_trgm').using('gin', t.address.op('gin_trgm_ops')),
    index('households_phone_trgm').using('gin', t.phone.op('gin_trgm_ops')),
  ],
);

/** 居民: a member of a household. ID numbers are unique across the register. */
export const residents = pgTable(
  'residents',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    gender: text({ enum: ['male', 'female'] }),
    birthDate: date({ mode: 'string' }),
    ethnicity: text(),
    relation: text().notNull(),
    idNumber: text(),
    phone: text(),
    partyMember: boolean().notNull().default(false),
    // 政治面貌 as written (中共党员, 群众 …); partyMember is derived from it.
    politicalStatus: text(),
    occupation: text(),
    livingStatus: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('residents_household').on(t.householdId),
    uniqueIndex('residents_id_number').on(t.idNumber).where(sql`${t.idNumber} is not null`),
    // The register search (q) over members: names, trailing digits of ID numbers, phone digits.
    index('residents_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('residents_id_number_trgm').using('gin', t.idNumber.op('gin_trgm_ops')),
    index('residents_phone_trgm').using('gin', t.phone.op('gin_trgm_ops')),
  ],
);

/** The history of every tier change, with its reason. */
export const tierChanges = pgTable(
  'tier_changes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    fromTier: text({ enum: TIERS }),
    toTier: text({ enum: TIERS }).notNull(),
    category: text(),
    reason: text().notNull(),
    changedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('tier_changes_household').on(t.householdId, t.changedAt)],
);
