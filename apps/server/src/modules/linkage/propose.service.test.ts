import { beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildUser, ctxAs, DIHE, DIHE_G1, DIHE_G2, DIHE_Z2_G1 } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { updateUser } from '../accounts/service';
import { apply, getLinkage, propose } from './service';

// The 联户 proposal as the linkage service makes it, without HTTP: the register's households and
// the village's active representatives read through their owners, their current loads counted,
// the pure rule (shared/linkage.ts, tested there) applied, nothing written.
const t = useTestApp();
const h: Record<string, number> = {};
let demoRep = 0;
let zone2Rep = 0;

beforeAll(async () => {
  demoRep = (await ctxAs(t, 'representative')).actor?.userId as number;
  zone2Rep = (await buildUser(t, { unitCode: DIHE_Z2_G1, displayName: '小河边代表' })).id;
  h.red1 = (await buildHousehold(t, { tier: 'red' })).id;
  h.red2 = (await buildHousehold(t, { tier: 'red' })).id;
  h.blue = (await buildHousehold(t)).id;
  h.g2 = (await buildHousehold(t, { unitCode: DIHE_G2 })).id;
  h.z2 = (await buildHousehold(t, { unitCode: DIHE_Z2_G1, tier: 'yellow' })).id;
});

const byHousehold = (p: Awaited<ReturnType<typeof propose>>) =>
  Object.fromEntries(p.assignments.map((a) => [a.householdId, [a.representativeUserId, a.proximity]]));

describe('the linkage proposal', () => {
  it("covers each household from the nearest representative: own group, else the zone's, else the village's", async () => {
    const p = await propose(await ctxAs(t, 'village'), { unitCode: DIHE });
    expect(p).toMatchObject({ unitCode: DIHE, households: 5, kept: 0, unassigned: [] });
    expect(byHousehold(p)).toEqual({
      [h.red1 as number]: [demoRep, 'group'],
      [h.red2 as number]: [demoRep, 'group'],
      [h.blue as number]: [demoRep, 'group'],
      [h.g2 as number]: [demoRep, 'zone'], // 地河二组 has no representative of its own
      [h.z2 as number]: [zone2Rep, 'group'],
    });
    expect(p.representatives).toEqual(
      expect.arrayContaining([
        { representativeUserId: demoRep, load: 4, reds: 2, displayName: '王代表', unitCode: DIHE_G1 },
        { representativeUserId: zone2Rep, load: 1, reds: 0, displayName: '小河边代表', unitCode: DIHE_Z2_G1 },
      ]),
    );
    // A proposal only proposes.
    expect((await getLinkage(await ctxAs(t, 'village'), h.blue as number)).representative).toBeNull();
  });

  it('never gives anyone more than maxPerRep: what does not fit is reported, reds first to fit', async () => {
    const p = await propose(await ctxAs(t, 'village'), { unitCode: DIHE, maxPerRep: 1 });
    // Reds are placed first: one with the group's rep; the other red goes to the village level (小河边's rep).
    expect(byHousehold(p)).toEqual({ [h.red1 as number]: [demoRep, 'group'], [h.red2 as number]: [zone2Rep, 'village'] });
    expect(p.unassigned.map((u) => u.reason)).toEqual(['noCapacity', 'noCapacity', 'noCapacity']);
  });

  it('keeps links that exist and counts them in the loads', async () => {
    const village = await ctxAs(t, 'village');
    await apply(village, { assignments: [{ householdId: h.g2 as number, representativeUserId: zone2Rep }] });
    await t.drainEvents();
    const p = await propose(village, { unitCode: DIHE });
    expect(p.kept).toBe(1);
    expect(byHousehold(p)[h.g2 as number]).toEqual([zone2Rep, 'existing']);
    expect(p.representatives.find((r) => r.representativeUserId === zone2Rep)).toMatchObject({ load: 2 });
  });

  it('leaves out a disabled representative and does not keep links to them', async () => {
    const village = await ctxAs(t, 'village');
    await updateUser(village, zone2Rep, { status: 'disabled' });
    try {
      const p = await propose(village, { unitCode: DIHE });
      expect(p.representatives.map((r) => r.representativeUserId)).toEqual([demoRep]);
      expect(p.kept).toBe(0);
      expect(byHousehold(p)[h.g2 as number]).toEqual([demoRep, 'zone']);
      expect(byHousehold(p)[h.z2 as number]).toEqual([demoRep, 'village']);
    } finally {
      await updateUser(village, zone2Rep, { status: 'active' });
    }
  });

  it('is proposed for a village in scope by someone who may write links', async () => {
    const refused = (code: string) => expect.objectContaining({ code });
    await expect(propose(await ctxAs(t, 'village'), { unitCode: '530303203' })).rejects.toEqual(refused('LINKAGE_UNIT_LEVEL'));
    await expect(propose(await ctxAs(t, 'village'), { unitCode: '530303203201' })).rejects.toEqual(refused('OUT_OF_SCOPE'));
    await expect(propose(await ctxAs(t, 'representative'), { unitCode: DIHE })).rejects.toEqual(refused('FORBIDDEN'));
    const township = await propose(await ctxAs(t, 'township'), { unitCode: DIHE });
    expect(township.households).toBe(5);
  });
});
