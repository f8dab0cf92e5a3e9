import { NEVER } from '@jiceng/shared';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../platform/context';
import { buildMatter, ctxAs, DIHE, DIHE_G1, housingDepartment } from '../../test/factories';
import { useTestApp } from '../../test/harness';
import { findMatter } from './lookup';
import { rate } from './public';
import { act, actAnonymously } from './transition';

// The matters service without HTTP: which transitions act() allows from which state for which
// actor, and the deadlines its plan writes (infrastructure: the default hours).
const t = useTestApp();
const H = 3_600_000;

async function row(id: number, ctx = t.systemCtx()) {
  const m = await findMatter(ctx, id);
  if (!m) throw new Error(`matter ${id} not found`);
  return m;
}

/** act() as `username` on the matter as it is now; the handlers run after, as after a request. */
async function actAs(username: string, id: number, cmd: Parameters<typeof act>[2]) {
  const r = await act(await ctxAs(t, username), id, cmd, (await row(id)).version);
  await t.drainEvents();
  return r;
}

const refusedWith = (code: string) => expect.objectContaining({ code });

describe('which transitions are allowed, from which state, for which actor', () => {
  it('a transmitted matter: the group leader sorts it; the machine and the policy say no to the others', async () => {
    const m = await buildMatter(t);
    expect(m.state).toBe('transmitted');
    await expect(actAs('representative', m.id, { action: 'accept' })).rejects.toEqual(refusedWith('MATTER_ROLE_NOT_ALLOWED'));
    await expect(actAs('groupLeader', m.id, { action: 'resolve', result: 'x' })).rejects.toEqual(refusedWith('MATTER_TRANSITION_NOT_ALLOWED'));
    await expect(actAs('supervisor', m.id, { action: 'triage' })).rejects.toEqual(refusedWith('FORBIDDEN'));
    // A department acts only on what was dispatched to it, and cannot even read this one.
    await expect(actAs('department', m.id, { action: 'checkIn' })).rejects.toEqual(refusedWith('MATTER_NOT_FOUND'));
    const before = await row(m.id);
    expect(await actAs('groupLeader', m.id, { action: 'triage' })).toEqual({ id: m.id, state: 'triaged', version: before.version + 1 });
    // Sorted: the village now answers for it.
    expect((await row(m.id)).responsibleUnitCode).toBe(DIHE);
  });

  it('refuses a version the actor did not see, writing nothing', async () => {
    const m = await buildMatter(t, { state: 'triaged' });
    const stale = act(await ctxAs(t, 'village'), m.id, { action: 'accept' }, m.version - 1);
    await expect(stale).rejects.toEqual(refusedWith('CONFLICT'));
    expect(await row(m.id)).toMatchObject({ state: 'triaged', version: m.version });
  });

  it('a field role may not take a stage above its own; the township may act on what its village holds', async () => {
    const m = await buildMatter(t, { state: 'accepted' });
    await expect(actAs('groupLeader', m.id, { action: 'resolve', result: 'x' })).rejects.toEqual(refusedWith('MATTER_ROLE_NOT_ALLOWED'));
    await expect(actAs('township', m.id, { action: 'feedback', message: 'x' })).rejects.toEqual(refusedWith('MATTER_TRANSITION_NOT_ALLOWED'));
    expect((await actAs('township', m.id, { action: 'resolve', result: '乡里修好了' })).state).toBe('resolved');
    // Settled where it was held: the village answered for it, the township only stepped in.
    expect((await row(m.id)).settledLevel).toBe('village');
  });

  it('a paused matter takes only what may go on while paused', async () => {
    const m = await buildMatter(t, { state: 'accepted' });
    await actAs('village', m.id, { action: 'pause', reason: '等待雨季结束' });
    await expect(actAs('village', m.id, { action: 'resolve', result: 'x' })).rejects.toEqual(refusedWith('MATTER_PAUSED'));
    await expect(actAs('village', m.id, { action: 'pause', reason: '再停' })).rejects.toEqual(refusedWith('MATTER_PAUSED'));
    const moved = await actAs('village', m.id, { action: 'transfer', targetUnitCode: '530303203', reason: '乡里统筹' });
    expect(moved.state).toBe('transferred');
  });

  it('the system (the sweep) may escalate but not accept, and nothing escalates past the district', async () => {
    const m = await buildMatter(t, { state: 'transmitted' });
    const system = t.systemCtx();
    await expect(inTransaction(system, async (tx) => actAnonymously(tx, await row(m.id, tx), { action: 'accept' }, 'system'))).rejects.toEqual(
      refusedWith('MATTER_ROLE_NOT_ALLOWED'),
    );
    const up = await inTransaction(system, async (tx) => actAnonymously(tx, await row(m.id, tx), { action: 'escalate', reason: '超时' }, 'system'));
    await t.drainEvents();
    expect(up).toMatchObject({ state: 'escalated', responsibleUnitCode: DIHE });
    await actAs('district', m.id, { action: 'accept' });
    expect((await row(m.id)).responsibleUnitCode).toBe('530303');
    // The district may not escalate at all; the sweep finds nothing above it.
    await expect(actAs('district', m.id, { action: 'escalate', reason: '再上' })).rejects.toEqual(refusedWith('MATTER_ROLE_NOT_ALLOWED'));
    const top = inTransaction(system, async (tx) => actAnonymously(tx, await row(m.id, tx), { action: 'escalate', reason: '超时' }, 'system'));
    await expect(top).rejects.toEqual(refusedWith('MATTER_TOP_LEVEL'));
  });
});

