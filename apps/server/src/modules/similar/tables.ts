import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';
import { matters } from '../matters/tables';

/**
 * Text features of each matter for duplicate detection (docs/matters-similarity.md), kept in
 * step with the matters through their events. `keys` are the bigrams prefixed with the village
 * code, so one GIN lookup finds candidates of that village only.
 */
export const matterTextIndex = pgTable(
  'matter_text_index',
  {
    matterId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => matters.id, { onDelete: 'cascade' }),
    villageCode: text().notNull(),
    unitCode: text().notNull(),
    open: boolean().notNull(),
    bigrams: text().array().notNull(),
    words: text().array().notNull(),
    // The sum of the words' IDF: the denominator of the weighted Jaccard without a lookup per word.
    wordWeight: doublePrecision().notNull(),
    keys: text().array().notNull(),
  },
  // fastupdate off: a GIN pending list is scanned linearly by every lookup, and one row per
  // report is cheap to index at once; lookups stay fast without waiting for a vacuum.
  (t) => [index('matter_text_index_keys').using('gin', t.keys).with({ fastupdate: false }).where(sql`${t.open}`)],
);
