import { CODE_LENGTH, isWithin, LEADER_ROLE, levelOfCode, nextChildCode, ROLE_NAME_ZH, type UnitLevel } from '@jiceng/shared';
import { type Ctx, inTransaction, readAll, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { FOREIGN_KEY_VIOLATION, pgErrorOf, UNIQUE_VIOLATION } from '../../db/errors';
import { recordAudit } from '../audit/service';
import { findUserForPost, moveUserToUnit } from '../accounts/service';
import { holdingsChecks } from './holdings';
import { presentSummary, presentUnit } from './presenter';
import * as repo from './repository';

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
  const [row, children, path] = await readAll(ctx, [
    () => repo.findUnitSummary(ctx.db, code),
    () => repo.findChildren(ctx.db, code),
    () => pathOf(ctx, code),
  ] as const);
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
    const now = tx.clock.now();
    const unit = await claimChildCode(tx, parent, input.name, { name: 'name', parent: 'parentCode' }, (sp, code) =>
      repo.insertUnit(sp.db, { code, parentCode: parent.code, level, name: input.name, createdAt: now, updatedAt: now }),
    );
    await recordAudit(tx, { action: 'unit.create', entityType: 'unit', entityId: unit.code, unitCode: unit.code, after: unit });
    return getUnit(tx, unit.code);
  });
}

/**
 * Writes a new child of `parent` named `name` under the parent's next free code, in a savepoint.
 * Two cadres adding to one parent at once both see the same free code (and maybe the same name);
 * the later writer's unique violation becomes UNIT_NAME_TAKEN, or one more try with the next code.
 */
async function claimChildCode<T>(
  tx: Ctx,
  parent: { code: string; name: string },
  name: string,
  fields: { name: string; parent: string },
  write: (sp: Ctx, code: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (await repo.nameTaken(tx.db, parent.code, name)) throw new AppError('UNIT_NAME_TAKEN', { name }, { field: fields.name });
    const code = nextChildCode(parent.code, await repo.childCodes(tx.db, parent.code));
    if (!code) throw new AppError('UNIT_FULL', { name: parent.name }, { field: fields.parent });
    try {
      return await inTransaction(tx, (sp) => write(sp, code));
    } catch (err) {
      const pg = pgErrorOf(err);
      if (pg?.code !== UNIQUE_VIOLATION) throw err;
      if (pg.constraint === 'units_parent_name') throw new AppError('UNIT_NAME_TAKEN', { name }, { field: fields.name });
      // Each lost race means another writer committed a child meanwhile: a few cadres at once lose a
      // few times (three was too few for five concurrent creates); only a storm ends in CONFLICT.
      if (pg.constraint !== 'units_pkey' || attempt === 10) throw new AppError('CONFLICT');
    }
  }
}

/** A concurrent rename or create that took the name first: its unique index answers for nameTaken. */
function nameRace(err: unknown, name: string, field: string): unknown {
  const pg = pgErrorOf(err);
  return pg?.code === UNIQUE_VIOLATION && pg.constraint === 'units_parent_name' ? new AppError('UNIT_NAME_TAKEN', { name }, { field }) : err;
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
    const after = await repo.updateUnit(tx.db, code, { name: input.name, updatedAt: tx.clock.now() }).catch((err) => {
      throw nameRace(err, input.name, 'name');
    });
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
      { zh: '个下级单位', en: 'sub-units', n: summary?.childCount ?? 0 },
      { zh: '个账号', en: 'user accounts', n: summary?.userCount ?? 0 },
    ];
    for (const check of holdingsChecks()) holdings.push({ zh: check.zh, en: check.en, n: await check.count(tx, code) });
    const held = holdings.filter((h) => h.n > 0);
    if (held.length) {
      throw new AppError(
        'UNIT_NOT_EMPTY',
        { name: unit.name, what: held.map((h) => `${h.n} ${h.zh}`).join('、'), whatEn: held.map((h) => `${h.en}: ${h.n}`).join('; ') },
        { field: 'code' },
      );
    }
    await repo.deleteUnit(tx.db, code).catch((err) => {
      // A backstop for a reference no holdings check counts (or one added since the count).
      if (pgErrorOf(err)?.code !== FOREIGN_KEY_VIOLATION) throw err;
      throw new AppError('UNIT_NOT_EMPTY', { name: unit.name, what: '其他记录', whatEn: 'references from other tables' }, { field: 'code' });
    });
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
    const now = tx.clock.now();
    const newCode = await claimChildCode(tx, zone, group.name, { name: 'zoneCode', parent: 'zoneCode' }, async (sp, free) => {
      await repo.updateUnit(sp.db, code, { code: free, parentCode: zone.code, updatedAt: now });
      return free;
    });
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

/** Appoints (or replaces, or with null vacates) the leader of a zone or group. */
export async function appointLeader(ctx: Ctx, code: string, input: { userId: number | null }) {
  requirePermission(ctx, 'unit:appoint');
  return inTransaction(ctx, async (tx) => {
    const unit = await loadEditable(tx, code);
    const role = LEADER_ROLE[unit.level as 'zone' | 'group'];
    if (input.userId !== null) {
      const user = await findUserForPost(tx, input.userId);
      const village = code.slice(0, CODE_LENGTH.village);
      if (!user || user.role !== role || !user.unitCode || !isWithin(user.unitCode, village)) {
        const reason = !user ? '用户不存在' : user.role !== role ? `须为${ROLE_NAME_ZH[role]}账号` : '须属于本村（社区）';
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