describe('the deadlines each transition sets', () => {
  it('hand-over, response, resolve, check-in, feedback, rating window: each stage opens its own clock', async () => {
    const t0 = t.clock.now();
    const m = await buildMatter(t, { unitCode: DIHE_G1 });
    const reported = await row(m.id);
    // A representative's report: a hand-over stage (24 h ordinary), targets counted from the report.
    expect(reported.stageDeadline.getTime() - t0.getTime()).toBe(24 * H);
    expect(reported.resolveBy.getTime() - t0.getTime()).toBe(7 * 24 * H);

    t.clock.advance(H);
    await actAs('groupLeader', m.id, { action: 'triage', urgency: 'urgent' });
    const triaged = await row(m.id);
    // Made urgent: the resolve target is re-counted from the report, the village must respond in 2 h.
    expect(triaged.resolveBy.getTime() - reported.createdAt.getTime()).toBe(24 * H);
    expect(triaged.stageDeadline.getTime() - t.clock.now().getTime()).toBe(2 * H);

    t.clock.advance(H);
    await actAs('village', m.id, { action: 'accept' });
    // Accepted: the resolve target, unless the response limit reaches further.
    expect((await row(m.id)).stageDeadline).toEqual(triaged.resolveBy);

    await actAs('township', m.id, { action: 'dispatch', leadDepartmentId: await housingDepartment(t) });
    expect((await row(m.id)).stageDeadline.getTime() - t.clock.now().getTime()).toBe(2 * H); // check in within 2 h
    await actAs('department', m.id, { action: 'checkIn' });
    // Every department checked in: the clock is the reply target (the resolve target here).
    expect((await row(m.id)).stageDeadline).toEqual(triaged.resolveBy);
    await actAs('department', m.id, { action: 'reply', reply: '已安排维修' });

    t.clock.advance(H);
    await actAs('village', m.id, { action: 'resolve', result: '路灯已换' });
    const resolved = await row(m.id);
    expect(resolved.settledLevel).toBe('department'); // the lead department replied
    expect(resolved.stageDeadline.getTime() - t.clock.now().getTime()).toBe(2 * H); // tell the reporter

    await actAs('village', m.id, { action: 'feedback', message: '已修好' });
    const answered = await row(m.id);
    expect(answered.answeredAt).toEqual(t.clock.now());
    expect(answered.stageDeadline.getTime() - t.clock.now().getTime()).toBe(7 * 24 * H);

    await rate(t.systemCtx(), m.trackingCode, { satisfaction: 'satisfied', fixed: 'fixed' });
    await t.drainEvents();
    expect((await row(m.id)).stageDeadline.getTime() - t.clock.now().getTime()).toBe(24 * H); // the unit closes within a day
    await actAs('village', m.id, { action: 'close' });
    expect(await row(m.id)).toMatchObject({ state: 'closed', stageDeadline: NEVER });
  });

  it('a bad rating reopens with a fresh resolve target counted from now', async () => {
    const m = await buildMatter(t, { state: 'answered' });
    t.clock.advance(2 * H);
    await rate(t.systemCtx(), m.trackingCode, { satisfaction: 'unsatisfied', fixed: 'not_fixed' });
    await t.drainEvents();
    const now = t.clock.now().getTime();
    const r = await row(m.id);
    expect(r).toMatchObject({ state: 'reopened', reopenCount: 1, settledLevel: null, ratingSatisfaction: 'unsatisfied' });
    expect(r.resolveBy.getTime() - now).toBe(7 * 24 * H);
    expect(r.stageDeadline.getTime() - now).toBe(24 * H);
  });

  it('resuming a paused matter moves every deadline on by the time it was paused', async () => {
    const m = await buildMatter(t, { state: 'accepted' });
    const before = await row(m.id);
    await actAs('village', m.id, { action: 'pause', reason: '等待材料' });
    t.clock.advance(5 * H);
    await actAs('village', m.id, { action: 'resume' });
    const after = await row(m.id);
    expect(after.pausedAt).toBeNull();
    for (const k of ['stageDeadline', 'respondBy', 'resolveBy'] as const) expect(after[k].getTime() - before[k].getTime()).toBe(5 * H);
  });

  it('a transfer keeps the sender responsible and on a response clock until the target accepts', async () => {
    const m = await buildMatter(t, { state: 'accepted' });
    await actAs('village', m.id, { action: 'transfer', targetUnitCode: '530303203', reason: '需乡里协调' });
    const r = await row(m.id);
    expect(r).toMatchObject({ state: 'transferred', responsibleUnitCode: DIHE, transferToUnitCode: '530303203' });
    expect(r.stageDeadline.getTime() - t.clock.now().getTime()).toBe(24 * H);
    await actAs('township', m.id, { action: 'accept' });
    expect(await row(m.id)).toMatchObject({ responsibleUnitCode: '530303203', transferToUnitCode: null, acceptedLevel: 'township' });
  });
});
