import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { villageSettings } from './tables';

export type VillageSettingsRow = typeof villageSettings.$inferSelect;

export async function upsertVillageSettings(db: Executor, row: typeof villageSettings.$inferInsert): Promise<void> {
  await db.insert(villageSettings).values(row).onConflictDoUpdate({ target: villageSettings.unitCode, set: row });
}

export async function findVillageSettings(db: Executor, villageCode: string): Promise<VillageSettingsRow | null> {
  const [row] = await db.select().from(villageSettings).where(eq(villageSettings.unitCode, villageCode));
  return row ?? null;
}
