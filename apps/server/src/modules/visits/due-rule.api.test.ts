import { type Cadence, effectiveCadence, lastCountedVisit, nextDue, TIER_VALUES, type Tier } from '@jiceng/shared';
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { cadenceFrom, dueRuleSql } from './repository';

// The due date has one source of truth: DUE_RULE and DEFAULT_CADENCE in @jiceng/shared visits.ts.
// nextDue() reads it in TypeScript; dueRuleSql() generates the SQL the lists, the alert job and the
// rollup (visit_due) use. Here both run on the same generated households on the real database.

const t = useTestApp({ demo: false });

/** mulberry32: a seeded generator, so a failure names a case that can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Case {
  id: number;
  tier: Tier;
  lastVisitAt: Date | null;
  lastHomeVisitAt: Date | null;
  since: Date;
  village: Cadence | null;
  township: Cadence | null;
}

function generate(seed: number, n: number): Case[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  // Two years around the DST changes of a European session time zone, to the millisecond.
  const at = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 730 * 86_400_000));
  const cadence = (): Cadence | null =>
    r() < 0.4 ? null : { redDays: int(1, 365), yellowDays: int(1, 365), blueDays: int(1, 365), redHomeOnly: r() < 0.5, escalateDays: int(0, 30) };
  return Array.from({ length: n }, (_, id) => {
    const lastVisitAt = r() < 0.3 ? null : at();
    // A home visit is a visit: the last home visit is never after the last visit.
    const lastHomeVisitAt = lastVisitAt && r() < 0.6 ? (r() < 0.5 ? lastVisitAt : new Date(lastVisitAt.getTime() - int(1, 90) * 3_600_000)) : null;
    return { id, tier: TIER_VALUES[int(0, 2)] as Tier, lastVisitAt, lastHomeVisitAt, since: at(), village: cadence(), township: cadence() };
  });
}

const FIELDS = ['redDays', 'yellowDays', 'blueDays', 'redHomeOnly', 'escalateDays'] as const;
const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The generated expression evaluated over the cases as a VALUES list, due and counted in epoch ms. */
async function dueInSql(cases: Case[], timeZone: string) {
  const ts = (d: Date | null) => sql`${d ? d.toISOString() : null}::timestamptz`;
  const cad = (c: Cadence | null) =>
    sql.join(
      FIELDS.map((f) => (f === 'redHomeOnly' ? sql`${c ? c[f] : null}::boolean` : sql`${c ? c[f] : null}::int`)),
      sql`, `,
    );
  const rows = sql.join(
    cases.map(
      (c) => sql`(${c.id}::int, ${c.tier}::text, ${ts(c.lastVisitAt)}, ${ts(c.lastHomeVisitAt)}, ${ts(c.since)}, ${cad(c.village)}, ${cad(c.township)})`,
    ),
    sql`, `,
  );
  const cols = ['id', 'tier', 'last_visit_at', 'last_home_visit_at', 'since', ...FIELDS.map((f) => `v_${snake(f)}`), ...FIELDS.map((f) => `t_${snake(f)}`)];
  const col = (name: string): SQL => sql.raw(`c.${name}`);
  const rule = dueRuleSql({
    tier: col('tier'),
    lastVisitAt: col('last_visit_at'),
    lastHomeVisitAt: col('last_home_visit_at'),
    since: col('since'),
    cadence: cadenceFrom(
      (f) => col(`v_${snake(f)}`),
      (f) => col(`t_${snake(f)}`),
    ),
  });
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local time zone '${timeZone}'`));
    const res = await tx.execute(sql`
      select c.id, (extract(epoch from ${rule.due}) * 1000)::float8 as due, (extract(epoch from ${rule.counted}) * 1000)::float8 as counted
      from (values ${rows}) as c(${sql.raw(cols.join(', '))}) order by c.id`);
    return (res as unknown as { rows: { id: number; due: number | string; counted: number | string | null }[] }).rows.map((x) => ({
      id: Number(x.id),
      due: Number(x.due),
      counted: x.counted === null ? null : Number(x.counted),
    }));
  });
}

const inTs = (cases: Case[]) =>
  cases.map((c) => {
    const { cadence } = effectiveCadence(c.village, c.township);
    return { id: c.id, due: nextDue(cadence, c).getTime(), counted: lastCountedVisit(cadence, c)?.getTime() ?? null };
  });

describe('the due-date rule: TypeScript and the generated SQL agree', () => {
  for (const [seed, timeZone] of [
    [1, 'UTC'],
    [2, 'Asia/Shanghai'],
    [3, 'Europe/Berlin'],
  ] as const) {
    it(`on 400 generated households (seed ${seed}, session time zone ${timeZone})`, async () => {
      const cases = generate(seed, 400);
      // The generator reaches every branch: every tier, home-only on and off, no cadence row, never visited.
      expect(new Set(cases.map((c) => c.tier)).size).toBe(3);
      expect(cases.some((c) => c.village === null && c.township === null)).toBe(true);
      expect(cases.some((c) => c.tier === 'red' && effectiveCadence(c.village, c.township).cadence.redHomeOnly === false)).toBe(true);
      expect(cases.some((c) => c.tier === 'red' && c.lastVisitAt && !c.lastHomeVisitAt)).toBe(true);
      expect(await dueInSql(cases, timeZone)).toEqual(inTs(cases));
    });
  }
});
