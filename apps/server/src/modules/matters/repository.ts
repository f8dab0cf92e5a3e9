import { FINAL_STATES, type MatterState } from '@jiceng/shared';
import { and, asc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { deferWrite, type InsertValues, placeholders, prebuilt, type WriteTarget } from '../../db/prebuilt';
import { escapeLike } from '../../db/like';
import { departments, units } from '../org/tables';
import { matterCategories, matterDispatches, matterEvents, matterFollowers, matterPhotos, matters } from './tables';

export type MatterRow = typeof matters.$inferSelect;
export type MatterInsert = typeof matters.$inferInsert;
export type CategoryRow = typeof matterCategories.$inferSelect;
export type EventRow = typeof matterEvents.$inferSelect;
export type DispatchRow = typeof matterDispatches.$inferSelect;

const NEW_MATTER_KEYS = [
  'trackingCode',
  'unitCode',
  'householdId',
  'categoryCode',
  'urgency',
  'state',
  'description',
  'lat',
  'lng',
  'reporterKind',
  'reporterName',
  'reporterPhone',
  'reporterUserId',
  'hideReporter',
  'responsibleUnitCode',
  'firstUnitCode',
  'respondBy',
  'resolveBy',
  'stageDeadline',
  'createdAt',
  'updatedAt',
] as const;
/** A new matter names every column the intake sets (null where unknown), so one prebuilt INSERT serves all. */
export type NewMatterRow = InsertValues<typeof matters, typeof NEW_MATTER_KEYS>;
// The id comes from db/id-pool.ts, so that the rows pointing to the matter go in the same statement.
const insertMatterQuery = prebuilt<unknown, NewMatterRow & { id: number }>((db) =>
  db
    .insert(matters)
    .overridingSystemValue()
    .values(placeholders(['id', ...NEW_MATTER_KEYS] as const)),
);

/** What the database fills in itself for a new matter: every other column's default, or null. */
const MATTER_DEFAULTS = Object.fromEntries(
  Object.entries(getTableColumns(matters)).map(([key, column]) => [key, column.default === undefined ? null : column.default]),
) as unknown as MatterRow;

/**
 * Queues a new matter and its first event (ids reserved by the caller): the matter row as the
 * database will hold it is known without reading it back (matters.api.test.ts compares the two).
 */
export async function deferInsertMatter(target: WriteTarget, row: NewMatterRow & { id: number }, event: NewEventRow & { id: number }): Promise<MatterRow> {
  await insertMatterQuery.defer(target, row);
  await insertEventWithId.defer(target, event);
  return { ...MATTER_DEFAULTS, ...row };
}

export async function findMatter(db: Executor, id: number): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.id, id));
  return row ?? null;
}

export async function findMatterByCode(db: Executor, code: string): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.trackingCode, code));
  return row ?? null;
}

/** Optimistic concurrency: the update lands only if nobody changed the matter since `version`. */
export async function updateIfVersion(db: Executor, id: number, version: number, patch: Partial<MatterInsert>): Promise<MatterRow | null> {
  const [row] = await db
    .update(matters)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(matters.id, id), eq(matters.version, version)))
    .returning();
  return row ?? null;
}

const EVENT_KEYS = ['matterId', 'fromState', 'toState', 'action', 'actorUserId', 'actorUnitCode', 'actorKind', 'note', 'publicNote', 'at', 'data'] as const;
export type NewEventRow = InsertValues<typeof matterEvents, typeof EVENT_KEYS>;
const insertEventQuery = prebuilt<{ id: number }[], NewEventRow>((db) =>
  db.insert(matterEvents).values(placeholders(EVENT_KEYS)).returning({ id: matterEvents.id }),
);

const insertEventWithId = prebuilt<unknown, NewEventRow & { id: number }>((db) =>
  db
    .insert(matterEvents)
    .overridingSystemValue()
    .values(placeholders(['id', ...EVENT_KEYS] as const)),
);

export async function insertEvent(db: Executor, row: NewEventRow): Promise<number> {
  const [created] = await insertEventQuery(db, row);
  return (created as { id: number }).id;
}

export function listEvents(db: Executor, matterId: number) {
  return db.select().from(matterEvents).where(eq(matterEvents.matterId, matterId)).orderBy(asc(matterEvents.id));
}

