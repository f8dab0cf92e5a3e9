import { and, asc, type Column, desc, eq, inArray, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
// Read-only joins on the register and the tree: linkage lists are per household and per unit,
// and answering them in one query is what keeps them fast at district scale.
import { households } from '../households/tables';
import { units } from '../org/tables';
import { linkageHistory, linkages } from './tables';

export type LinkageRow = typeof linkages.$inferSelect;

export function unitCodesUnder(db: Executor, prefix: string) {
  return db
    .select({ code: units.code })
    .from(units)
    .where(like(units.code, `${prefix}%`))
    .then((r) => r.map((x) => x.code));
}

/** Every household of a village with its current representative (null when unlinked). */
export function householdsForProposal(db: Executor, village: string) {
  return db
    .select({ id: households.id, unitCode: households.unitCode, tier: households.tier, representativeUserId: linkages.representativeUserId })
    .from(households)
    .leftJoin(linkages, eq(linkages.householdId, households.id))
    .where(like(households.unitCode, `${village}%`));
}

/** How many households (and red ones) each representative holds now. */
export function repLoads(db: Executor, repIds: number[]) {
  if (repIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      representativeUserId: linkages.representativeUserId,
      load: sql<number>`count(*)::int`,
      reds: sql<number>`(count(*) filter (where ${households.tier} = 'red'))::int`,
    })
    .from(linkages)
    .innerJoin(households, eq(households.id, linkages.householdId))
    .where(inArray(linkages.representativeUserId, repIds))
    .groupBy(linkages.representativeUserId);
}

export function householdsWithLinks(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: households.id,
      unitCode: households.unitCode,
      tier: households.tier,
      address: households.address,
      headName: households.headName,
      representativeUserId: linkages.representativeUserId,
      linkedAt: linkages.linkedAt,
    })
    .from(households)
    .leftJoin(linkages, eq(linkages.householdId, households.id))
    .where(inArray(households.id, ids));
}

export function householdIdsOfRep(db: Executor, repId: number) {
  return db
    .select({ id: households.id, unitCode: households.unitCode })
    .from(linkages)
    .innerJoin(households, eq(households.id, linkages.householdId))
    .where(eq(linkages.representativeUserId, repId));
}

export async function upsertLinkages(db: Executor, rows: { householdId: number; representativeUserId: number; linkedAt: Date; linkedBy: number | null }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(linkages)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: linkages.householdId,
        set: {
          representativeUserId: sql`excluded.representative_user_id`,
          linkedAt: sql`excluded.linked_at`,
          linkedBy: sql`excluded.linked_by`,
        },
      });
  }
}

export function deleteLinkage(db: Executor, householdId: number) {
  return db.delete(linkages).where(eq(linkages.householdId, householdId));
}

export async function insertHistory(db: Executor, rows: (typeof linkageHistory.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(linkageHistory).values(rows.slice(i, i + 1000));
}

export function historyOf(db: Executor, householdId: number) {
  return db
    .select()
    .from(linkageHistory)
    .where(eq(linkageHistory.householdId, householdId))
    .orderBy(desc(linkageHistory.changedAt), desc(linkageHistory.id))
    .limit(50);
}

/** Households, linked and unlinked per child unit and tier (child = code prefix of `childLen`). */
export function coverage(db: Executor, unitCode: string, childLen: number) {
  const child = sql<string>`left(${households.unitCode}, ${sql.raw(String(Math.trunc(childLen)))})`;
  return db
    .select({
      childCode: child,
      tier: households.tier,
      households: sql<number>`count(*)::int`,
      linked: sql<number>`count(${linkages.householdId})::int`,
    })
    .from(households)
    .leftJoin(linkages, eq(linkages.householdId, households.id))
    .where(like(households.unitCode, `${unitCode}%`))
    .groupBy(child, households.tier);
}

export function unitNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: units.code, name: units.name, level: units.level }).from(units).where(inArray(units.code, codes));
}

export function unlinked(db: Executor, unitCode: string, limit: number, offset: number) {
  const where = and(like(households.unitCode, `${unitCode}%`), isNull(linkages.householdId));
  return Promise.all([
    db
      .select({ id: households.id, unitCode: households.unitCode, tier: households.tier, address: households.address, headName: households.headName })
      .from(households)
      .leftJoin(linkages, eq(linkages.householdId, households.id))
      .where(where)
      .orderBy(sql`case ${households.tier} when 'red' then 0 when 'yellow' then 1 else 2 end`, asc(households.unitCode), asc(households.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(households)
      .leftJoin(linkages, eq(linkages.householdId, households.id))
      .where(where)
      .then((r) => r[0]?.n ?? 0),
  ]);
}

/** A condition on a household id column of the caller's query: linked, unlinked, or linked to one representative. */
export function householdLinkCondition(householdId: SQL | Column, which: 'linked' | 'unlinked' | { representativeUserId: number }): SQL {
  if (which === 'linked') return sql`${householdId} in (select ${linkages.householdId} from ${linkages})`;
  if (which === 'unlinked') return sql`${householdId} not in (select ${linkages.householdId} from ${linkages})`;
  return sql`${householdId} in (select ${linkages.householdId} from ${linkages} where ${eq(linkages.representativeUserId, which.representativeUserId)})`;
}
