import { beijingDate, RED_CATEGORIES, validateIdNumber } from '@jiceng/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../../test/harness';
import { seedDemoSample } from './sample';
import { SAMPLE_MATTER_STATES } from './sample-matters';
import { DEMO_VILLAGE, hasDemoSample, seedDemo } from './seed';

// The demo database as demo mode leaves it: the base demo plus the 地河村 sample register.
const t = useTestApp({ sample: true });

async function all<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const TABLES = [
  'users',
  'households',
  'residents',
  'tier_changes',
  'linkages',
  'linkage_history',
  'visits',
  'matters',
  'matter_events',
  'matter_dispatches',
  'matter_followers',
  'matter_facts',
  'notifications',
  'audit_events',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await all<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);
  return out;
}

async function get<T>(url: string, user = 'village'): Promise<T> {
  const res = await t.request({ method: 'GET', url, cookie: await t.login(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('the demo sample register of 地河村', () => {
  it('has 40 households over the five groups with a tier mix, tags and valid, unique ID numbers', async () => {
    const list = await get<{ total: number; items: { unitCode: string; tier: string; tierCategory: string | null; tags: string[] }[] }>(
      `/api/households?unitCode=${DEMO_VILLAGE}&limit=100`,
    );
    expect(list.total).toBe(40);
    expect(new Set(list.items.map((h) => h.unitCode)).size).toBe(5);
    const tiers = (tier: string) => list.items.filter((h) => h.tier === tier);
    expect([tiers('red').length, tiers('yellow').length, tiers('blue').length]).toEqual([4, 8, 28]);
    for (const h of tiers('red')) expect(RED_CATEGORIES).toContain(h.tierCategory);
    expect(list.items.filter((h) => h.tags.length > 0).length).toBeGreaterThanOrEqual(15);

    const ids = await all<{ idNumber: string; gender: string; birthDate: string }>(
      sql`select r.id_number as "idNumber", r.gender, r.birth_date::text as "birthDate" from residents r join households h on h.id = r.household_id`,
    );
    expect(ids.length).toBeGreaterThan(100);
    const today = beijingDate(t.clock.now());
    for (const r of ids) {
      const check = validateIdNumber(r.idNumber, today);
      expect(check.ok, r.idNumber).toBe(true);
      expect(r.idNumber.slice(0, 6)).toBe('530303');
      // Sex and birth date were taken from the number.
      if (check.ok) expect([r.gender, r.birthDate]).toEqual([check.gender, check.birthDate]);
    }
    expect(new Set(ids.map((r) => r.idNumber)).size).toBe(ids.length);
  });

  it('links every household to one of three representatives, with visits and a few overdue', async () => {
    const coverage = await get<{ total: { households: number; linked: number; unlinked: number } }>(`/api/linkage/coverage?unitCode=${DEMO_VILLAGE}`);
    expect(coverage.total).toEqual({ households: 40, linked: 40, unlinked: 0 });
    const reps = await all<{ username: string; n: number }>(
      sql`select u.username, count(*)::int as n from linkages l join users u on u.id = l.representative_user_id group by u.username order by u.username`,
    );
    expect(reps.map((r) => r.username)).toEqual(['representative', 'representative2', 'representative3']);
    const overdue = await get<{ total: number; items: { tier: string }[] }>(`/api/visits/overdue?unitCode=${DEMO_VILLAGE}`);
    expect(overdue.total).toBe(4);
    expect(overdue.items.map((i) => i.tier).sort()).toEqual(['blue', 'blue', 'red', 'yellow']);
    // The demo representative 王代表 (地河一组) has work today: a red and a yellow household are late.
    const mine = await get<{ linked: number; overdue: number; items: { tier: string; overdue: boolean }[] }>('/api/visits/mine', 'representative');
    expect(mine.linked).toBeGreaterThanOrEqual(10);
    expect(mine.items.filter((i) => i.overdue).map((i) => i.tier)).toEqual(['red', 'yellow']);
    const [visits] = await all<{ n: number }>(sql`select count(*)::int as n from visits`);
    expect(visits?.n).toBeGreaterThanOrEqual(50);
  });

  it('has matters at each step of the loop, with their history, audit rows and metrics facts', async () => {
    const matters = await all<{ id: number; state: string; events: number; facts: number; audits: number }>(sql`
      select m.id, m.state,
        (select count(*)::int from matter_events e where e.matter_id = m.id) as events,
        (select count(*)::int from matter_facts f where f.matter_id = m.id) as facts,
        (select count(*)::int from audit_events a where a.entity_type = 'matter' and a.entity_id = m.id::text) as audits
      from matters m order by m.created_at desc`);
    expect(matters.map((m) => m.state)).toEqual(SAMPLE_MATTER_STATES);
    for (const m of matters) {
      expect(m.events, `matter ${m.id}`).toBeGreaterThanOrEqual(1);
      expect(m.facts, `matter ${m.id}`).toBe(1);
      expect(m.audits, `matter ${m.id}`).toBeGreaterThanOrEqual(m.events);
    }
    // The department sees the matter dispatched to it; nothing is overdue yet.
    const dept = await get<{ items: { state: string; overdue: boolean }[] }>('/api/matters/queue', 'department');
    expect(dept.items.map((i) => i.state)).toEqual(['dispatched']);
    const open = await get<{ items: { overdue: boolean }[] }>(`/api/matters/queue?unitCode=${DEMO_VILLAGE}`, 'district');
    expect(open.items.some((i) => i.overdue)).toBe(false);
    const metrics = await get<{ total: { satisfaction: { num: number; den: number } } }>(
      `/api/metrics/matters?unitCode=${DEMO_VILLAGE}&from=2025-11-01&to=2026-01-06`,
      'district',
    );
    expect(metrics.total.satisfaction.den).toBe(2);
  });

  it('seeding again changes nothing', async () => {
    const before = await counts();
    expect(await hasDemoSample(t.systemCtx())).toBe(true);
    await seedDemo(t.systemCtx());
    expect(await seedDemoSample(t.systemCtx())).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('is not in the test fixtures unless asked for', async () => {
    const bare = await createTestApp();
    try {
      expect(await hasDemoSample(bare.systemCtx())).toBe(false);
      const [n] = ((await bare.database.db.execute(sql`select count(*)::int as n from households`)) as unknown as { rows: { n: number }[] }).rows;
      expect(n?.n).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