// — categories —
export function listCategories(db: Executor, activeOnly: boolean) {
  return db
    .select()
    .from(matterCategories)
    .where(activeOnly ? eq(matterCategories.active, true) : undefined)
    .orderBy(asc(matterCategories.sort), asc(matterCategories.code));
}

export async function findCategory(db: Executor, code: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(matterCategories).where(eq(matterCategories.code, code));
  return row ?? null;
}

export async function upsertCategory(db: Executor, row: typeof matterCategories.$inferInsert) {
  const { code: _code, ...rest } = row;
  await db.insert(matterCategories).values(row).onConflictDoUpdate({ target: matterCategories.code, set: rest });
}

export async function insertCategoriesIfMissing(db: Executor, rows: (typeof matterCategories.$inferInsert)[]) {
  await db.insert(matterCategories).values(rows).onConflictDoNothing();
}

// — dispatches —
export async function insertDispatches(db: Executor, rows: (typeof matterDispatches.$inferInsert)[]) {
  if (rows.length) await db.insert(matterDispatches).values(rows);
}

export async function deactivateDispatches(db: Executor, matterId: number) {
  await db
    .update(matterDispatches)
    .set({ active: false })
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true)));
}

export function listDispatches(db: Executor, matterId: number) {
  return db
    .select({ dispatch: matterDispatches, departmentName: departments.name, departmentUnitCode: departments.unitCode })
    .from(matterDispatches)
    .innerJoin(departments, eq(departments.id, matterDispatches.departmentId))
    .where(eq(matterDispatches.matterId, matterId))
    .orderBy(asc(matterDispatches.id));
}

export async function findActiveDispatch(db: Executor, matterId: number, departmentId: number): Promise<DispatchRow | null> {
  const [row] = await db
    .select()
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.departmentId, departmentId), eq(matterDispatches.active, true)));
  return row ?? null;
}

export async function hasAnyDispatch(db: Executor, matterId: number, departmentId: number): Promise<boolean> {
  const rows = await db
    .select({ id: matterDispatches.id })
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.departmentId, departmentId)))
    .limit(1);
  return rows.length > 0;
}

export async function updateDispatch(db: Executor, id: number, patch: Partial<typeof matterDispatches.$inferInsert>) {
  await db.update(matterDispatches).set(patch).where(eq(matterDispatches.id, id));
}

/** Earliest open check-in deadline of the active dispatches, or null when all checked in. */
export async function pendingCheckIn(db: Executor, matterId: number): Promise<Date | null> {
  const [row] = await db
    .select({ by: sql<string | null>`min(${matterDispatches.checkInBy})` })
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true), isNull(matterDispatches.checkedInAt)));
  return row?.by ? new Date(row.by) : null;
}

/** Shifts the active dispatches' deadlines after a pause. */
export async function shiftDispatchDeadlines(db: Executor, matterId: number, ms: number) {
  const interval = `${Math.round(ms)} milliseconds`;
  await db
    .update(matterDispatches)
    .set({ checkInBy: sql`${matterDispatches.checkInBy} + ${interval}::interval`, replyBy: sql`${matterDispatches.replyBy} + ${interval}::interval` })
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true)));
}

// — followers and photos —
export async function addFollower(db: Executor, row: typeof matterFollowers.$inferInsert): Promise<boolean> {
  const created = await db.insert(matterFollowers).values(row).onConflictDoNothing().returning({ id: matterFollowers.id });
  return created.length > 0;
}

/** A follower nothing reads back in the same unit of work (the reporter of a new matter). */
export async function deferAddFollower(target: WriteTarget, row: typeof matterFollowers.$inferInsert): Promise<void> {
  await deferWrite(target, target.db.insert(matterFollowers).values(row).onConflictDoNothing());
}

export function listFollowers(db: Executor, matterIds: number[]) {
  return db.select().from(matterFollowers).where(inArray(matterFollowers.matterId, matterIds));
}

export async function moveFollowers(db: Executor, fromId: number, toId: number, viaTrackingCode: string, now: Date) {
  // A follower of the duplicate follows the kept matter; its own code stays valid through mergedIntoId.
  await db.execute(sql`
    insert into matter_followers (matter_id, kind, user_id, name, phone, via_tracking_code, created_at)
    select ${toId}, 'merged', user_id, name, phone, ${viaTrackingCode}, ${now}
    from matter_followers where matter_id = ${fromId}
    on conflict do nothing`);
}

