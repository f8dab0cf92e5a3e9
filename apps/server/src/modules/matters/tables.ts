import { MATTER_STATES, REPORTER_KINDS, SETTLED_LEVELS, URGENCIES } from '@jiceng/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { households } from '../households/tables';
import { departments, units } from '../org/tables';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tz = () => timestamp({ withTimezone: true });

/** The category catalogue (诉求分类). Null hour columns fall back to the urgency defaults (deadlines.ts). */
export const matterCategories = pgTable('matter_categories', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  active: boolean().notNull().default(true),
  defaultUrgency: text({ enum: URGENCIES }).notNull().default('ordinary'),
  respondHoursUrgent: integer(),
  respondHoursOrdinary: integer(),
  respondHoursComplex: integer(),
  resolveHoursUrgent: integer(),
  resolveHoursOrdinary: integer(),
  resolveHoursComplex: integer(),
  sort: integer().notNull().default(0),
  updatedAt: tz().notNull().defaultNow(),
});

/** 诉求/事项: one resident's problem, from the whistle to the rating. */
export const matters = pgTable(
  'matters',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // What the resident keeps: short, human-friendly, unguessable (10 chars of Crockford base32).
    trackingCode: text().notNull().unique(),
    unitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    householdId: bigint({ mode: 'number' }).references(() => households.id, { onDelete: 'set null' }),
    categoryCode: text()
      .notNull()
      .references(() => matterCategories.code, { onUpdate: 'cascade' }),
    urgency: text({ enum: URGENCIES }).notNull(),
    state: text({ enum: MATTER_STATES }).notNull(),
    description: text().notNull(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    reporterKind: text({ enum: REPORTER_KINDS }).notNull(),
    reporterName: text(),
    reporterPhone: text(),
    reporterUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    hideReporter: boolean().notNull().default(false),
    // 首接负责制: who must act now. Stays the first receiver during a transfer until the target accepts.
    responsibleUnitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    firstUnitCode: text()
      .notNull()
      .references(() => units.code, { onUpdate: 'cascade' }),
    transferToUnitCode: text().references(() => units.code, { onUpdate: 'cascade' }),
    acceptedLevel: text({ enum: SETTLED_LEVELS }),
    respondBy: tz().notNull(),
    resolveBy: tz().notNull(),
    stageDeadline: tz().notNull(),
    respondedAt: tz(),
    pausedAt: tz(),
    pausedReason: text(),
    mergedIntoId: bigint({ mode: 'number' }).references((): AnyPgColumn => matters.id),
    resolution: text(),
    resolvedAt: tz(),
    feedbackMessage: text(),
    answeredAt: tz(),
    ratingSatisfaction: text({ enum: ['satisfied', 'basic', 'unsatisfied'] }),
    ratingFixed: text({ enum: ['fixed', 'partly', 'not_fixed'] }),
    ratingComment: text(),
    ratedAt: tz(),
    closeReason: text(),
    reopenCount: integer().notNull().default(0),
    escalationCount: integer().notNull().default(0),
    settledLevel: text({ enum: SETTLED_LEVELS }),
    version: integer().notNull().default(1),
    createdAt: tz().notNull(),
    updatedAt: tz().notNull(),
    closedAt: tz(),
    /** The reporting page's key for one draft: a retried report returns the first one instead of filing twice. */
    clientKey: text(),
  },
  (t) => [
    // The queues read open matters only (a tenth of the table after a few years). A village's or a
    // township's queue is an equality on the code's prefix, so its page is an ordered index walk that
    // stops after `limit` entries (measured: a LIKE range + sort visits every open matter in scope).
    index('matters_queue_village').on(sql`left(${t.responsibleUnitCode}, 12)`, t.stageDeadline, t.id).where(sql`${t.closedAt} is null`),
    index('matters_queue_township').on(sql`left(${t.responsibleUnitCode}, 9)`, t.stageDeadline, t.id).where(sql`${t.closedAt} is null`),
    // Zones, groups and state filters: prefix range.
    index('matters_queue').using('btree', t.responsibleUnitCode.op('text_pattern_ops'), t.state, t.stageDeadline).where(sql`${t.closedAt} is null`),
    // The district's queue and the escalation sweep walk open matters in deadline order.
    index('matters_open_deadline').on(t.stageDeadline, t.id).where(sql`${t.closedAt} is null`),
    index('matters_transfer_to').using('btree', t.transferToUnitCode.op('text_pattern_ops')).where(sql`${t.transferToUnitCode} is not null`),
    index('matters_unit_created').using('btree', t.unitCode.op('text_pattern_ops'), t.createdAt),
    index('matters_created').on(t.createdAt),
    index('matters_household').on(t.householdId),
    index('matters_merged_into').on(t.mergedIntoId),
    uniqueIndex('matters_client_key').on(t.clientKey).where(sql`${t.clientKey} is not null`),
  ],
);

/** Every transition, in order. `publicNote` is what the resident may read; `note` stays internal. */
export const matterEvents = pgTable(
  'matter_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    matterId: bigint({ mode: 'number' })
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    fromState: text({ enum: MATTER_STATES }),
    toState: text({ enum: MATTER_STATES }).notNull(),
    action: text().notNull(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    actorUnitCode: text(),
    actorKind: text({ enum: ['user', 'resident', 'system', 'api'] }).notNull(),
    note: text(),
    publicNote: text(),
    at: tz().notNull(),
    data: jsonb(),
  },
  (t) => [index('matter_events_matter').on(t.matterId, t.id), index('matter_events_at').on(t.at)],
);

/** 部门联动: a department asked to act on a matter (one lead, any number co-operating). */
export const matterDispatches = pgTable(
  'matter_dispatches',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    matterId: bigint({ mode: 'number' })
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    role: text({ enum: ['lead', 'cooperate'] }).notNull(),
    // False once the matter is reopened or re-dispatched: history stays, the queue forgets it.
    active: boolean().notNull().default(true),
    dispatchedAt: tz().notNull(),
    dispatchedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    checkInBy: tz().notNull(),
    checkedInAt: tz(),
    checkedInByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    replyBy: tz().notNull(),
    repliedAt: tz(),
    repliedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    reply: text(),
  },
  (t) => [
    index('matter_dispatches_matter').on(t.matterId),
    index('matter_dispatches_department').on(t.departmentId, t.active, t.matterId),
    uniqueIndex('matter_dispatches_active').on(t.matterId, t.departmentId).where(sql`${t.active}`),
  ],
);

/** Who hears about a matter's progress: its reporter, residents who followed instead of re-filing, merged duplicates' reporters. */
export const matterFollowers = pgTable(
  'matter_followers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    matterId: bigint({ mode: 'number' })
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['reporter', 'follower', 'merged'] }).notNull(),
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    name: text(),
    phone: text(),
    // The duplicate's tracking code, so its reporter can still follow with the code they hold.
    viaTrackingCode: text(),
    createdAt: tz().notNull(),
  },
  (t) => [
    index('matter_followers_matter').on(t.matterId),
    uniqueIndex('matter_followers_user').on(t.matterId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('matter_followers_phone').on(t.matterId, t.phone).where(sql`${t.phone} is not null`),
  ],
);

/** Photos sent with a report (jpeg/png/webp, checked by magic bytes, ≤ 5 MB). */
export const matterPhotos = pgTable(
  'matter_photos',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    matterId: bigint({ mode: 'number' })
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    mime: text({ enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    size: integer().notNull(),
    data: bytea().notNull(),
    createdAt: tz().notNull(),
  },
  (t) => [index('matter_photos_matter').on(t.matterId)],
);
