import { CODE_LENGTH, isWithin, levelOfCode, nextChildCode, type UnitLevel } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { findUserForPost, moveUserToUnit } from '../accounts/service';
import { holdingsChecks } from './holdings';
import { presentSummary, presentUnit } from './presenter';
import * as repo from './repository';

const LEVEL_ZH: Record<UnitLevel, string> = { district: '区（县）', township: '乡镇（街道）', village: '村（社区）', zone: '片', group: '组' };

function parseCode(code: string, field = 'code'): UnitLevel {
  const level = levelOfCode(code);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code }, { field });
  return level;
}

/** A unit inside the actor's subtree, or a clear refusal (403 outside, 404 missing). */
async function loadInScope(ctx: Ctx, code: string, field = 'code') {
  parseCode(code, field);
  requireScope(ctx, code, field);
  const unit = await repo.findUnit(ctx.db, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code }, { field });
  return unit;
}

/** The breadcrumb from the top of the tree down to `code` (ancestors are never sideways). */
async function pathOf(ctx: Ctx, code: string) {
  const level = parseCode(code);
  const lengths = Object.values(CODE_LENGTH).filter((n) => n <= CODE_LENGTH[level]);
  return repo.findUnits(
    ctx.db,
    lengths.map((n) => code.slice(0, n)),
  );
}

export async function getUnit(ctx: Ctx, code: string) {
  requirePermission(ctx, 'unit:read');
  await loadInScope(ctx, code);
  const [row, children, path] = await Promise.all([repo.findUnitSummary(ctx.db, code), repo.findChildren(ctx.db, code), pathOf(ctx, code)]);
  if (!row) throw new AppError('UNIT_NOT_FOUND', { code }, { field: 'code' });
  return presentUnit(row, path, children);
}

/** With a query: matching units in scope. Without: the actor's own unit (or the roots, for a system admin). */
export async function searchUnits(ctx: Ctx, q: string | undefined, limit: number) {
  const actor = requirePermission(ctx, 'unit:read');
  if (q) return (await repo.searchUnits(ctx.db, scopeOf(ctx), q, limit)).map(presentSummary);
  if (actor.unitCode === null) return (await repo.findRoots(ctx.db)).map(presentSummary);
  const own = await repo.findUnitSummary(ctx.db, actor.unitCode);
  return own ? [presentSummary(own)] : [];
}

const CHILD_OF: Partial<Record<UnitLevel, UnitLevel>> = { village: 'zone', zone: 'group' };

export async function createUnit(ctx: Ctx, input: { parentCode: string; name: string }) {
  requirePermission(ctx, 'unit:write');
  return inTransaction(ctx, async (tx) => {
    const parent = await loadInScope(tx, input.parentCode, 'parentCode');
    const level = CHILD_OF[parent.level];
    if (!level) {
      throw new AppError(
        'UNIT_PARENT_LEVEL',
        { child: '片或组', parent: '村（社区）或片', childEn: 'zone or group', parentEn: 'village or zone' },
        { field: 'parentCode' },
      );
    }
    if (await repo.nameTaken(tx.db, parent.code, input.name)) throw new AppError('UNIT_NAME_TAKEN', { name: input.name }, { field: 'name' });
    const code = nextChildCode(parent.code, await repo.childCodes(tx.db, parent.code));
    if (!code) throw new AppError('UNIT_FULL', { name: parent.name }, { field: 'parentCode' });
    const now = tx.clock.now();
    const unit = await repo.insertUnit(tx.db, { code, parentCode: parent.code, level, name: input.name, createdAt: now, updatedAt: now });
    await recordAudit(tx, { action: 'unit.create', entityType: 'unit', entityId: code, unitCode: code, after: unit });
    return getUnit(tx, code);
  });
}

async function loadEditable(ctx: Ctx, code: string) {
  const unit = await loadInScope(ctx, code);
  if (unit.level !== 'zone' && unit.level !== 'group') throw new AppError('UNIT_NOT_EDITABLE', {}, { field: 'code' });
  return unit;
}

export async function renameUnit(ctx: Ctx, code: string, input: { name: string }) {
  requirePermission(ctx, 'unit:write');
  return inTransaction(ctx, async (tx) => {
    const unit = await loadEditable(tx, code);
    if (unit.name === input.name) return getUnit(tx, code);
    if (await repo.nameTaken(tx.db, unit.parentCode as string, input.name, code))
      throw new AppError('UNIT_NAME_TAKEN', { name: input.name }, { field: 'name' });
    const after = await repo.updateUnit(tx.db, code, { name: input.name, updatedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'unit.rename',
      entityType: 'unit',
      entityId: code,
      unitCode: code,
      before: { name: unit.name },
      after: { name: after.name },
    });
    return getUnit(tx, code);
  });
}