export async function insertPhoto(db: Executor, row: typeof matterPhotos.$inferInsert) {
  const [created] = await db.insert(matterPhotos).values(row).returning({ id: matterPhotos.id });
  return (created as { id: number }).id;
}

export async function deferInsertPhoto(target: WriteTarget, row: typeof matterPhotos.$inferInsert): Promise<void> {
  await deferWrite(target, target.db.insert(matterPhotos).values(row));
}

export function listPhotoMeta(db: Executor, matterId: number) {
  return db
    .select({ id: matterPhotos.id, mime: matterPhotos.mime, size: matterPhotos.size })
    .from(matterPhotos)
    .where(eq(matterPhotos.matterId, matterId))
    .orderBy(asc(matterPhotos.id));
}

export async function findPhoto(db: Executor, matterId: number, photoId: number) {
  const [row] = await db
    .select()
    .from(matterPhotos)
    .where(and(eq(matterPhotos.matterId, matterId), eq(matterPhotos.id, photoId)));
  return row ?? null;
}

export function unitNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: units.code, name: units.name }).from(units).where(inArray(units.code, codes));
}

// — queue —
export interface QueueCursor {
  deadline: Date;
  id: number;
}

const afterCursor = (c: QueueCursor | null): SQL | undefined =>
  c ? sql`(${matters.stageDeadline}, ${matters.id}) > (${c.deadline.toISOString()}::timestamptz, ${c.id})` : undefined;

/**
 * Open matters whose responsible unit lies in `prefix` (or that are being transferred to it), by
 * deadline then id. Each side pages ids through its index, then that page's rows are fetched; the
 * two sides are merged rather than OR-ed (an OR defeats the indexes).
 */
export async function queueByUnit(db: Executor, prefix: string, states: MatterState[] | null, cursor: QueueCursor | null, limit: number) {
  const like = `${escapeLike(prefix)}%`;
  // Village and township scopes match the expression indexes matters_queue_village/_township.
  const ownScope =
    prefix === ''
      ? undefined
      : prefix.length <= 12 && !states?.length
        ? sql`left(${matters.responsibleUnitCode}, ${sql.raw(String(prefix.length))}) = ${prefix}`
        : sql`${matters.responsibleUnitCode} like ${like}`;
  const side = (scope: SQL | undefined) =>
    db
      .select({ id: matters.id })
      .from(matters)
      .where(and(isNull(matters.closedAt), scope, states?.length ? inArray(matters.state, states) : undefined, afterCursor(cursor)))
      .orderBy(asc(matters.stageDeadline), asc(matters.id))
      .limit(limit);
  const [own, incoming] = await Promise.all([side(ownScope), prefix === '' ? Promise.resolve([]) : side(sql`${matters.transferToUnitCode} like ${like}`)]);
  const ids = [...new Set([...own, ...incoming].map((r) => r.id))];
  if (ids.length === 0) return [];
  const rows = await db.select().from(matters).where(inArray(matters.id, ids));
  return rows.sort((a, b) => a.stageDeadline.getTime() - b.stageDeadline.getTime() || a.id - b.id).slice(0, limit);
}

/**
 * Open matters with an active dispatch to the department, by deadline. Written as EXISTS so the
 * planner can either walk the open-deadline index probing dispatches (a busy department) or start
 * from the department's few dispatches (a quiet one).
 */
export function queueByDepartment(db: Executor, departmentId: number, cursor: QueueCursor | null, limit: number) {
  const dispatched = sql`exists (select 1 from ${matterDispatches} d where d.matter_id = ${matters.id} and d.department_id = ${departmentId} and d.active)`;
  const page = db
    .select({ id: matters.id })
    .from(matters)
    .where(and(isNull(matters.closedAt), dispatched, afterCursor(cursor)))
    .orderBy(asc(matters.stageDeadline), asc(matters.id))
    .limit(limit);
  return db.select().from(matters).where(inArray(matters.id, page)).orderBy(asc(matters.stageDeadline), asc(matters.id));
}

/** Open, running matters past their stage deadline, oldest first (for the sweep). */
export function findOverdue(db: Executor, now: Date, limit: number) {
  return db
    .select()
    .from(matters)
    .where(and(isNull(matters.closedAt), isNull(matters.pausedAt), sql`${matters.stageDeadline} < ${now.toISOString()}::timestamptz`))
    .orderBy(asc(matters.stageDeadline), asc(matters.id))
    .limit(limit);
}

export const FINAL: readonly MatterState[] = FINAL_STATES;
