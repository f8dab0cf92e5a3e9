import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';

// The inbox handler gets the events of a dispatcher pass as one batch and writes the messages
// of the common case (the people of some units) in one statement: each message still reaches
// exactly its own matter's people, its actor left out, once however often it is handled.
const t = useTestApp();

const GROUP = '5303032032110101'; // 地河一组: its representative and group leader handle a report
const VILLAGE = '530303203211'; // 地河村: the village cadre handles one made at the village

type Message = { kind: string; entityId: string; title: string };
async function inbox(user: string): Promise<Message[]> {
  const res = await t.request({ method: 'GET', url: '/api/notifications?limit=100', cookie: await t.login(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
async function matterId(trackingCode: string): Promise<number> {
  // Not t.request, which would handle the pending events first.
  const res = await t.app.inject({ method: 'GET', url: '/api/matters/queue?limit=200', headers: { cookie: await t.login('groupLeader') } });
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json().items as { id: number; trackingCode: string }[]).find((m) => m.trackingCode === trackingCode);
  if (!found) throw new Error(`matter ${trackingCode} not in the queue`);
  return found.id;
}
const about = (items: Message[], id: number) => items.filter((m) => m.entityId === String(id));

describe('the inbox, a batch at a time', () => {
  it('tells each batched report to its own unit’s people only, never its reporter', async () => {
    const report = async (user: string, unitCode: string, description: string) => {
      // Straight to the app, not t.request: nothing is handled until the one drain below.
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/matters',
        headers: { cookie: await t.login(user) },
        payload: { unitCode, categoryCode: 'infrastructure', description },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const atGroup = await report('representative', GROUP, '组里的水管冻裂了，三户没水吃');
    const atVillage = await report('township', VILLAGE, '村口的桥栏杆松动，学生上学危险');
    const resident = await t.app.inject({
      method: 'POST',
      url: '/api/public/matters',
      payload: { unitCode: GROUP, categoryCode: 'infrastructure', description: '地河一组路灯坏了两盏', reporterName: '赵桂芬', reporterPhone: '13912345678' },
      remoteAddress: '10.9.0.1',
    });
    expect(resident.statusCode, resident.body).toBe(201);
    const again = await matterId((resident.json() as { trackingCode: string }).trackingCode);
    expect(await t.drainEvents()).toBeGreaterThan(0);

    const rep = await inbox('representative');
    const leader = await inbox('groupLeader');
    const village = await inbox('village');
    // 地河一组's people hear of the two reports there, the reporter excepted; not of the village's.
    expect(about(rep, atGroup)).toHaveLength(0);
    expect(about(leader, atGroup)).toHaveLength(1);
    expect(about(rep, again)).toHaveLength(1);
    expect(about(leader, again)).toHaveLength(1);
    expect(about(rep, atVillage)).toHaveLength(0);
    expect(about(leader, atVillage)).toHaveLength(0);
    // The village cadre hears of the village's report only.
    expect(about(village, atVillage)).toHaveLength(1);
    expect(about(village, atGroup)).toHaveLength(0);
    expect(about(village, again)).toHaveLength(0);
    expect(about(leader, again)[0]?.title).toMatch(/^诉求/);
  });
});
