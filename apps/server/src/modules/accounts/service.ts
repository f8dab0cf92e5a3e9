import { can, isWithin, levelOfCode, mayManageRole, PERMISSIONS, type Role, ROLE_LEVEL, roleFitsLevel, UNIT_LEVEL_ZH } from '@jiceng/shared';
import { type Actor, type Ctx, inTransaction, requireActor, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { actorOf, dropSessionsOf } from './sessions';
import * as repo from './repository';
import type { UserInsert, UserRow } from './repository';
import { beginAttempt, succeeded } from './throttle';
import type { UserOut } from './schemas';

export { userIdsAtPairs } from './repository';

export function presentUser(row: UserRow, now: Date): UserOut {
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitCode: u.unitCode,
    unitName: row.unitName,
    departmentId: u.departmentId,
    departmentName: row.departmentName,
    phone: u.phone,
    status: u.status,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function me(ctx: Ctx, demo: boolean) {
  const actor = requireActor(ctx);
  const row = await repo.findUserRow(ctx.db, actor.userId);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: row.user.displayName,
    role: actor.role,
    unitCode: actor.unitCode,
    unitName: row.unitName,
    departmentId: actor.departmentId,
    departmentName: row.departmentName,
    permissions: PERMISSIONS.filter((p) => can(actor.role, p)),
    mustChangePassword: row.user.mustChangePassword,
    demo,
  };
}

export async function listUsers(ctx: Ctx, q: { unitCode?: string; role?: Role; q?: string; offset: number; limit: number }) {
  requirePermission(ctx, 'user:read');
  if (q.unitCode) requireScope(ctx, q.unitCode);
  const prefix = q.unitCode ?? scopeOf(ctx);
  const { rows, total } = await repo.listUserRows(ctx.db, { prefix, role: q.role, q: q.q, offset: q.offset, limit: q.limit });
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentUser(r, now)), total };
}

async function loadManageable(ctx: Ctx, id: number) {
  const actor = requirePermission(ctx, 'user:write');
  const row = await repo.findUserRow(ctx.db, id);
  if (!row || !isWithin(row.user.unitCode ?? '', actor.unitCode) || (row.user.unitCode === null && actor.unitCode !== null)) {
    throw new AppError('USER_NOT_FOUND', { id }, { field: 'id' });
  }
  if (row.user.id !== actor.userId && !mayManageRole(actor.role, row.user.role))
    throw new AppError('ROLE_NOT_ALLOWED', { role: row.user.role }, { field: 'role' });
  return row;
}

export async function getUser(ctx: Ctx, id: number) {
  requirePermission(ctx, 'user:read');
  const row = await repo.findUserRow(ctx.db, id);
  if (!row || !isWithin(row.user.unitCode ?? '', requireActor(ctx).unitCode) || (row.user.unitCode === null && requireActor(ctx).unitCode !== null)) {
    throw new AppError('USER_NOT_FOUND', { id }, { field: 'id' });
  }
  return presentUser(row, ctx.clock.now());
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string | null;
  departmentId?: number | null;
  phone?: string | null;
}

export async function createUser(ctx: Ctx, input: CreateUserInput) {
  const actor = requirePermission(ctx, 'user:write');
  if (!mayManageRole(actor.role, input.role)) throw new AppError('ROLE_NOT_ALLOWED', { role: input.role }, { field: 'role' });
  checkPasswordPolicy(input.password, input.username, 'password');
  const level = input.unitCode ? levelOfCode(input.unitCode) : null;
  if (input.unitCode === null && input.role !== 'admin')
    throw new AppError('ROLE_UNIT_MISMATCH', { role: input.role, level: '一个单位' }, { field: 'unitCode' });
  if (input.unitCode !== null) {
    if (!level) throw new AppError('UNIT_CODE_INVALID', { code: input.unitCode }, { field: 'unitCode' });
    requireScope(ctx, input.unitCode);
  } else requireScope(ctx, '', 'unitCode');
  const expected = ROLE_LEVEL[input.role];
  if (expected && !roleFitsLevel(input.role, level))
    throw new AppError('ROLE_UNIT_MISMATCH', { role: input.role, level: UNIT_LEVEL_ZH[expected] }, { field: 'unitCode' });
  return inTransaction(ctx, async (tx) => {
    if (input.unitCode) {
      if (!(await repo.unitExists(tx.db, input.unitCode))) throw new AppError('UNIT_NOT_FOUND', { code: input.unitCode }, { field: 'unitCode' });
    }
    let departmentId: number | null = null;
    if (input.role === 'department') {
      if (!input.departmentId) throw new AppError('DEPARTMENT_REQUIRED', {}, { field: 'departmentId' });
      const dept = await repo.findDepartment(tx.db, input.departmentId);
      if (!dept || dept.unitCode !== input.unitCode) throw new AppError('DEPARTMENT_NOT_FOUND', { id: input.departmentId }, { field: 'departmentId' });
      departmentId = dept.id;
    }
    if (await repo.usernameTaken(tx.db, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username }, { field: 'username' });
    const now = tx.clock.now();
    const id = await repo.insertUser(tx.db, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unitCode: input.unitCode,
      departmentId,
      phone: input.phone ?? null,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { action: 'user.create', entityType: 'user', entityId: id, unitCode: input.unitCode, after: { ...input, password: undefined } });
    return getUser(tx, id);
  });
}

