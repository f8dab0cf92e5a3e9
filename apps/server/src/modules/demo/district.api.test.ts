import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { seedDemoData } from './data';
import { hasDemoDistrict, seedDemoDistrict } from './district';
import { DEMO_DISTRICT } from './seed';

// The demo database as demo mode leaves it: base demo, 地河村 sample and the whole district.
const t = useTestApp({ sample: true });

async function all<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const TABLES = ['users', 'units', 'households', 'residents', 'linkages', 'visits', 'matters', 'matter_events', 'matter_facts', 'audit_events'] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await all<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);
  return out;
}

describe('the demo district', () => {
  it('seeds every village of every township with a register, representatives, visits and matters', { timeout: 600_000 }, async () => {
    const started = Date.now();
    // A start stopped after three villages keeps them; the next seed goes on from the fourth.
    let done = 0;
    const first = await seedDemoDistrict(t.systemCtx(), { onVillage: () => (done += 1), shouldStop: () => done >= 3 });
    expect(first?.villages).toBe(3);
    expect(await hasDemoDistrict(t.systemCtx())).toBe(false);
    const rest = await seedDemoDistrict(t.systemCtx());
    const seededMs = Date.now() - started;
    await t.drainEvents();
    console.log(`demo district: ${JSON.stringify(first)} + ${JSON.stringify(rest)} in ${seededMs} ms, events drained in ${Date.now() - started - seededMs} ms`);
    expect((rest?.villages ?? 0) + 3).toBe(134);
    const villages = await all<{ code: string; households: number; reps: number; visits: number; matters: number }>(sql`
      select v.code,
        (select count(*)::int from households h where h.unit_code like v.code || '%') as households,
        (select count(*)::int from users u where u.role = 'representative' and u.unit_code like v.code || '%') as reps,
        (select count(*)::int from visits x join households h on h.id = x.household_id where h.unit_code like v.code || '%') as visits,
        (select count(*)::int from matters m where m.unit_code like v.code || '%') as matters
      from units v where v.level = 'village' and v.code like ${`${DEMO_DISTRICT}%`}`);
    expect(villages.length).toBe(135);
    for (const v of villages) {
      expect(v.households, v.code).toBeGreaterThan(0);
      expect(v.reps, v.code).toBeGreaterThan(0);
      expect(v.visits, v.code).toBeGreaterThan(0);
      expect(v.matters, v.code).toBeGreaterThan(0);
    }
    // Every household is linked; every matter has its metrics facts (built by the after-commit handlers).
    const [unlinked] = await all<{ n: number }>(
      sql`select count(*)::int as n from households h where not exists (select 1 from linkages l where l.household_id = h.id)`,
    );
    expect(unlinked?.n).toBe(0);
    const [noFacts] = await all<{ n: number }>(
      sql`select count(*)::int as n from matters m where not exists (select 1 from matter_facts f where f.matter_id = m.id)`,
    );
    expect(noFacts?.n).toBe(0);
    // A realistic mix of outcomes: closed, reopened, resolved late, still open.
    const [mix] = await all<{ closed: number; reopened: number; late: number; open: number; unsatisfied: number }>(sql`
      select count(*) filter (where state = 'closed')::int as closed,
        count(*) filter (where reopen_count > 0)::int as reopened,
        count(*) filter (where resolved_at > resolve_by)::int as late,
        count(*) filter (where state not in ('closed', 'closedUnresolved', 'merged'))::int as open,
        count(*) filter (where rating_satisfaction = 'unsatisfied')::int as unsatisfied
      from matters`);
    expect(mix?.closed).toBeGreaterThan(100);
    for (const k of ['reopened', 'late', 'open', 'unsatisfied'] as const) expect(mix?.[k], k).toBeGreaterThan(5);
  });

  it('answers the district dashboard with every township ranked, and townships that differ', async () => {
    const cookie = await t.login('district');
    const today = t.clock.now().toISOString().slice(0, 10);
    const from = new Date(t.clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.request({ method: 'GET', url: `/api/metrics/matters?unitCode=${DEMO_DISTRICT}&from=${from}&to=${today}`, cookie });
    expect(res.statusCode, res.body).toBe(200);
    type Rate = { num: number; den: number; rate: number | null };
    const body = res.json() as { rows: { key: string; response: Rate; satisfaction: Rate; onTime: Rate }[] };
    // Every township is ranked on something real, and they do not all score the same.
    expect(body.rows.length).toBe(11);
    for (const r of body.rows) {
      expect(r.response.den, r.key).toBeGreaterThan(0);
      expect(r.satisfaction.den, r.key).toBeGreaterThan(0);
    }
    const onTime = body.rows.map((r) => r.onTime.rate ?? 0);
    expect(Math.max(...onTime) - Math.min(...onTime)).toBeGreaterThan(0.1);
    const visits = await t.request({ method: 'GET', url: `/api/visits/summary?unitCode=${DEMO_DISTRICT}`, cookie });
    expect(visits.statusCode, visits.body).toBe(200);
    const summary = visits.json() as { items: { unitCode: string; households: number; visited: number; completionRate: number }[] };
    expect(summary.items.length).toBe(11);
    for (const i of summary.items) expect(i.visited, i.unitCode).toBeGreaterThan(0);
    // Some townships keep up, some lag.
    const rates = summary.items.map((i) => i.completionRate);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
  });

  it('seeding again changes nothing', async () => {
    const before = await counts();
    // What start asks before seeding: the district is whole.
    expect(await hasDemoDistrict(t.systemCtx())).toBe(true);
    expect(await seedDemoDistrict(t.systemCtx())).toBeNull();
    expect((await seedDemoData(t.systemCtx(), { district: true })).district).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
