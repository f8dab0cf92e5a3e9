import { createHash, randomBytes } from 'node:crypto';
import { isWithin } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope, scopeOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/service';
import { getUnit } from '../org/service';
import { type ApiKeyRow, findApiKey, findLiveApiKeyByHash, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from './repository';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function present(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    unitCode: row.unitCode,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export async function listKeys(ctx: Ctx) {
  requirePermission(ctx, 'matter:config');
  const scope = scopeOf(ctx);
  const rows = await listApiKeys(ctx.db, scope);
  return rows.map(present);
}

/** Creates a key and shows it once; only its hash is kept. */
export async function createKey(ctx: Ctx, input: { name: string; unitCode: string }) {
  const actor = requirePermission(ctx, 'matter:config');
  requireScope(ctx, input.unitCode);
  await getUnit(ctx, input.unitCode).catch((err: AppError) => {
    throw new AppError(err.code, err.params, { field: 'unitCode' });
  });
  const key = `jc_${randomBytes(24).toString('base64url')}`;
  return inTransaction(ctx, async (tx) => {
    const row = await insertApiKey(tx.db, {
      name: input.name,
      keyHash: hashKey(key),
      keyPrefix: key.slice(0, 7),
      unitCode: input.unitCode,
      createdBy: actor.userId,
      createdAt: tx.clock.now(),
    });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, { action: 'apiKey.create', entityType: 'apiKey', entityId: row.id, unitCode: row.unitCode, after: present(row) });
    return { ...present(row), key };
  });
}

export async function revokeKey(ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'matter:config');
  await inTransaction(ctx, async (tx) => {
    const row = await findApiKey(tx.db, id);
    if (!row || !isWithin(row.unitCode, ctx.actor?.unitCode ?? null)) throw new AppError('API_KEY_NOT_FOUND', { id });
    await revokeApiKey(tx.db, id, tx.clock.now());
    await recordAudit(tx, { action: 'apiKey.revoke', entityType: 'apiKey', entityId: id, unitCode: row.unitCode });
  });
}

/** The live key for a presented secret, or null; notes when it was last used. */
export async function resolveKey(ctx: Ctx, key: string) {
  const row = await findLiveApiKeyByHash(ctx.db, hashKey(key));
  if (!row) return null;
  await touchApiKey(ctx.db, row.id, ctx.clock.now());
  return row;
}
