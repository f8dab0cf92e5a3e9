import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '@jiceng/shared';
import { departments, units } from '../org/tables';

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    // Null only for admins of the whole system.
    unitCode: text().references(() => units.code, { onUpdate: 'cascade' }),
    departmentId: integer().references(() => departments.id),
    phone: text(),
    status: text({ enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    mustChangePassword: boolean().notNull().default(false),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_unit').using('btree', t.unitCode.op('text_pattern_ops')), index('users_department').on(t.departmentId)],
);

/** Sessions live in the database so that several app instances share them. */
export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie's token: a leaked table does not leak live sessions.
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);
