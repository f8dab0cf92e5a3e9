import { beijingDate, levelOfCode } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { recordAudit } from '../../audit/service';
import * as orgLookup from '../../org/lookup';
import { mayReveal } from '../access';
import * as repo from '../repository';
import { readRows } from './parse';
import { type ImportIssue, type ImportTarget, RegisterReader } from './validate';
import { applyUpdates, type PlannedUpdate, planUpdates } from './update';
import { writeHouseholds } from './write';

/** At most this many issues travel back in one answer (the count is always exact). */
const MAX_REPORTED = 5000;

export interface ImportInput {
  unitCode: string;
  dryRun: boolean;
  /** Households whose head's ID number is registered in the target are updated, not refused. */
  update?: boolean;
  file: Buffer;
  filename?: string;
}

export type ImportProgress = (event: { phase: 'read' | 'write'; done: number; total?: number }) => void;

/** The groups a file may name: those under the target village or zone, or the target group itself. */
async function targetOf(ctx: Ctx, unitCode: string): Promise<ImportTarget> {
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  if (level !== 'village' && level !== 'zone' && level !== 'group') throw new AppError('IMPORT_TARGET_LEVEL', {}, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  const unit = await orgLookup.findUnit(ctx, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field: 'unitCode' });
  const groups = new Map<string, { code: string; name: string }>();
  if (level === 'group') {
    groups.set(unit.name.replace(/\s/g, ''), { code: unit.code, name: unit.name });
    return { defaultUnit: unit.code, groups, onlyGroup: { code: unit.code, name: unit.name } };
  }
  const zones = level === 'village' ? await orgLookup.findChildren(ctx, unitCode) : [unit];
  for (const zone of zones) for (const g of await orgLookup.findChildren(ctx, zone.code)) groups.set(g.name.replace(/\s/g, ''), { code: g.code, name: g.name });
  if (groups.size === 0 && level === 'zone') throw new AppError('HOUSEHOLD_UNIT_LEVEL', {}, { field: 'unitCode' });
  return { defaultUnit: groups.size === 0 ? unitCode : null, groups };
}

const byRow = (a: ImportIssue, b: ImportIssue) => a.row - b.row;

/** What the dry run shows of an update: the changes, field by field (masked as the actor sees them). */
const preview = (u: PlannedUpdate) => ({ row: u.row, householdId: u.householdId, headName: u.headName, changes: u.changes });

/**
 * Imports a register file into a village, zone or group. A dry run reports every problem; a real
 * import writes everything in one transaction, or nothing (400 with the list) if any row is wrong.
 */
export async function importRegister(ctx: Ctx, input: ImportInput, progress?: ImportProgress) {
  requirePermission(ctx, 'household:import');
  const target = await targetOf(ctx, input.unitCode);
  const reader = new RegisterReader(target, beijingDate(ctx.clock.now()));
  let reported = 0;
  for await (const batch of readRows(input.file)) {
    for (const row of batch) reader.add(row);
    if (reader.rows - reported >= 20_000) {
      reported = reader.rows;
      progress?.({ phase: 'read', done: reader.rows });
    }
  }
  const plan = reader.finish();
  progress?.({ phase: 'read', done: reader.rows });
  const groupNames = new Map([...target.groups.values()].map((g) => [g.code, g.name]));
  const split = (db: typeof ctx.db) =>
    input.update
      ? planUpdates(db, { targetCode: input.unitCode, planned: plan.households, view: reader, reveal: mayReveal(ctx, input.unitCode), groupNames })
      : Promise.resolve({ creates: plan.households, updates: [] as PlannedUpdate[], allowed: new Set<string>() });
  const taken = async (db: typeof ctx.db, allowed: Set<string>) => {
    const found = await repo.takenIdNumbers(db, reader.allIdNumbers());
    for (const id of allowed) found.delete(id);
    return found;
  };
  // A real import checks the register inside its transaction anyway (below); ask here only when the
  // answer is a report: a dry run, or a file already refused for other rows.
  let parts = await split(ctx.db);
  if (input.dryRun || reader.errors.length) reader.markTaken(await taken(ctx.db, parts.allowed));
  const errors = reader.errors.sort(byRow);
  const byTier = { red: 0, yellow: 0, blue: 0 };
  for (const h of parts.creates) byTier[h.tier]++;
  const result = {
    dryRun: input.dryRun,
    ok: errors.length === 0,
    households: parts.creates.length,
    residents: plan.residents,
    byTier,
    updated: parts.updates.length,
    updates: parts.updates.slice(0, MAX_REPORTED).map(preview),
    errorCount: errors.length,
    errors: errors.slice(0, MAX_REPORTED),
    unknownColumns: reader.unknownHeaders,
    warnings: reader.warnings.sort(byRow).slice(0, MAX_REPORTED),
  };
  if (input.dryRun) return result;
  if (errors.length) {
    throw new AppError('IMPORT_ROWS_INVALID', { count: errors.length }, { field: 'file', details: errors.slice(0, MAX_REPORTED) });
  }
  await inTransaction(ctx, async (tx) => {
    // The register as it is now, in the writing transaction, just before the writes.
    parts = await split(tx.db);
    const now = await taken(tx.db, parts.allowed);
    if (now.size) {
      reader.markTaken(now);
      throw new AppError('IMPORT_ROWS_INVALID', { count: reader.errors.length }, { field: 'file', details: reader.errors.sort(byRow).slice(0, MAX_REPORTED) });
    }
    await writeHouseholds(tx, parts.creates, '导入建档', (done) => progress?.({ phase: 'write', done, total: parts.creates.length }));
    await applyUpdates(tx, parts.updates, '导入更新');
    await recordAudit(tx, {
      action: 'household.import',
      entityType: 'unit',
      entityId: input.unitCode,
      unitCode: input.unitCode,
      after: {
        file: input.filename ?? null,
        households: parts.creates.length,
        residents: result.residents,
        byTier,
        // Which fields of which households the import changed (names of fields, never their values).
        updated: parts.updates.map((u) => ({ householdId: u.householdId, fields: [...new Set(u.changes.map((c) => c.field))] })),
      },
    });
  });
  return { ...result, households: parts.creates.length, updated: parts.updates.length, updates: parts.updates.slice(0, MAX_REPORTED).map(preview) };
}
