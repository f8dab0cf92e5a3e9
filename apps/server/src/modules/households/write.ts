import { beijingDate, normalizePhone, normalizeText, type Tier, textOrNull } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission } from '../../platform/context';
import { AppError, type ErrorDetail, validationError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { loadHousehold, resolvePlacement } from './access';
import { emitHouseholdChange } from './events';
import { auditView } from './presenter';
import * as repo from './repository';
import { getHousehold } from './service';
import { HEAD, parseTags, type ResidentInput, type ResidentValue, validateResident, validateTags } from './validate';

export interface HouseholdInput {
  unitCode: string;
  address: string;
  householdNo?: string | null;
  phone?: string | null;
  tags?: string[];
  notes?: string | null;
  tier: Tier;
  tierCategory?: string | null;
  residents: ResidentInput[];
}

function throwIf(errors: ErrorDetail[]) {
  if (errors.length) throw validationError(errors);
}

function householdPhone(raw: string | null | undefined, errors: ErrorDetail[]): string | null {
  if (!textOrNull(raw)) return null;
  const p = normalizePhone(raw);
  if (!p.ok) errors.push({ field: 'phone', zh: p.zh, en: p.en });
  return p.ok ? p.value : null;
}

function requireAddress(raw: string, errors: ErrorDetail[]): string {
  const address = normalizeText(raw);
  if (!address) errors.push({ field: 'address', zh: '住址不能为空', en: 'the address is empty' });
  return address;
}

/** ID numbers must be unique in the request and in the register (409 naming the field). */
async function checkIdNumbers(ctx: Ctx, values: { value: ResidentValue; field: string }[], exceptResidentId?: number) {
  const seen = new Map<string, string>();
  const dup: ErrorDetail[] = [];
  for (const { value, field } of values) {
    if (!value.idNumber) continue;
    const first = seen.get(value.idNumber);
    if (first) dup.push({ field, zh: `身份证号与 ${first} 重复`, en: `the ID number repeats ${first}` });
    else seen.set(value.idNumber, field);
  }
  throwIf(dup);
  const taken = await repo.takenIdNumbers(ctx.db, [...seen.keys()], exceptResidentId);
  const hit = values.find((v) => v.value.idNumber && taken.has(v.value.idNumber));
  if (hit) throw new AppError('ID_NUMBER_TAKEN', { field: hit.field }, { field: hit.field });
}

export async function createHousehold(ctx: Ctx, input: HouseholdInput) {
  requirePermission(ctx, 'household:write');
  const today = beijingDate(ctx.clock.now());
  const errors: ErrorDetail[] = [];
  const address = requireAddress(input.address, errors);
  const phone = householdPhone(input.phone, errors);
  const tags = parseTags(input.tags ?? []);
  errors.push(...validateTags(tags, 'tags'));
  const members = input.residents.map((r, i) => {
    const fields = Object.fromEntries(Object.keys(r).map((k) => [k, `residents.${i}.${k}`]));
    const checked = validateResident(r, today, { ...fields, name: `residents.${i}.name`, relation: `residents.${i}.relation` });
    errors.push(...checked.errors);
    return { value: checked.value, field: `residents.${i}.idNumber` };
  });
  const heads = members.filter((m) => m.value.relation === HEAD);
  return inTransaction(ctx, async (tx) => {
    await resolvePlacement(tx, input.unitCode);
    throwIf(errors);
    if (heads.length !== 1) throw new AppError('HOUSEHOLD_HEAD', {}, { field: 'residents' });
    await checkIdNumbers(tx, members);
    const head = heads[0]!.value;
    const now = tx.clock.now();
    const household = await repo.insertHousehold(tx.db, {
      unitCode: input.unitCode,
      householdNo: textOrNull(input.householdNo),
      address,
      headName: head.name,
      phone: phone ?? head.phone,
      tier: input.tier,
      tierCategory: textOrNull(input.tierCategory),
      tags,
      notes: textOrNull(input.notes),
      createdAt: now,
      updatedAt: now,
    });
    const rows = await repo.insertResidents(
      tx.db,
      members.map((m) => ({ ...m.value, householdId: household.id, createdAt: now, updatedAt: now })),
    );
    if (household.tier !== 'blue') {
      await repo.insertTierChanges(tx.db, [
        {
          householdId: household.id,
          fromTier: null,
          toTier: household.tier,
          category: household.tierCategory,
          reason: '建档',
          changedBy: tx.actor?.userId ?? null,
          changedAt: now,
        },
      ]);
    }
    await recordAudit(tx, {
      action: 'household.create',
      entityType: 'household',
      entityId: household.id,
      unitCode: household.unitCode,
      after: auditView(household, rows),
    });
    await emitHouseholdChange(tx, { kind: 'create', households: [household] });
    return getHousehold(tx, household.id);
  });
}

export interface HouseholdPatch {
  unitCode?: string;
  address?: string;
  householdNo?: string | null;
  phone?: string | null;
  tags?: string[];
  notes?: string | null;
}

export async function updateHousehold(ctx: Ctx, id: number, patch: HouseholdPatch) {
  requirePermission(ctx, 'household:write');
  return inTransaction(ctx, async (tx) => {
    const { household: before } = await loadHousehold(tx, id);
    const errors: ErrorDetail[] = [];
    const set: Parameters<typeof repo.updateHousehold>[2] = { updatedAt: tx.clock.now() };
    if (patch.unitCode !== undefined && patch.unitCode !== before.unitCode) {
      await resolvePlacement(tx, patch.unitCode);
      set.unitCode = patch.unitCode;
    }
    if (patch.address !== undefined) set.address = requireAddress(patch.address, errors);
    if (patch.householdNo !== undefined) set.householdNo = textOrNull(patch.householdNo);
    if (patch.phone !== undefined) set.phone = householdPhone(patch.phone, errors);
    if (patch.tags !== undefined) {
      set.tags = parseTags(patch.tags);
      errors.push(...validateTags(set.tags, 'tags'));
    }
    if (patch.notes !== undefined) set.notes = textOrNull(patch.notes);
    throwIf(errors);
    const after = await repo.updateHousehold(tx.db, id, set);
    await recordAudit(tx, {
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      unitCode: after.unitCode,
      before: auditView(before),
      after: auditView(after),
    });
    await emitHouseholdChange(tx, { kind: 'update', households: [after] });
    return getHousehold(tx, id);
  });
}

export async function deleteHousehold(ctx: Ctx, id: number) {
  requirePermission(ctx, 'household:write');
  await inTransaction(ctx, async (tx) => {
    const { household } = await loadHousehold(tx, id);
    const members = await repo.findResidents(tx.db, id);
    await repo.deleteHousehold(tx.db, id);
    await recordAudit(tx, {
      action: 'household.delete',
      entityType: 'household',
      entityId: id,
      unitCode: household.unitCode,
      before: auditView(household, members),
    });
    await emitHouseholdChange(tx, { kind: 'delete', households: [household] });
  });
}

/** Changes the tier (and its finer category) with a reason: history row + audit, one transaction. */
export async function changeTier(ctx: Ctx, id: number, input: { tier: Tier; category?: string | null; reason: string }) {
  requirePermission(ctx, 'household:write');
  return inTransaction(ctx, async (tx) => {
    const { household } = await loadHousehold(tx, id);
    const category = textOrNull(input.category);
    if (household.tier === input.tier && household.tierCategory === category) throw new AppError('TIER_UNCHANGED', {}, { field: 'tier' });
    const now = tx.clock.now();
    const reason = normalizeText(input.reason);
    const after = await repo.updateHousehold(tx.db, id, { tier: input.tier, tierCategory: category, updatedAt: now });
    await repo.insertTierChanges(tx.db, [
      { householdId: id, fromTier: household.tier, toTier: input.tier, category, reason, changedBy: tx.actor?.userId ?? null, changedAt: now },
    ]);
    await recordAudit(tx, {
      action: 'household.tier',
      entityType: 'household',
      entityId: id,
      unitCode: household.unitCode,
      before: { tier: household.tier, tierCategory: household.tierCategory },
      after: { tier: input.tier, tierCategory: category, reason },
    });
    await emitHouseholdChange(tx, { kind: 'tier', households: [after] });
    return getHousehold(tx, id);
  });
}
