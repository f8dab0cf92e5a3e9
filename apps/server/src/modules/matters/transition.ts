import {
  addHours,
  DEFAULT_LIMITS,
  escalationTarget,
  levelOfCode,
  MATTER_STATE_ZH,
  type MatterCommand,
  matterActorOf,
  NEVER,
  nextState,
  ratingReopens,
  refusal,
  resolveHours,
  type SettledLevel,
  shiftForPause,
  stageDeadline,
} from '@jiceng/shared';
import { type Actor, type Ctx, inTransaction, requireActor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as orgLookup from '../org/lookup';
import { loadReadable, scopeError } from './access';
import { actRefusal, canRead, mergeTargetRefusal } from './policy';
import { requireCategory } from './categories';
import * as dispatch from './dispatch';
import { ACTION_ZH, ROLE_ZH } from './labels';
import { type TransitionWrite, writeTransition } from './record';
import type { MatterRow } from './repository';
import * as repo from './repository';

/** Turns the machine's refusal into the catalogue's error (with both languages' names). */
function refuse(r: NonNullable<ReturnType<typeof refusal>>): AppError {
  const p = r.params as Record<string, string>;
  const extra = {
    ...(p.action ? { actionZh: ACTION_ZH[p.action as keyof typeof ACTION_ZH] ?? p.action } : {}),
    ...(p.state ? { stateZh: MATTER_STATE_ZH[p.state as keyof typeof MATTER_STATE_ZH] ?? p.state } : {}),
    ...(p.role ? { roleZh: ROLE_ZH[p.role as keyof typeof ROLE_ZH] ?? p.role } : {}),
  };
  return new AppError(r.code, { ...p, ...extra }, { field: r.code === 'MATTER_NOT_ANSWERED' || r.code === 'MATTER_ALREADY_RATED' ? 'state' : 'action' });
}

/** The unit an accepting actor stands for: its own unit (an admin stands for the matter's district). */
const actingUnit = (actor: Actor, m: MatterRow) => actor.unitCode ?? m.unitCode.slice(0, 6);

const limitsInput = async (tx: Ctx, m: MatterRow) => ({
  urgency: m.urgency,
  category: await repo.findCategory(tx.db, m.categoryCode),
  resolveBy: m.resolveBy,
  answeredAt: m.answeredAt,
});

/** A reopened matter gets a fresh resolve target; its old answer stays in the history. */
async function reopenPatch(tx: Ctx, m: MatterRow) {
  const now = tx.clock.now();
  const category = await repo.findCategory(tx.db, m.categoryCode);
  const resolveBy = addHours(now, resolveHours(m.urgency, category));
  await repo.deactivateDispatches(tx.db, m.id);
  return {
    reopenCount: m.reopenCount + 1,
    resolveBy,
    settledLevel: null,
    closedAt: null,
    stageDeadline: stageDeadline('reopened', now, { urgency: m.urgency, category, resolveBy }),
  };
}

/**
 * Builds the change one allowed command makes. Exhaustive over the command union: a new action
 * does not compile until it says what it writes.
 */
async function plan(tx: Ctx, actor: Actor | null, m: MatterRow, cmd: MatterCommand): Promise<TransitionWrite> {
  const now = tx.clock.now();
  const to = nextState(m, cmd);
  const unit = actor?.unitCode ?? null;
  const base = { action: cmd.action, to, actorKind: actor ? ('user' as const) : ('system' as const), actorUnitCode: unit };
  const stage = async (state = to) => stageDeadline(state, now, await limitsInput(tx, m));
  switch (cmd.action) {
    case 'transmit':
      return { ...base, note: cmd.note, patch: { stageDeadline: await stage() } };
    case 'triage': {
      const patch: Partial<MatterRow> = { responsibleUnitCode: m.unitCode.slice(0, 12) };
      if (cmd.categoryCode) patch.categoryCode = (await requireCategory(tx, cmd.categoryCode)).code;
      if (cmd.urgency) patch.urgency = cmd.urgency;
      const category = await repo.findCategory(tx.db, patch.categoryCode ?? m.categoryCode);
      const urgency = patch.urgency ?? m.urgency;
      patch.resolveBy = addHours(m.createdAt, resolveHours(urgency, category));
      patch.stageDeadline = stageDeadline(to, now, { urgency, category, resolveBy: patch.resolveBy });
      return { ...base, note: cmd.note, patch, data: { categoryCode: patch.categoryCode ?? m.categoryCode, urgency } };
    }
    case 'settleOnSpot': {
      const level = levelOfCode(unit ?? '') as SettledLevel;
      return { ...base, patch: { resolution: cmd.result, resolvedAt: now, settledLevel: level, stageDeadline: await stage() }, data: { settledLevel: level } };
    }
    case 'accept': {
      // Whoever accepts answers for it from now on (the transfer target, or a sender taking it back).
      const responsible = actingUnit(actor as Actor, m);
      return {
        ...base,
        note: cmd.note,
        publicNote: '已受理 / accepted',
        patch: {
          responsibleUnitCode: responsible,
          transferToUnitCode: null,
          acceptedLevel: levelOfCode(responsible) as SettledLevel,
          respondedAt: m.respondedAt ?? now,
          stageDeadline: await stage(),
        },
        data: { responsibleUnitCode: responsible },
      };
    }
    case 'escalate': {
      const target = escalationTarget(m.responsibleUnitCode);
      if (!target) throw new AppError('MATTER_TOP_LEVEL', {}, { field: 'action' });
      return {
        ...base,
        note: cmd.reason,
        patch: { responsibleUnitCode: target, transferToUnitCode: null, escalationCount: m.escalationCount + 1, stageDeadline: await stage() },
        data: { from: m.responsibleUnitCode, to: target, reason: cmd.reason },
      };
    }
    case 'transfer': {
      const target = await orgLookup.findUnit(tx, cmd.targetUnitCode);
      const bad = (reasonZh: string, reasonEn: string) => new AppError('MATTER_TRANSFER_TARGET', { reasonZh, reasonEn }, { field: 'targetUnitCode' });
      if (!target) throw bad('单位不存在', 'no such unit');
      if (!['village', 'township', 'district'].includes(target.level))
        throw bad('只能转给村（社区）、乡镇或区', 'only a village, township or district can take a transfer');
      if (target.code === m.responsibleUnitCode) throw bad('不能转给当前责任单位自己', 'cannot transfer to the unit already responsible');
      if (!target.code.startsWith(m.unitCode.slice(0, 6))) throw bad('只能在本区内转办', 'transfers stay within the district');
      // 首接负责制: the sender stays responsible (and on the clock) until the target accepts.
      return {
        ...base,
        note: cmd.reason,
        patch: { transferToUnitCode: target.code, stageDeadline: await stage() },
        data: { to: target.code, reason: cmd.reason },
      };
    }
    case 'dispatch': {
      const r = await dispatch.dispatchDepartments(tx, actor as Actor, m, cmd);
      return {
        ...base,
        note: cmd.note,
        publicNote: '已派发相关部门办理 / sent to the departments concerned',
        patch: { stageDeadline: r.stageDeadline },
        data: { departmentIds: r.departmentIds },
      };
    }
    case 'checkIn': {
      const r = await dispatch.checkIn(tx, actor as Actor, m);
      return { ...base, note: cmd.note, patch: { stageDeadline: r.stageDeadline }, data: { departmentId: actor?.departmentId, role: r.role } };
    }
    case 'reply': {
      const r = await dispatch.reply(tx, actor as Actor, m, cmd.reply);
      return { ...base, note: cmd.reply, patch: {}, data: { departmentId: actor?.departmentId, role: r.role } };
    }
    case 'resolve': {
      const settled: SettledLevel = (await dispatch.leadReplied(tx, m)) ? 'department' : (levelOfCode(m.responsibleUnitCode) as SettledLevel);
      await repo.deactivateDispatches(tx.db, m.id);
      return {
        ...base,
        patch: { resolution: cmd.result, resolvedAt: now, settledLevel: settled, stageDeadline: await stage() },
        data: { settledLevel: settled },
      };
    }
    case 'feedback':
      return {
        ...base,
        publicNote: cmd.message,
        patch: { feedbackMessage: cmd.message, answeredAt: now, stageDeadline: stageDeadline(to, now, { ...(await limitsInput(tx, m)), answeredAt: now }) },
      };
    case 'rate': {
      const rating = { ratingSatisfaction: cmd.satisfaction, ratingFixed: cmd.fixed, ratingComment: cmd.comment ?? null, ratedAt: now };
      const reopens = ratingReopens(cmd);
      const patch = reopens ? { ...rating, ...(await reopenPatch(tx, m)) } : { ...rating, stageDeadline: await stage() };
      return {
        ...base,
        actorKind: actor ? 'user' : 'resident',
        publicNote: reopens ? '评价为未解决/不满意，已自动重新办理 / rated not fixed or unsatisfied: reopened' : null,
        patch,
        data: { satisfaction: cmd.satisfaction, fixed: cmd.fixed, reopened: reopens },
      };
    }
    case 'reopen':
      return {
        ...base,
        actorKind: actor ? 'user' : 'resident',
        note: cmd.reason,
        publicNote: cmd.reason,
        patch: await reopenPatch(tx, m),
        data: { reason: cmd.reason },
      };
    case 'merge': {
      const target = await repo.findMatter(tx.db, cmd.targetId);
      const bad = (reasonZh: string, reasonEn: string) => new AppError('MATTER_MERGE_TARGET', { reasonZh, reasonEn }, { field: 'targetId' });
      // A target the actor cannot read answers like a missing one (departments never merge: no dispatches needed).
      if (!target || target.id === m.id || !canRead(actor as Actor, target)) throw bad('请选择另一件诉求', 'choose another matter');
      if (['closed', 'closedUnresolved', 'merged'].includes(target.state)) throw bad('目标诉求已关闭或已被合并', 'the target is closed or merged itself');
      const where = mergeTargetRefusal(actor as Actor, m, target);
      if (where === 'village') throw bad('只能合并同一村（社区）的诉求', 'merge within the same village only');
      if (where === 'scope') throw bad('目标诉求已不在您的办理环节', 'the target is no longer at a stage you handle');
      await repo.moveFollowers(tx.db, m.id, target.id, m.trackingCode, now);
      if (m.reporterUserId)
        await repo.addFollower(tx.db, { matterId: target.id, kind: 'merged', userId: m.reporterUserId, viaTrackingCode: m.trackingCode, createdAt: now });
      await repo.insertEvent(tx.db, {
        matterId: target.id,
        fromState: target.state,
        toState: target.state,
        action: 'mergeIn',
        actorUserId: actor?.userId ?? null,
        actorUnitCode: unit,
        actorKind: 'user',
        note: null,
        publicNote: null,
        at: now,
        data: { duplicateId: m.id, duplicateTrackingCode: m.trackingCode },
      });
      return {
        ...base,
        note: cmd.note,
        // Never the target's tracking code: it is that matter's reporter's receipt (rating, reopening).
        publicNote: '已与同类诉求合并办理，进展会继续告知您 / handled together with a matter of the same kind; you will keep hearing of its progress',
        patch: { mergedIntoId: target.id, closedAt: now, stageDeadline: NEVER },
        data: { targetId: target.id, targetTrackingCode: target.trackingCode },
      };
    }
    case 'close':
      return { ...base, note: cmd.note, patch: { closedAt: now, stageDeadline: NEVER } };
    case 'closeUnresolved':
      await repo.deactivateDispatches(tx.db, m.id);
      return {
        ...base,
        note: cmd.reason,
        publicNote: cmd.reason,
        patch: { closeReason: cmd.reason, closedAt: now, stageDeadline: NEVER },
        data: { reason: cmd.reason },
      };
    case 'pause':
      return { ...base, note: cmd.reason, patch: { pausedAt: now, pausedReason: cmd.reason }, data: { reason: cmd.reason } };
    case 'resume': {
      const paused = m.pausedAt as Date;
      const shifted = shiftForPause({ respondBy: m.respondBy, resolveBy: m.resolveBy, stageDeadline: m.stageDeadline }, paused, now);
      await repo.shiftDispatchDeadlines(tx.db, m.id, now.getTime() - paused.getTime());
      return { ...base, note: cmd.note, patch: { ...shifted, pausedAt: null, pausedReason: null }, data: { pausedMs: now.getTime() - paused.getTime() } };
    }
    default: {
      const unreachable: never = cmd;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Applies one command to a matter in one transaction. `version` is what the client saw: a matter
 * changed since answers 409 CONFLICT, so of two concurrent transitions exactly one wins.
 */
export async function act(ctx: Ctx, id: number, cmd: MatterCommand, version: number) {
  const actor = requireActor(ctx);
  if (!matterActorOf(actor.role)) throw new AppError('FORBIDDEN', { permission: 'matter:handle' });
  return inTransaction(ctx, async (tx) => {
    const { m, dispatches } = await loadReadable(tx, id);
    if (m.version !== version) throw new AppError('CONFLICT', {}, { field: 'version' });
    const r = actRefusal(actor, m, cmd.action, { now: tx.clock.now(), dispatches });
    if (r) throw r.kind === 'machine' ? refuse(r.refusal) : scopeError(r, cmd.action, m.state);
    const updated = await writeTransition(tx, m, await plan(tx, actor, m, cmd));
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}

/** The same path for the resident (tracking code) and the sweep (system): no logged-in actor. */
export async function actAnonymously(tx: Ctx, m: MatterRow, cmd: MatterCommand, as: 'resident' | 'system', extra: Partial<TransitionWrite> = {}) {
  const r = refusal(m, cmd.action, as, tx.clock.now(), DEFAULT_LIMITS);
  if (r) throw refuse(r);
  const w = await plan(tx, null, m, cmd);
  return writeTransition(tx, m, { ...w, ...extra, patch: { ...w.patch, ...(extra.patch ?? {}) }, actorKind: as });
}
