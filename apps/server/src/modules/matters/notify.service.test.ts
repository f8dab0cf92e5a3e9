import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatter, ctxAs, DIHE, DIHE_G1, housingDepartment } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { listInbox } from '../notifications/service';
import { createEndpoint, listOutbox } from '../webhooks/service';
import { findMatter } from './lookup';
import { recipients } from './notify';
import { act } from './transition';

// Who hears of a transition, without HTTP: recipients() (notify.ts) decides, the inbox handler
// (handlers.ts) writes one message each but to whoever caused it, and the robot-card handler
// queues cards for the chats of the matter's group, zone and village.
const t = useTestApp();
const ids: Record<string, number> = {};

beforeAll(async () => {
  for (const name of ['representative', 'groupLeader', 'zoneLeader', 'village', 'township', 'district', 'department']) {
    ids[name] = (await ctxAs(t, name)).actor?.userId as number;
  }
});

async function row(id: number) {
  const m = await findMatter(t.systemCtx(), id);
  if (!m) throw new Error(`matter ${id} not found`);
  return m;
}
const who = async (id: number, action: string) => [...new Set(await recipients(t.systemCtx(), await row(id), action))].sort((a, b) => a - b);
const people = (...names: string[]) => names.map((n) => ids[n] as number).sort((a, b) => a - b);

/** The inbox messages of `username` about matter `id`, as kinds. */
async function heard(username: string, id: number): Promise<string[]> {
  const inbox = await listInbox(await ctxAs(t, username), { limit: 200 });
  return inbox.items.filter((n) => n.entityType === 'matter' && n.entityId === String(id)).map((n) => n.kind);
}

async function actAs(username: string, id: number, cmd: Parameters<typeof act>[2]) {
  await act(await ctxAs(t, username), id, cmd, (await row(id)).version);
  await t.drainEvents();
}

describe('who gets an inbox message', () => {
  it("a resident's report: the group's handlers, and nobody above yet", async () => {
    const m = await buildMatter(t, { state: 'reported' });
    expect(await who(m.id, 'report')).toEqual(people('groupLeader', 'representative'));
    expect(await heard('groupLeader', m.id)).toEqual(['matter.report']);
    expect(await heard('representative', m.id)).toEqual(['matter.report']);
    expect(await heard('village', m.id)).toEqual([]);
  });

  it("a representative's report: the group and the zone leader above, but not the reporter", async () => {
    const m = await buildMatter(t);
    expect(await who(m.id, 'report')).toEqual(people('groupLeader', 'representative', 'zoneLeader'));
    expect(await heard('zoneLeader', m.id)).toEqual(['matter.report']);
    expect(await heard('representative', m.id)).toEqual([]);
  });

  it('sorted, escalated, transferred: whoever must act next at the responsible or receiving unit', async () => {
    const m = await buildMatter(t);
    await actAs('groupLeader', m.id, { action: 'triage' });
    expect(await who(m.id, 'triage')).toEqual(people('village'));
    expect(await heard('village', m.id)).toEqual(['matter.triage']);
    await actAs('village', m.id, { action: 'accept' });
    // Accepted by the village itself: nobody has to be told (the reporter hears of the result).
    expect(await who(m.id, 'accept')).toEqual(people('representative'));
    await actAs('village', m.id, { action: 'escalate', reason: '村里办不了' });
    expect(await who(m.id, 'escalate')).toEqual(people('township'));
    expect(await heard('township', m.id)).toEqual(['matter.escalate']);

    const other = await buildMatter(t, { state: 'accepted' });
    await actAs('village', other.id, { action: 'transfer', targetUnitCode: '530303', reason: '区里统筹' });
    expect(await who(other.id, 'transfer')).toEqual(people('district'));
    expect(await heard('district', other.id)).toEqual(['matter.transfer']);
  });

  it("a dispatch tells the departments' staff; their check-in and reply tell the responsible unit", async () => {
    const m = await buildMatter(t, { state: 'accepted' });
    await actAs('township', m.id, { action: 'dispatch', leadDepartmentId: await housingDepartment(t) });
    expect(await who(m.id, 'dispatch')).toEqual(people('department'));
    expect(await heard('department', m.id)).toEqual(['matter.dispatch']);
    await actAs('department', m.id, { action: 'checkIn' });
    expect(await who(m.id, 'checkIn')).toEqual(people('village'));
    await actAs('department', m.id, { action: 'reply', reply: '已派人维修' });
    // The village triaged and accepted it itself, so these are all it heard (newest first).
    expect(await heard('village', m.id)).toEqual(['matter.reply', 'matter.checkIn']);
  });

  it('a result tells the reporter and the unit (once each); the answer only those following', async () => {
    const m = await buildMatter(t, { state: 'resolved' });
    expect(await who(m.id, 'resolve')).toEqual(people('representative', 'village'));
    // The reporter is a follower too: still one message.
    expect((await heard('representative', m.id)).filter((k) => k === 'matter.resolve')).toHaveLength(1);
    await actAs('village', m.id, { action: 'feedback', message: '已修好' });
    expect(await who(m.id, 'feedback')).toEqual(people('representative'));
    expect(await heard('village', m.id)).not.toContain('matter.feedback'); // its own answer
  });
});

describe('who gets a robot card', () => {
  it("the report, an escalation and a dispatch reach the group's, zone's and village's chats; the other steps do not", async () => {
    const village = await ctxAs(t, 'village');
    const url = (key: string) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`;
    await createEndpoint(village, { unitCode: DIHE_G1, name: '地河一组群', url: url('group-robot') });
    await createEndpoint(village, { unitCode: DIHE, name: '地河村群', url: url('village-robot') });
    const district = await ctxAs(t, 'district');
    const cards = async () => (await listOutbox(district, { unitCode: DIHE, limit: 200 })).items;
    const before = (await cards()).length;

    const m = await buildMatter(t, { state: 'accepted' });
    const afterReport = await cards();
    // One card per robot for the report; sorting and accepting send none.
    expect(afterReport.length - before).toBe(2);
    expect(
      afterReport
        .slice(0, 2)
        .map((c) => c.unitCode)
        .sort(),
    ).toEqual([DIHE, DIHE_G1]);
    expect(JSON.stringify(afterReport[0]?.payload)).toContain(m.trackingCode.slice(-4));

    await actAs('village', m.id, { action: 'escalate', reason: '村里办不了' });
    await actAs('township', m.id, { action: 'accept' });
    await actAs('township', m.id, { action: 'dispatch', leadDepartmentId: await housingDepartment(t) });
    await actAs('department', m.id, { action: 'checkIn' });
    expect((await cards()).length - before).toBe(6); // + escalation and dispatch, to both robots
  });
});
