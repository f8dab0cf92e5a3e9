import { SETTLED_LEVELS } from '@jiceng/shared';
import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { matters } from '../matters/tables';

const tz = () => timestamp({ withTimezone: true });

/**
 * One narrow row per matter with just what the rates need (docs/metrics.md), kept in step by
 * the matter events. Each rate aggregates over the index on its own period date.
 */
export const matterFacts = pgTable(
  'matter_facts',
  {
    matterId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => matters.id, { onDelete: 'cascade' }),
    unitCode: text().notNull(),
    state: text().notNull(),
    createdAt: tz().notNull(),
    respondBy: tz().notNull(),
    respondedAt: tz(),
    resolveBy: tz().notNull(),
    resolvedAt: tz(),
    answeredAt: tz(),
    ratedAt: tz(),
    satisfaction: text({ enum: ['satisfied', 'basic', 'unsatisfied'] }),
    closedAt: tz(),
    settledLevel: text({ enum: SETTLED_LEVELS }),
    reopenCount: integer().notNull().default(0),
    leadDepartmentId: integer(),
  },
  // Each index holds every column its rate reads (period date, unit, what the numerator tests,
  // the lead department), so a month of a district is an index-only scan, not ~30k heap visits.
  (t) => [
    index('matter_facts_respond').using('btree', t.respondBy, t.unitCode.op('text_pattern_ops'), t.respondedAt, t.leadDepartmentId),
    index('matter_facts_resolved').using('btree', t.resolvedAt, t.unitCode.op('text_pattern_ops'), t.resolveBy, t.settledLevel, t.leadDepartmentId),
    index('matter_facts_closed').using('btree', t.closedAt, t.unitCode.op('text_pattern_ops'), t.state, t.leadDepartmentId),
    index('matter_facts_rated').using('btree', t.ratedAt, t.unitCode.op('text_pattern_ops'), t.satisfaction, t.leadDepartmentId),
    index('matter_facts_answered').using('btree', t.answeredAt, t.unitCode.op('text_pattern_ops'), t.reopenCount, t.leadDepartmentId),
  ],
);
