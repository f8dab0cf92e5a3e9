import type { Ctx } from '../../../platform/context';
import { emitHouseholdChange } from '../events';
import type { ResidentValue } from '../validate';
import * as repo from '../repository';
import type { PlannedHousehold } from './validate';

const BATCH = 1000;

/**
 * Inserts planned households in batches of 1000: one statement for the households, one for all
 * their residents, one for the tier history of red and yellow ones; on the caller's transaction,
 * so all of it or nothing.
 */
export async function writeHouseholds(ctx: Ctx, planned: PlannedHousehold[], reason: string, onProgress?: (done: number) => void): Promise<void> {
  const now = ctx.clock.now();
  const changedBy = ctx.actor?.userId ?? null;
  for (let i = 0; i < planned.length; i += BATCH) {
    const slice = planned.slice(i, i + BATCH);
    const ids = await insertBatch(ctx, slice, now);
    const householdIds: number[] = [];
    const members: ResidentValue[] = [];
    const tiers: { householdId: number; toTier: string; category: string | null }[] = [];
    slice.forEach((h, j) => {
      const id = ids[j] as number;
      for (const r of h.residents) {
        householdIds.push(id);
        members.push(r);
      }
      if (h.tier !== 'blue') tiers.push({ householdId: id, toTier: h.tier, category: h.tierCategory });
    });
    await repo.bulkInsertResidents(ctx.db, householdIds, members, now);
    await repo.bulkInsertTierChanges(ctx.db, tiers, { reason, changedBy, now });
    await emitHouseholdChange(ctx, {
      kind: 'import',
      households: slice.map((h, j) => ({ id: ids[j] as number, unitCode: h.unitCode, tier: h.tier })),
    });
    onProgress?.(i + slice.length);
  }
}

async function insertBatch(ctx: Ctx, slice: PlannedHousehold[], now: Date): Promise<number[]> {
  return repo.bulkInsertHouseholds(
    ctx.db,
    slice.map((h) => ({
      unitCode: h.unitCode,
      householdNo: h.householdNo,
      address: h.address,
      headName: h.headName,
      phone: h.phone,
      tier: h.tier,
      tierCategory: h.tierCategory,
      tags: h.tags,
      notes: h.notes,
      createdAt: now,
      updatedAt: now,
    })),
    now,
  );
}
