import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pgArray } from '../../db/arrays';
import { buildStatement, runBuiltStatement } from '../../db/prebuilt';
import { escapeLike } from '../../db/like';
import type { featuresOf } from './features';
import { combinedScore } from './score';
import { matterTextIndex } from './tables';

type Features = ReturnType<typeof featuresOf>;

// Every report writes one; a dispatcher pass writes its batch's in one statement, the batch as one
// JSON parameter (so the statement's text, built once, never changes: db/prebuilt.ts).
const UPSERT_MANY = buildStatement<{ rows: string }>(
  (_db) => sql`
    insert into ${matterTextIndex} (matter_id, village_code, unit_code, open, bigrams, words, word_weight, keys)
    select r.matter_id, r.village_code, r.unit_code, r.open, r.bigrams, r.words, r.word_weight, r.keys
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as r(
      matter_id integer, village_code text, unit_code text, open boolean, bigrams text[], words text[], word_weight double precision, keys text[])
    on conflict (matter_id) do update set village_code = excluded.village_code, unit_code = excluded.unit_code, open = excluded.open,
      bigrams = excluded.bigrams, words = excluded.words, word_weight = excluded.word_weight, keys = excluded.keys`,
);

export type IndexRow = { matterId: number; villageCode: string; unitCode: string; open: boolean } & Features;

/** Writes (or rewrites) the index rows of several matters at once. */
export async function upsertIndex(target: { db: Executor }, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    matter_id: r.matterId,
    village_code: r.villageCode,
    unit_code: r.unitCode,
    open: r.open,
    bigrams: r.bigrams,
    words: r.words,
    word_weight: r.wordWeight,
    keys: r.keys,
  }));
  await runBuiltStatement(target, { sql: UPSERT_MANY.sql, params: UPSERT_MANY.params({ rows: JSON.stringify(json) }) });
}

export async function setOpen(db: Executor, matterId: number, open: boolean, unitCode: string): Promise<number> {
  const rows = await db
    .update(matterTextIndex)
    .set({ open, unitCode })
    .where(eq(matterTextIndex.matterId, matterId))
    .returning({ id: matterTextIndex.matterId });
  return rows.length;
}

/** The candidate's matter id in `findSimilar`'s query, for the read-policy condition put on it. */
export const candidateMatterId = (): SQL => sql`i.matter_id`;

export interface SimilarHit {
  matterId: number;
  score: number;
}

/**
 * Open matters of one village sharing a key with the query (a content bigram or a thesaurus thing;
 * the partial GIN index on the village-prefixed keys), pre-scored in SQL by the mean of bigram Dice
 * and IDF-weighted word Jaccard, the best CANDIDATES of them re-ranked by `combinedScore`.
 */
export type SimilarQuery = Features & {
  villageCode: string;
  scope: string;
  minScore: number;
  limit: number;
  /** The actor's read policy on `i.matter_id` (matters/policy.ts `readableMatterId`), when the scope does not imply it. */
  readable?: SQL | null;
};

export async function findSimilar(db: Executor, q: SimilarQuery): Promise<SimilarHit[]> {
  if (q.keys.length === 0) return [];
  const res = await db.execute(similarSql(q));
  const rows = (res as unknown as { rows: { matter_id: string | number; bigrams: string[]; words: string[] }[] }).rows;
  // The SQL's cheap score picks the candidates; the thesaurus score (score.ts) ranks them.
  return rows
    .map((r) => ({ matterId: Number(r.matter_id), score: combinedScore(q, { bigrams: r.bigrams, words: r.words }) }))
    .filter((h) => h.score >= q.minScore)
    .sort((a, b) => b.score - a.score || b.matterId - a.matterId)
    .slice(0, q.limit);
}

/** How many candidates the SQL hands to the re-ranking: far more than the five answers, few enough to move cheaply. */
export const CANDIDATES = 40;

/** The lookup's SQL on its own, so the bench can EXPLAIN exactly what the service runs. */
export function similarSql(q: SimilarQuery) {
  return sql`
    select matter_id, bigrams, words from (
      select i.matter_id, i.bigrams, i.words,
        (2.0 * (select count(*) from unnest(i.bigrams) b where b = any(${pgArray(q.bigrams)}::text[])) / (cardinality(i.bigrams) + ${q.bigrams.length})
          + case when ${q.wordWeight}::float8 + i.word_weight = 0 then 0 else w.inter / (${q.wordWeight}::float8 + i.word_weight - w.inter) end) / 2 as score
      from ${matterTextIndex} i,
        lateral (select coalesce(sum(qw.w), 0)::float8 as inter
                 from unnest(${pgArray(q.words)}::text[], ${pgArray(q.weights)}::float8[]) as qw(t, w) where qw.t = any(i.words)) w
      where i.open and i.keys && ${pgArray(q.keys)}::text[] and i.village_code = ${q.villageCode}
        and i.unit_code like ${`${escapeLike(q.scope)}%`}${q.readable ? sql` and ${q.readable}` : sql``}
    ) s
    order by score desc, matter_id desc
    limit ${CANDIDATES}`;
}
