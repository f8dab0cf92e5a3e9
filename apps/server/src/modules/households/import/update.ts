/**
 * Import as an update (issue 10 item 18): a planned household whose head's ID number is already the
 * head of a household inside the target is an update of that household, not a new one. The change
 * is worked out field by field (before → after) for the dry run's preview and applied as is.
 *
 * A blank cell never erases: only columns the file has, with a value, change a field. Members are
 * matched by ID number (or, without one, by name); members the file does not list stay.
 */
import { isWithin, maskIdNumber, maskPhone, type Tier, TIER_LABEL } from '@jiceng/shared';
import type { Executor } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { emitHouseholdChange } from '../events';
import * as repo from '../repository';
import type { ResidentValue } from '../validate';
import type { ColumnKey } from './columns';
import type { PlannedHousehold } from './validate';

export interface FieldChange {
  field: ColumnKey;
  column: string;
  /** The member the change is about (null: the household). */
  member: string | null;
  before: string | null;
  after: string | null;
}

export interface PlannedUpdate {
  row: number;
  householdId: number;
  headName: string;
  changes: FieldChange[];
  household: Partial<typeof import('../tables').households.$inferInsert>;
  tier: { from: Tier; to: Tier; category: string | null } | null;
  members: { id: number; patch: Partial<ResidentValue> }[];
  added: (ResidentValue & { row: number })[];
  unitCode: string;
}

export interface UpdateView {
  columnName(key: ColumnKey): string;
  has(key: ColumnKey): boolean;
}

const MEMBER_FIELDS: ColumnKey[] = [
  'name',
  'relation',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'phone',
  'politicalStatus',
  'occupation',
  'livingStatus',
];
const GENDER_ZH = { male: '男', female: '女' } as const;

function shown(field: ColumnKey, value: unknown, reveal: boolean): string | null {
  if (value == null || value === '') return null;
  if (field === 'gender') return GENDER_ZH[value as 'male' | 'female'] ?? String(value);
  if (reveal) return String(value);
  if (field === 'idNumber') return maskIdNumber(String(value));
  if (field === 'phone') return maskPhone(String(value));
  // The birth date is the masked middle of the ID number: one who may not reveal never sees it.
  if (field === 'birthDate') return '****-**-**';
  return String(value);
}

/**
 * Splits the plan into new households and updates. `allowed` are the ID numbers the file may repeat
 * because they belong to the household it updates; any other registered number (a head registered
 * outside the target, a member of another household) stays "already in the register".
 */
