import { and, eq, isNull, like } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { escapeLike } from '../../db/like';
import { apiKeys } from './tables';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Keys of units under `scope` (every key when null), oldest first. */
export function listApiKeys(db: Executor, scope: string | null): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(scope ? like(apiKeys.unitCode, `${escapeLike(scope)}%`) : undefined)
    .orderBy(apiKeys.id);
}

export async function insertApiKey(db: Executor, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow | undefined> {
  const [created] = await db.insert(apiKeys).values(row).returning();
  return created;
}

export async function findApiKey(db: Executor, id: number): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
}

export async function revokeApiKey(db: Executor, id: number, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

export async function findLiveApiKeyByHash(db: Executor, keyHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function touchApiKey(db: Executor, id: number, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}
