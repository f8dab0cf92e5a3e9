import { describe, expect, it } from 'vitest';
import { buildHousehold, buildRepresentative, DIHE, DIHE_G1, DIHE_G2, DIHE_Z2_G1 } from '../../test/factories';
import { useTestApp } from '../../test/harness';

const t = useTestApp();

const meId = async (cookie: string) => (await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json().userId as number;
const linkOf = async (cookie: string, id: number) => (await t.request({ method: 'GET', url: `/api/linkage/${id}`, cookie })).json();

describe('linkage', () => {
  it('proposes without writing, keeps to the own group, spreads reds, and applies in one step', async () => {
    const village = await t.login('village');
    const repA = await meId(await t.login('representative')); // demo rep, group 0101
    const repB = await buildRepresentative(t, { unitCode: DIHE_G1 });
    const repC = await buildRepresentative(t, { unitCode: DIHE_Z2_G1 });
    const reds = [await buildHousehold(t, { tier: 'red' }), await buildHousehold(t, { tier: 'red' })];
    const blues = [await buildHousehold(t), await buildHousehold(t), await buildHousehold(t, { unitCode: DIHE_G2 })];
    const far = await buildHousehold(t, { unitCode: DIHE_Z2_G1, tier: 'yellow' });

    const res = await t.request({ method: 'POST', url: '/api/linkage/propose', cookie: village, payload: { unitCode: DIHE } });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const to = (id: number) => p.assignments.find((a: { householdId: number }) => a.householdId === id);
    expect(new Set(reds.map((h) => to(h.id).representativeUserId))).toEqual(new Set([repA, repB.id]));
    for (const h of [...reds, ...blues.slice(0, 2)]) expect(to(h.id).proximity).toBe('group');
    expect(to(blues[2]?.id as number)).toMatchObject({ proximity: 'zone' });
    expect([repA, repB.id]).toContain(to(blues[2]?.id as number).representativeUserId);
    expect(to(far.id)).toMatchObject({ representativeUserId: repC.id, proximity: 'group' });
    expect(p.unassigned).toEqual([]);
    expect((await linkOf(village, far.id)).representative).toBeNull();

    const applied = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: village,
      payload: {
        assignments: p.assignments.map((a: { householdId: number; representativeUserId: number }) => ({
          householdId: a.householdId,
          representativeUserId: a.representativeUserId,
        })),
      },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ applied: 6, changed: 6, unchanged: 0 });
    const farLink = await linkOf(village, far.id);
    expect(farLink.representative.userId).toBe(repC.id);
    expect(farLink.history[0]).toMatchObject({ from: null, reason: 'apply' });

    // Proposing again keeps everything as it is.
    const again = (await t.request({ method: 'POST', url: '/api/linkage/propose', cookie: village, payload: { unitCode: DIHE, maxPerRep: 1 } })).json();
    expect(again.kept).toBe(6);
    expect(again.assignments.every((a: { proximity: string }) => a.proximity === 'existing')).toBe(true);

    const audit = await t.request({ method: 'GET', url: '/api/audit?action=linkage.apply', cookie: await t.login('district') });
    expect(audit.json().items[0].after.changed).toHaveLength(6);
  });

  it('reports households that do not fit under maxPerRep', async () => {
    const village = await t.login('village');
    await buildHousehold(t, { unitCode: DIHE_G2 });
    const p = (await t.request({ method: 'POST', url: '/api/linkage/propose', cookie: village, payload: { unitCode: DIHE, maxPerRep: 1 } })).json();
    expect(p.unassigned.length).toBeGreaterThan(0);
    expect(p.unassigned[0].reason).toBe('noCapacity');
    const bad = await t.request({ method: 'POST', url: '/api/linkage/propose', cookie: village, payload: { unitCode: `${DIHE}01` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'LINKAGE_UNIT_LEVEL', field: 'unitCode' });
  });

  it('validates every pair and writes nothing when one is wrong', async () => {
    const village = await t.login('village');
    const h1 = await buildHousehold(t);
    const h2 = await buildHousehold(t);
    const rep = await buildRepresentative(t);
    const leader = await meId(await t.login('groupLeader'));
    const res = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: village,
      payload: {
        assignments: [
          { householdId: h1.id, representativeUserId: rep.id },
          { householdId: h2.id, representativeUserId: leader },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'LINKAGE_REP_INVALID', field: 'assignments.1.representativeUserId' });
    expect((await linkOf(village, h1.id)).representative).toBeNull();

    // A representative of another village, created by the township.
    const otherRep = await buildRepresentative(t, { unitCode: '530303203201', as: 'township' });
    const cross = await t.request({ method: 'PUT', url: `/api/linkage/${h1.id}`, cookie: village, payload: { representativeUserId: otherRep.id } });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error).toMatchObject({ code: 'LINKAGE_REP_INVALID', field: 'representativeUserId' });

    const dup = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: village,
      payload: {
        assignments: [
          { householdId: h1.id, representativeUserId: rep.id },
          { householdId: h1.id, representativeUserId: rep.id },
        ],
      },
    });
    expect(dup.json().error).toMatchObject({ code: 'LINKAGE_DUPLICATE', field: 'assignments.1.householdId' });
    const missing = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: village,
      payload: { assignments: [{ householdId: 99999999, representativeUserId: rep.id }] },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps a village cadre inside its village, and representatives out of changes', async () => {
    const village = await t.login('village');
    const elsewhere = await buildHousehold(t, { unitCode: '530303203201' });
    const rep = await buildRepresentative(t);
    const res = await t.request({
      method: 'POST',
      url: '/api/linkage/apply',
      cookie: village,
      payload: { assignments: [{ householdId: elsewhere.id, representativeUserId: rep.id }] },
    });
    // Another village's household answers like a missing one (docs/architecture.md "What an actor may not see").
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', field: 'assignments.0.householdId' });
    expect(res.body).not.toContain('530303203201');
    const propose = await t.request({ method: 'POST', url: '/api/linkage/propose', cookie: village, payload: { unitCode: '530303203201' } });
    expect(propose.statusCode).toBe(403);
    const cov = await t.request({ method: 'GET', url: '/api/linkage/coverage?unitCode=530303203', cookie: village });
    expect(cov.statusCode).toBe(403);
    const asRep = await t.request({
      method: 'PUT',
      url: `/api/linkage/${elsewhere.id}`,
      cookie: await t.login('representative'),
      payload: { representativeUserId: rep.id },
    });
    expect(asRep.statusCode).toBe(403);
    expect(asRep.json().error.code).toBe('FORBIDDEN');
  });

  it('reassigns by hand, unlinks, and hands all of a leaving representative over in one step', async () => {
    const village = await t.login('village');
    const from = await buildRepresentative(t, { unitCode: DIHE_G2 });
    const to = await buildRepresentative(t, { unitCode: DIHE_G2 });
    const hs = [await buildHousehold(t, { unitCode: DIHE_G2 }), await buildHousehold(t, { unitCode: DIHE_G2, tier: 'red' })];
    for (const h of hs) {
      const r = await t.request({ method: 'PUT', url: `/api/linkage/${h.id}`, cookie: village, payload: { representativeUserId: from.id } });
      expect(r.statusCode).toBe(200);
      expect(r.json().representative.userId).toBe(from.id);
    }
    const ho = await t.request({ method: 'POST', url: '/api/linkage/handover', cookie: village, payload: { fromUserId: from.id, toUserId: to.id } });
    expect(ho.statusCode).toBe(200);
    expect(ho.json()).toEqual({ moved: 2 });
    const after = await linkOf(village, hs[1]?.id as number);
    expect(after.representative.userId).toBe(to.id);
    expect(after.history.map((x: { reason: string }) => x.reason)).toEqual(['handover', 'manual']);
    const same = await t.request({ method: 'POST', url: '/api/linkage/handover', cookie: village, payload: { fromUserId: to.id, toUserId: to.id } });
    expect(same.json().error).toMatchObject({ code: 'LINKAGE_HANDOVER_SAME', field: 'toUserId' });

    const unlink = await t.request({ method: 'PUT', url: `/api/linkage/${hs[0]?.id}`, cookie: village, payload: { representativeUserId: null } });
    expect(unlink.json().representative).toBeNull();
    const unlinked = (await t.request({ method: 'GET', url: `/api/linkage/unlinked?unitCode=${DIHE_G2}`, cookie: village })).json();
    expect(unlinked.items.map((h: { id: number }) => h.id)).toContain(hs[0]?.id);
  });

  it('reports coverage per child unit and tier', async () => {
    const village = await t.login('village');
    const res = await t.request({ method: 'GET', url: `/api/linkage/coverage?unitCode=${DIHE}`, cookie: village });
    expect(res.statusCode).toBe(200);
    const cov = res.json();
    expect(cov.items.map((i: { unitCode: string }) => i.unitCode)).toEqual([`${DIHE}01`, `${DIHE}02`]);
    const z1 = cov.items[0];
    expect(z1.name).toBe('第一片');
    expect(z1.households).toBe(z1.linked + z1.unlinked);
    expect(z1.byTier.red.households + z1.byTier.yellow.households + z1.byTier.blue.households).toBe(z1.households);
    expect(cov.total.households).toBe(cov.items.reduce((n: number, i: { households: number }) => n + i.households, 0));
    const unl = (await t.request({ method: 'GET', url: `/api/linkage/unlinked?unitCode=${DIHE}`, cookie: village })).json();
    expect(unl.total).toBe(cov.total.unlinked);
    const township = (await t.request({ method: 'GET', url: '/api/linkage/coverage?unitCode=530303203', cookie: await t.login('township') })).json();
    expect(township.items.find((i: { unitCode: string }) => i.unitCode === DIHE).linked).toBe(cov.total.linked);
  });
});
