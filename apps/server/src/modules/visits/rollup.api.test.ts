import { randomBytes } from 'node:crypto';
import { CODE_LENGTH } from '@jiceng/shared';
import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildHousehold, buildRepresentative, DIHE, DIHE_G1, DIHE_G2, DIHE_Z2_G1, freshLogin } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { listHouseholdsUnder } from '../households/lookup';
import { makeIdNumber } from '../households/test-ids';
import { recountVisitDue } from './rollup';
import { summary as rollupSummary } from './rollup-repository';
import { summaryFromSources } from './repository';
import { visitDue, visitDueDays } from './tables';

const t = useTestApp();
const login = (username: string) => freshLogin(t, username);
const DAY = 86_400_000;
const TOWNSHIP = DIHE.slice(0, CODE_LENGTH.township);
const UNITS = ['530303', TOWNSHIP, DIHE, `${DIHE}01`, `${DIHE}02`, DIHE_G1];

type Row = { childCode: string; tier: string };
const sorted = <T extends Row>(rows: T[]) => [...rows].sort((a, b) => `${a.childCode}/${a.tier}`.localeCompare(`${b.childCode}/${b.tier}`));
const childLenOf = (code: string) => Object.values(CODE_LENGTH).find((n) => n > code.length) ?? code.length;

/**
 * The rollup answers every unit's summary exactly as the computation from the sources does, now
 * and at later times (overdue moves with the clock), and a recount finds nothing to correct.
 */
async function expectRollupEqualsRecount() {
  const db = t.database.db;
  const h = { n: (await listHouseholdsUnder(t.systemCtx(), '', 1)).total };
  const [d] = await db.select({ n: count() }).from(visitDue);
  expect(d?.n).toBe(h?.n);
  // Counters that fall to 0 are removed as they fall (else a year of days would pile up).
  expect(await db.select().from(visitDueDays).where(eq(visitDueDays.n, 0))).toEqual([]);
  for (const days of [0, 0.5, 1, 3, 7, 10, 40]) {
    const at = new Date(t.clock.now().getTime() + days * DAY);
    for (const unit of UNITS) {
      const got = await rollupSummary(db, unit, childLenOf(unit), at);
      expect(sorted(got), `${unit} at +${days} d`).toEqual(sorted(await summaryFromSources(db, unit, childLenOf(unit), at)));
    }
  }
  expect(await recountVisitDue(t.systemCtx())).toEqual({ corrected: 0, countersCorrected: 0 });
}

const villageTotal = async () => (await t.request({ method: 'GET', url: `/api/visits/summary?unitCode=${DIHE}`, cookie: await login('village') })).json().total;

let keySeq = 0;
const visit = async (cookie: string, householdId: number, kind: 'home' | 'phone') =>
  t.request({
    method: 'POST',
    url: '/api/visits',
    cookie,
    payload: { householdId, kind, visitedAt: t.clock.now().toISOString(), clientKey: `rollup-${++keySeq}-abcdef` },
  });
const tier = async (id: number, to: string) => {
  const res = await t.request({ method: 'POST', url: `/api/households/${id}/tier`, cookie: await login('village'), payload: { tier: to, reason: '复核' } });
  expect(res.statusCode).toBe(200);
};