export async function deleteUnit(ctx: Ctx, code: string) {
  requirePermission(ctx, 'unit:write');
  await inTransaction(ctx, async (tx) => {
    const unit = await loadEditable(tx, code);
    const summary = await repo.findUnitSummary(tx.db, code);
    const holdings = [
      { zh: '下级单位', en: 'sub-units', n: summary?.childCount ?? 0 },
      { zh: '账号', en: 'user accounts', n: summary?.userCount ?? 0 },
    ];
    for (const check of holdingsChecks()) holdings.push({ zh: check.zh, en: check.en, n: await check.count(tx, code) });
    const held = holdings.filter((h) => h.n > 0);
    if (held.length) {
      throw new AppError(
        'UNIT_NOT_EMPTY',
        { name: unit.name, what: held.map((h) => `${h.n} 个${h.zh}`).join('、'), whatEn: held.map((h) => `${h.n} ${h.en}`).join(', ') },
        { field: 'code' },
      );
    }
    await repo.deleteUnit(tx.db, code);
    await recordAudit(tx, { action: 'unit.delete', entityType: 'unit', entityId: code, unitCode: code, before: unit });
  });
}

/** Moves a group to another zone of its village; its code changes and references follow (ON UPDATE CASCADE). */
export async function moveGroup(ctx: Ctx, code: string, input: { zoneCode: string }) {
  requirePermission(ctx, 'unit:write');
  return inTransaction(ctx, async (tx) => {
    const group = await loadEditable(tx, code);
    if (group.level !== 'group') throw new AppError('UNIT_MOVE_VILLAGE', {}, { field: 'code' });
    const zone = await loadInScope(tx, input.zoneCode, 'zoneCode');
    if (zone.level !== 'zone' || zone.code.slice(0, CODE_LENGTH.village) !== code.slice(0, CODE_LENGTH.village)) {
      throw new AppError('UNIT_MOVE_VILLAGE', {}, { field: 'zoneCode' });
    }
    if (group.parentCode === zone.code) return getUnit(tx, code);
    if (await repo.nameTaken(tx.db, zone.code, group.name)) throw new AppError('UNIT_NAME_TAKEN', { name: group.name }, { field: 'zoneCode' });
    const newCode = nextChildCode(zone.code, await repo.childCodes(tx.db, zone.code));
    if (!newCode) throw new AppError('UNIT_FULL', { name: zone.name }, { field: 'zoneCode' });
    await repo.updateUnit(tx.db, code, { code: newCode, parentCode: zone.code, updatedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'unit.move',
      entityType: 'unit',
      entityId: newCode,
      unitCode: newCode,
      before: { code, parentCode: group.parentCode },
      after: { code: newCode, parentCode: zone.code },
    });
    return getUnit(tx, newCode);
  });
}

const POST_ROLE = { zone: 'zoneLeader', group: 'groupLeader' } as const;

/** Appoints (or replaces, or with null vacates) the leader of a zone or group. */
export async function appointLeader(ctx: Ctx, code: string, input: { userId: number | null }) {
  requirePermission(ctx, 'unit:appoint');
  return inTransaction(ctx, async (tx) => {
    const unit = await loadEditable(tx, code);
    const role = POST_ROLE[unit.level as 'zone' | 'group'];
    if (input.userId !== null) {
      const user = await findUserForPost(tx, input.userId);
      const village = code.slice(0, CODE_LENGTH.village);
      if (!user || user.role !== role || !user.unitCode || !isWithin(user.unitCode, village)) {
        const reason = !user ? '用户不存在' : user.role !== role ? `须为${role === 'zoneLeader' ? '片长' : '组长'}账号` : '须属于本村（社区）';
        const reasonEn = !user ? 'no such user' : user.role !== role ? `must be a ${role} account` : 'must belong to this village';
        throw new AppError('LEADER_INVALID', { field: 'userId', reason, reasonEn }, { field: 'userId' });
      }
      if (user.unitCode !== code) await moveUserToUnit(tx, user.id, code);
    }
    await repo.updateUnit(tx.db, code, { leaderUserId: input.userId, updatedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'unit.appointLeader',
      entityType: 'unit',
      entityId: code,
      unitCode: code,
      before: { leaderUserId: unit.leaderUserId },
      after: { leaderUserId: input.userId },
    });
    return getUnit(tx, code);
  });
}

export { LEVEL_ZH };
