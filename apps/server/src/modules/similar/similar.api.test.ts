import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness';
import { MIN_SCORE } from './service';

const t = useTestApp();
const GROUP1 = '5303032032110101'; // 地河一组
const GROUP4 = '5303032032110201'; // 小河边组
const VILLAGE = '530303203211';
const OTHER_VILLAGE = '530303203201';

async function report(unitCode: string, description: string, categoryCode = 'infrastructure', user = 'village') {
  const cookie = await t.login(user);
  const res = await t.request({ method: 'POST', url: '/api/matters', cookie, payload: { unitCode, categoryCode, description } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; trackingCode: string; version: number };
}

describe('similar matters', () => {
  const ids: Record<string, { id: number; trackingCode: string; version: number }> = {};

  it('finds the same problem told in other words, best first, in the same village only', async () => {
    ids.light = await report(GROUP1, '村口东边的路灯坏了一个多星期了，晚上黑漆漆的，老人出门不安全，联系电话13908741234');
    ids.water = await report(GROUP1, '地河一组这几天自来水一直停水，吃水都成问题了', 'utilities');
    ids.dog = await report(GROUP4, '隔壁邻居家养的狗整夜叫，吵得全家睡不着觉', 'dispute');
    const district = await t.login('district');
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/matters',
      cookie: district,
      payload: { unitCode: OTHER_VILLAGE, categoryCode: 'infrastructure', description: '村口的路灯坏了，晚上看不见路' },
    });
    expect(elsewhere.statusCode).toBe(201);

    const cookie = await t.login('village');
    const res = await t.request({
      method: 'POST',
      url: '/api/matters/similar',
      cookie,
      payload: { unitCode: VILLAGE, text: '东头村口那盏路灯不亮了，天黑以后路都看不清' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const hits = res.json();
    expect(hits[0]).toMatchObject({ id: ids.light?.id, categoryName: '基础设施', unitCode: GROUP1 });
    expect(hits[0].score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(hits.map((h: { id: number }) => h.id)).not.toContain(elsewhere.json().id);
    expect(hits.map((h: { id: number }) => h.id)).not.toContain(ids.dog?.id);

    const water = await t.request({
      method: 'POST',
      url: '/api/matters/similar',
      cookie,
      payload: { unitCode: GROUP1, text: '我们组已经三天没有自来水了，做饭喝水都要去井里挑' },
    });
    expect(water.json()[0].id).toBe(ids.water?.id);
  });

  it('shows residents only tracking-safe fields, with the follower count and phones masked', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/public/matters/similar',
      payload: { unitCode: GROUP1, text: '村口东边路灯坏了，晚上老人出门不安全' },
    });
    expect(res.statusCode).toBe(200);
    const [hit] = res.json();
    expect(Object.keys(hit).sort()).toEqual(['category', 'description', 'followToken', 'followers', 'reportedAt', 'score', 'state', 'stateName']);
    expect(hit).toMatchObject({ category: '基础设施', state: 'triaged', stateName: '已汇总', followers: 1 });
    expect(hit.description.startsWith('村口东边的路灯坏了')).toBe(true);
    expect(res.body).not.toContain('13908741234');
    expect(res.body).not.toContain(ids.light?.trackingCode);

    // "Me too": follow it by its token; the answer still keeps the tracking code private.
    const followed = await t.request({ method: 'POST', url: '/api/public/matters/follow', payload: { followToken: hit.followToken, phone: '13900001111' } });
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toMatchObject({ following: true, followerCount: 2 });
    expect(followed.body).not.toContain(ids.light?.trackingCode);
    const again = (
      await t.request({ method: 'POST', url: '/api/public/matters/similar', payload: { unitCode: GROUP1, text: '村口东边路灯坏了，晚上老人出门不安全' } })
    ).json();
    expect(again[0].followers).toBe(2);
    const forged = await t.request({
      method: 'POST',
      url: '/api/public/matters/follow',
      // Same shape, one character changed: it decrypts to no matter.
      payload: { followToken: `${hit.followToken.slice(0, 10)}${hit.followToken[10] === 'a' ? 'b' : 'a'}${hit.followToken.slice(11)}`, phone: '13900001111' },
    });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.field).toBe('followToken');
  });

  it('forgets closed matters and remembers them again when reopened', async () => {
    const cookie = await t.login('village');
    const closed = await t.request({
      method: 'POST',
      url: `/api/matters/${ids.water?.id}/actions/closeUnresolved`,
      cookie,
      payload: { version: ids.water?.version, reason: '已由供水公司统一处理，另行通知' },
    });
    expect(closed.statusCode).toBe(200);
    const res = await t.request({
      method: 'POST',
      url: '/api/matters/similar',
      cookie,
      payload: { unitCode: VILLAGE, text: '一组停水好几天了，也没人通知什么时候来水' },
    });
    expect(res.json().map((h: { id: number }) => h.id)).not.toContain(ids.water?.id);
  });

  it('keeps a group account to its own group, refuses other villages and empty text', async () => {
    const rep = await t.login('representative');
    const own = await t.request({
      method: 'POST',
      url: '/api/matters/similar',
      cookie: rep,
      payload: { unitCode: VILLAGE, text: '邻居的狗晚上一直叫，影响休息' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual([]); // the dog is in 小河边组, not the representative's group
    const village = await t.login('village');
    const seen = await t.request({
      method: 'POST',
      url: '/api/matters/similar',
      cookie: village,
      payload: { unitCode: VILLAGE, text: '邻居的狗晚上一直叫，影响休息' },
    });
    expect(seen.json()[0].id).toBe(ids.dog?.id);
    const other = await t.request({ method: 'POST', url: '/api/matters/similar', cookie: village, payload: { unitCode: OTHER_VILLAGE, text: '路灯坏了' } });
    expect(other.statusCode).toBe(403);
    const empty = await t.request({ method: 'POST', url: '/api/public/matters/similar', payload: { unitCode: GROUP1, text: '，。！' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('text');
    const township = await t.request({ method: 'POST', url: '/api/public/matters/similar', payload: { unitCode: '530303203', text: '路灯坏了' } });
    expect(township.statusCode).toBe(400);
    expect(township.json().error.details[0].field).toBe('unitCode');
    const anon = await t.request({ method: 'POST', url: '/api/matters/similar', payload: { unitCode: VILLAGE, text: '路灯坏了' } });
    expect(anon.statusCode).toBe(401);
  });
});