export async function planUpdates(
  db: Executor,
  input: { targetCode: string; planned: PlannedHousehold[]; view: UpdateView; reveal: boolean; groupNames: Map<string, string> },
) {
  const { planned, view, reveal } = input;
  const headIds = planned.map((p) => p.residents.find((r) => r.relation === '户主')?.idNumber).filter((x): x is string => !!x);
  const heads = await repo.headsByIdNumber(db, headIds);
  const existing = new Map((await repo.householdsWithMembers(db, [...new Set(heads.values())])).map((e) => [e.household.id, e]));
  const creates: PlannedHousehold[] = [];
  const updates: PlannedUpdate[] = [];
  const allowed = new Set<string>();
  for (const p of planned) {
    const head = p.residents.find((r) => r.relation === '户主');
    const found = head?.idNumber ? existing.get(heads.get(head.idNumber) ?? -1) : undefined;
    if (!found) {
      creates.push(p);
      continue;
    }
    if (!isWithin(found.household.unitCode, input.targetCode)) continue; // stays "already in the register"
    const h = found.household;
    const changes: FieldChange[] = [];
    const household: PlannedUpdate['household'] = {};
    const change = (field: ColumnKey, member: string | null, before: unknown, after: unknown) =>
      changes.push({ field, column: view.columnName(field), member, before: shown(field, before, reveal), after: shown(field, after, reveal) });
    const set = <K extends keyof typeof household>(field: ColumnKey, key: K, after: (typeof household)[K] | null | undefined) => {
      if (!view.has(field) || after == null || after === '' || after === h[key as keyof typeof h]) return;
      household[key] = after;
      change(field, null, h[key as keyof typeof h], after);
    };
    if (view.has('groupName') && p.unitCode !== h.unitCode) {
      household.unitCode = p.unitCode;
      changes.push({
        field: 'groupName',
        column: view.columnName('groupName'),
        member: null,
        before: input.groupNames.get(h.unitCode) ?? h.unitCode,
        after: input.groupNames.get(p.unitCode) ?? p.unitCode,
      });
    }
    set('address', 'address', p.address);
    set('householdNo', 'householdNo', p.householdNo);
    // The household's phone is the head's (a new household borrows a member's; an update does not).
    set('phone', 'phone', head?.phone);
    set('notes', 'notes', p.notes);
    if (view.has('tags') && p.tags.length && p.tags.join('、') !== h.tags.join('、')) {
      household.tags = p.tags;
      change('tags', null, h.tags.join('、'), p.tags.join('、'));
    }
    let tier: PlannedUpdate['tier'] = null;
    if (p.tierGiven && (p.tier !== h.tier || (p.tierCategory && p.tierCategory !== h.tierCategory))) {
      tier = { from: h.tier, to: p.tier, category: p.tierCategory };
      household.tier = p.tier;
      household.tierCategory = p.tierCategory;
      change('tier', null, h.tierCategory ?? TIER_LABEL[h.tier].category, p.tierCategory ?? TIER_LABEL[p.tier].category);
    }
    if (p.headName !== h.headName) household.headName = p.headName;
    const members: PlannedUpdate['members'] = [];
    const added: PlannedUpdate['added'] = [];
    const taken = new Set<number>();
    for (const m of p.residents) {
      const old =
        found.residents.find((r) => m.idNumber && r.idNumber === m.idNumber) ??
        (m.idNumber ? undefined : found.residents.find((r) => !taken.has(r.id) && r.name === m.name));
      if (m.idNumber && old) allowed.add(m.idNumber);
      if (!old) {
        added.push(m);
        changes.push({ field: 'name', column: view.columnName('name'), member: m.name, before: null, after: `新增成员（${m.relation}）` });
        continue;
      }
      taken.add(old.id);
      const patch: Partial<ResidentValue> = {};
      for (const f of MEMBER_FIELDS) {
        const key = f as keyof ResidentValue;
        const after = m[key];
        if (!view.has(f) && f !== 'gender' && f !== 'birthDate') continue;
        if (after == null || after === '' || after === old[key as keyof typeof old]) continue;
        (patch as Record<string, unknown>)[key] = after;
        change(f, old.name, old[key as keyof typeof old], after);
      }
      if (patch.politicalStatus !== undefined) patch.partyMember = m.partyMember;
      if (Object.keys(patch).length) members.push({ id: old.id, patch });
    }
    if (changes.length || Object.keys(household).length)
      updates.push({ row: p.firstRow, householdId: h.id, headName: p.headName, changes, household, tier, members, added, unitCode: p.unitCode });
  }
  return { creates, updates, allowed };
}

/** Writes the updates on the caller's transaction. */
export async function applyUpdates(ctx: Ctx, updates: PlannedUpdate[], reason: string): Promise<void> {
  const now = ctx.clock.now();
  const changed: { id: number; unitCode: string; tier: Tier }[] = [];
  for (const u of updates) {
    const after = await repo.updateHousehold(ctx.db, u.householdId, { ...u.household, updatedAt: now });
    if (u.tier)
      await repo.insertTierChanges(ctx.db, [
        {
          householdId: u.householdId,
          fromTier: u.tier.from,
          toTier: u.tier.to,
          category: u.tier.category,
          reason,
          changedBy: ctx.actor?.userId ?? null,
          changedAt: now,
        },
      ]);
    for (const m of u.members) await repo.updateResident(ctx.db, m.id, { ...m.patch, updatedAt: now });
    await repo.insertResidents(
      ctx.db,
      u.added.map(({ row: _row, ...m }) => ({ ...m, householdId: u.householdId, createdAt: now, updatedAt: now })),
    );
    changed.push({ id: after.id, unitCode: after.unitCode, tier: after.tier });
  }
  await emitHouseholdChange(ctx, { kind: 'update', households: changed });
}
