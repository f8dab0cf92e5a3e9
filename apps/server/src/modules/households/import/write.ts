import type { Ctx } from '../../../platform/context';
import { emitHouseholdChange } from '../events';
import * as repo from '../repository';
import type { PlannedHousehold } from './validate';

const BATCH = 1000;

/**
 * Inserts planned households in batches of 1000 (households, then their residents, then tier
 * history for red and yellow ones), on the caller's transaction: all of it or nothing.
 */
export async function writeHouseholds(ctx: Ctx, planned: PlannedHousehold[], reason: string, onProgress?: (done: number) => void): Promise<void> {
  const now = ctx.clock.now();
  const userId = ctx.actor?.userId ?? null;
  for (let i = 0; i < planned.length; i += BATCH) {
    const slice = planned.slice(i, i + BATCH);
    const created = await insertBatch(ctx, slice, now);
    const members = slice.flatMap((h, j) =>
      h.residents.map(({ row: _row, ...r }) => ({ ...r, householdId: created[j] as number, createdAt: now, updatedAt: now })),
    );
    for (let k = 0; k < members.length; k += BATCH) await repo.bulkInsertResidents(ctx.db, members.slice(k, k + BATCH), now);
    const tiers = slice.flatMap((h, j) =>
      h.tier === 'blue'
        ? []
        : [{ householdId: created[j] as number, fromTier: null, toTier: h.tier, category: h.tierCategory, reason, changedBy: userId, changedAt: now }],
    );
    await repo.insertTierChanges(ctx.db, tiers);
    await emitHouseholdChange(ctx, {
      kind: 'import',
      households: slice.map((h, j) => ({ id: created[j] as number, unitCode: h.unitCode, tier: h.tier })),
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
