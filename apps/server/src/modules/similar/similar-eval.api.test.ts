import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { bigramBaseline, count, emptyTally, falsePositiveRate, type LabelledProblem, phasesOf, recallAt3 } from './eval/measure';

/**
 * The lookup on the labelled set (eval/similar-set.json, docs/similar.md), end to end: every
 * report filed through POST /api/matters and indexed by the module's event handler, every
 * question asked through POST /api/matters/similar, on the test database (PGlite or PostgreSQL).
 * Each phase of the protocol (eval/measure.ts) gets a village of its own.
 */
const t = useTestApp();
const { problems } = JSON.parse(readFileSync(new URL('./eval/similar-set.json', import.meta.url), 'utf8')) as { problems: LabelledProblem[] };

describe('similar matters on the labelled set', () => {
  it('finds the reported problem in the top 3 for nine in ten other wordings, rarely a hard negative, above the bigram baseline', async () => {
    expect(problems.length).toBeGreaterThanOrEqual(40);
    expect(problems.every((p) => p.wordings.length >= 3 && p.negatives.length >= 1)).toBe(true);
    const phases = phasesOf(problems);
    const res = await t.database.db.execute(sql`select code from units where level = 'village' order by code desc limit ${phases.length}`);
    const villages = (res as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
    expect(villages).toHaveLength(phases.length);
    const cookie = await t.login('district');
    const ours = emptyTally();
    const baseline = emptyTally();
    for (const [k, phase] of phases.entries()) {
      const village = villages[k] as string;
      const labelOf = new Map<number, string>();
      for (const f of phase.filed) {
        const filed = await t.request({
          method: 'POST',
          url: '/api/matters',
          cookie,
          payload: { unitCode: village, categoryCode: 'infrastructure', description: f.text },
        });
        expect(filed.statusCode, filed.body).toBe(201);
        labelOf.set(filed.json().id, f.label);
      }
      await t.drainEvents();
      for (const ask of phase.asks) {
        const found = await t.request({ method: 'POST', url: '/api/matters/similar', cookie, payload: { unitCode: village, text: ask.text } });
        expect(found.statusCode, found.body).toBe(200);
        const labels = (found.json() as { id: number }[]).map((h) => labelOf.get(h.id) ?? `other:${h.id}`);
        count(ours, phase, ask, labels);
        count(baseline, phase, ask, bigramBaseline(phase.filed, ask.text));
      }
    }
    const figures = {
      db: process.env.JICENG_TEST_DB ?? 'pglite',
      recallAt3: recallAt3(ours),
      falsePositives: falsePositiveRate(ours),
      baselineRecallAt3: recallAt3(baseline),
      baselineFalsePositives: falsePositiveRate(baseline),
      asks: ours.recallAsks,
      negatives: ours.negativeAsks,
    };
    console.log('similar eval', JSON.stringify(figures));
    const detail = JSON.stringify({ misses: ours.misses.slice(0, 20), falseHits: ours.falseHits }, null, 1);
    expect(figures.recallAt3, detail).toBeGreaterThanOrEqual(0.9);
    expect(figures.falsePositives, detail).toBeLessThanOrEqual(0.1);
    expect(figures.recallAt3).toBeGreaterThanOrEqual(figures.baselineRecallAt3);
  }, 300_000);
});
