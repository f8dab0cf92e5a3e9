import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What a module tells the others, written in the same transaction as the change it describes
 * (docs/architecture.md, "How modules react to each other"). Kept as history; the deliveries
 * below are the work still to do.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    /** When it happened, by the app's clock (what handlers read as "when"). */
    at: timestamp({ withTimezone: true }).notNull(),
    /** The writing transaction's wall-clock start (PostgreSQL now()): what the handling lag is measured from. */
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('domain_events_type').on(t.type, t.id)],
);

/** Which handler wants which event type: written from the module manifests at start-up. */
export const eventSubscriptions = pgTable(
  'event_subscriptions',
  {
    handler: text().notNull(),
    eventType: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.eventType] }), index('event_subscriptions_type').on(t.eventType)],
);

/**
 * One row per (event, subscribed handler) still to handle. A handler's work and the removal of
 * its row commit together, so an event's effect happens once however often a crash interrupts.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint({ mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    handler: text().notNull(),
    attempts: integer().notNull().default(0),
    /** By the app's clock; new rows are due at once (the epoch), failed ones after their back-off. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().default(new Date(0)),
    lastError: text(),
  },
  (t) => [index('event_deliveries_due').on(t.handler, t.nextAttemptAt, t.id)],
);