async function importFile(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['户编号', '与户主关系', '姓名', '身份证号码', '所属组', '家庭住址', '户类别']);
  for (const r of rows) ws.addRow(r);
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const res = await t.request({
    method: 'POST',
    url: `/api/households/import?unitCode=${DIHE}&dryRun=false`,
    cookie: await login('village'),
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const ids: Record<string, number> = {};
let repId = 0;
let other: Awaited<ReturnType<typeof buildRepresentative>>;

describe('visit_due, the rollup behind the visit summaries', () => {
  it('gets a row for every household created, imported or built', async () => {
    const cookie = await login('village');
    const make = async (name: string, tierName: string, unitCode: string, seq: number) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/households',
        cookie,
        payload: {
          unitCode,
          address: `地河村 ${name}`,
          tier: tierName,
          residents: [{ name, relation: '户主', idNumber: makeIdNumber('530303', '19700312', seq) }],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    };
    await make('红一', 'red', DIHE_G1, 101);
    await make('黄一', 'yellow', DIHE_G1, 102);
    await make('蓝一', 'blue', DIHE_G2, 103);
    await make('蓝二', 'blue', DIHE_Z2_G1, 104);
    await importFile([
      ['1', '户主', '导入甲', makeIdNumber('530303', '19800101', 201), '地河一组', '地河村 导入 1 号', '监测户'],
      ['2', '户主', '导入乙', makeIdNumber('530303', '19800101', 202), '小河边组', '地河村 导入 2 号', ''],
    ]);
    const imported = (await listHouseholdsUnder(t.systemCtx(), DIHE, 100)).rows.filter((r) => r.household.headName.startsWith('导入'));
    for (const { household: h } of imported) ids[h.headName] = h.id;
    ids.built = (await buildHousehold(t, { tier: 'yellow', unitCode: DIHE_G2 })).id;
    ids.elsewhere = (await buildHousehold(t, { unitCode: '530303203201' })).id;
    await expectRollupEqualsRecount();
    expect(await villageTotal()).toMatchObject({ households: 7, linked: 0, visited: 0, overdue: 0 });
  });

  it('follows links, visits, tier changes and moves', async () => {
    let rep = await login('representative');
    repId = (await t.request({ method: 'GET', url: '/api/auth/me', cookie: rep })).json().userId;
    const mine = ['红一', '黄一', '蓝一', '蓝二', '导入甲', '导入乙', 'built'].map((k) => ids[k] as number);
    const applied = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: await login('village'),
      payload: { assignments: mine.map((householdId) => ({ householdId, representativeUserId: repId })) },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    await expectRollupEqualsRecount();

    t.clock.advance(2 * DAY);
    rep = await login('representative');
    expect((await visit(rep, ids.红一 as number, 'phone')).statusCode).toBe(201); // does not count for red
    expect((await visit(rep, ids.黄一 as number, 'phone')).statusCode).toBe(201);
    expect((await visit(rep, ids.导入甲 as number, 'home')).statusCode).toBe(201);
    await expectRollupEqualsRecount();

    t.clock.advance(8 * DAY);
    // 红一 (red, phone only) and 导入甲 (red, home visit 8 days ago) are overdue; 黄一 is visited.
    expect(await villageTotal()).toMatchObject({ linked: 7, overdue: 2, visited: 1 });
    await tier(ids.蓝一 as number, 'red');
    await tier(ids.黄一 as number, 'blue');
    const moved = await t.request({ method: 'PATCH', url: `/api/households/${ids.蓝二}`, cookie: await login('village'), payload: { unitCode: DIHE_G1 } });
    expect(moved.statusCode).toBe(200);
    await expectRollupEqualsRecount();
    expect(await villageTotal()).toMatchObject({ overdue: 3, visited: 1 });
  });

  it('follows cadence changes of the township and the village', async () => {
    const body = { redDays: 3, yellowDays: 5, blueDays: 9, redHomeOnly: false, escalateDays: 2 };
    const put = await t.request({ method: 'PUT', url: `/api/visits/cadence/${TOWNSHIP}`, cookie: await login('township'), payload: body });
    expect(put.statusCode).toBe(200);
    await expectRollupEqualsRecount();
    // Shorter cadences: all but 黄一 (now blue, called 8 days ago, due every 9) are overdue.
    expect(await villageTotal()).toMatchObject({ linked: 7, overdue: 6, visited: 1 });
    const village = await login('village');
    await t.request({ method: 'PUT', url: `/api/visits/cadence/${DIHE}`, cookie: village, payload: { ...body, blueDays: 60, yellowDays: 60, redDays: 60 } });
    await expectRollupEqualsRecount();
    expect(await villageTotal()).toMatchObject({ overdue: 0, visited: 3 });
    await t.request({ method: 'DELETE', url: `/api/visits/cadence/${DIHE}`, cookie: village });
    await expectRollupEqualsRecount();
    await t.request({ method: 'DELETE', url: `/api/visits/cadence/${TOWNSHIP}`, cookie: await login('township') });
    await expectRollupEqualsRecount();
  });

  it('follows unlinking, reassigning, hand-over, a group moving zone and deletion', async () => {
    const village = await login('village');
    other = await buildRepresentative(t, { unitCode: DIHE_G2 });
    const put = (householdId: number, representativeUserId: number | null) =>
      t.request({ method: 'PUT', url: `/api/linkage/${householdId}`, cookie: village, payload: { representativeUserId } });
    expect((await put(ids.红一 as number, null)).statusCode).toBe(200);
    expect((await put(ids.黄一 as number, other.id)).statusCode).toBe(200);
    await expectRollupEqualsRecount();
    const handover = await t.request({ method: 'POST', url: '/api/linkage/handover', cookie: village, payload: { fromUserId: repId, toUserId: other.id } });
    expect(handover.statusCode, handover.body).toBe(200);
    await expectRollupEqualsRecount();

    // 地河二组 moves to the second zone: its code changes and the rows follow it.
    const move = await t.request({ method: 'POST', url: `/api/units/${DIHE_G2}/move`, cookie: village, payload: { zoneCode: `${DIHE}02` } });
    expect(move.statusCode, move.body).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(visitDue)
      .where(eq(visitDue.householdId, ids.蓝一 as number));
    expect(row?.unitCode).toBe(move.json().code);
    await expectRollupEqualsRecount();

    const del = await t.request({ method: 'DELETE', url: `/api/households/${ids.导入乙}`, cookie: village });
    expect(del.statusCode).toBe(204);
    await expectRollupEqualsRecount();
  });

  it('stays exact when a visit and a tier change of one household race', async () => {
    const h = ids.导入甲 as number; // handed over to the other representative above
    t.clock.advance(DAY);
    const cookie = await other.cookie();
    const [v, c] = await Promise.all([visit(cookie, h, 'phone'), tier(h, 'yellow')]);
    expect(v.statusCode).toBe(201);
    expect(c).toBeUndefined();
    await expectRollupEqualsRecount();
  });

  it('is repaired by the recount when something wrote around it', async () => {
    const db = t.database.db;
    await db
      .update(visitDue)
      .set({ dueAt: new Date('2000-01-01T00:00:00Z') })
      .where(eq(visitDue.householdId, ids.built as number));
    await db.delete(visitDue).where(eq(visitDue.householdId, ids.elsewhere as number));
    // The day counters follow those writes (triggers); a counter written around is put right too.
    await db.update(visitDueDays).set({ n: sql`${visitDueDays.n} + 5` });
    await db.insert(visitDueDays).values({ villageCode: DIHE, tier: 'red', counted: true, dueDay: 1, n: 3 });
    const counters = (await db.select({ n: count() }).from(visitDueDays))[0]?.n ?? 0;
    expect(await recountVisitDue(t.systemCtx())).toEqual({ corrected: 2, countersCorrected: counters });
    await expectRollupEqualsRecount();
  });
});