export async function updateUser(
  ctx: Ctx,
  id: number,
  patch: { displayName?: string; phone?: string | null; status?: 'active' | 'disabled'; password?: string; unlock?: boolean },
) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadManageable(tx, id);
    const actor = requireActor(tx);
    if (row.user.id === actor.userId && patch.status === 'disabled') throw new AppError('SELF_MANAGE', {}, { field: 'status' });
    // A reset needs no current password, so one's own goes through changeOwnPassword instead.
    if (row.user.id === actor.userId && patch.password !== undefined) throw new AppError('OWN_PASSWORD_VIA_CHANGE', {}, { field: 'password' });
    if (patch.password !== undefined) checkPasswordPolicy(patch.password, row.user.username, 'password');
    const set: Partial<UserInsert> = { updatedAt: tx.clock.now() };
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.password !== undefined) Object.assign(set, { passwordHash: await hashPassword(patch.password), mustChangePassword: true });
    if (patch.unlock) Object.assign(set, { lockedUntil: null, failedLogins: 0 });
    await repo.updateUserRow(tx.db, id, set);
    if (patch.status === 'disabled' || patch.password !== undefined) await dropSessionsOf(tx, id);
    const { passwordHash: _h, ...before } = row.user;
    await recordAudit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      unitCode: row.user.unitCode,
      before,
      after: { ...patch, password: patch.password ? '***' : undefined },
    });
    return getUser(tx, id);
  });
}

export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepToken: string) {
  const actor = requireActor(ctx);
  // A stolen session must not become a way to guess the password: wrong current passwords are
  // throttled as wrong logins are, on the same counters.
  beginAttempt(ctx, actor.username);
  const user = await repo.findUserRecord(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(ctx, { action: 'auth.passwordWrong', entityType: 'user', entityId: actor.userId, unitCode: actor.unitCode });
    throw new AppError('PASSWORD_WRONG', {}, { field: 'currentPassword' });
  }
  succeeded(ctx, actor.username);
  checkPasswordPolicy(input.newPassword, actor.username, 'newPassword');
  await inTransaction(ctx, async (tx) => {
    await repo.updateUserRow(tx.db, actor.userId, {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      updatedAt: tx.clock.now(),
    });
    await dropSessionsOf(tx, actor.userId, keepToken);
    await recordAudit(tx, { action: 'user.changePassword', entityType: 'user', entityId: actor.userId, unitCode: actor.unitCode });
  });
}

// Used by org when appointing leaders ------------------------------------------------------

export async function findUserForPost(ctx: Ctx, id: number) {
  const u = await repo.findUserPost(ctx.db, id);
  return u && u.status === 'active' ? u : null;
}

/** Moves an account to another unit, on the caller's transaction. */
export async function moveUserToUnit(ctx: Ctx, id: number, unitCode: string) {
  const before = await repo.findUserUnit(ctx.db, id);
  if (!before) throw new AppError('USER_NOT_FOUND', { id }, { field: 'userId' });
  await repo.updateUserRow(ctx.db, id, { unitCode, updatedAt: ctx.clock.now() });
  await recordAudit(ctx, { action: 'user.move', entityType: 'user', entityId: id, unitCode, before, after: { unitCode } });
}

/** Creates a user without an actor: the CLI's first admin and the demo seed. */
/** `passwordHash` (a hashPassword result) spares hashing again when many accounts share one password (the demo seed). */
export async function createUserUnchecked(ctx: Ctx, input: CreateUserInput & { mustChangePassword?: boolean; passwordHash?: string }) {
  const now = ctx.clock.now();
  const id = await repo.insertUser(ctx.db, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    role: input.role,
    unitCode: input.unitCode,
    departmentId: input.departmentId ?? null,
    phone: input.phone ?? null,
    mustChangePassword: input.mustChangePassword ?? false,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(ctx, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    unitCode: input.unitCode,
    after: { ...input, password: undefined, passwordHash: undefined },
  });
  return id;
}

export function userExists(ctx: Ctx, username: string) {
  return repo.usernameTaken(ctx.db, username);
}

/** An active account as an actor, for work done in its name without a login (the demo sample). */
export async function findActor(ctx: Ctx, username: string): Promise<Actor | null> {
  const row = await repo.findActiveUserByName(ctx.db, username);
  return row ? actorOf(row) : null;
}

/** Active users bound exactly to one of `unitCodes` with one of `roles` (who to notify, who leads). */
export async function findUserIdsAt(ctx: Ctx, input: { unitCodes: string[]; roles: Role[] }): Promise<number[]> {
  if (input.unitCodes.length === 0 || input.roles.length === 0) return [];
  return repo.activeUserIdsAt(ctx.db, input.unitCodes, input.roles);
}

/** Active users of the given departments (who a dispatch notifies). */
export async function findUserIdsInDepartments(ctx: Ctx, departmentIds: number[]): Promise<number[]> {
  if (departmentIds.length === 0) return [];
  return repo.activeUserIdsInDepartments(ctx.db, departmentIds);
}

/** Public facts about users (for presenters of other modules): name, phone, role, unit. */
export async function findUsersBrief(ctx: Ctx, ids: number[]) {
  if (ids.length === 0) return [];
  return repo.usersBrief(ctx.db, ids);
}
