import { levelOfCode } from '@jiceng/shared';
import QRCode from 'qrcode';
import type { Config } from '../../platform/config';
import { type Ctx, inTransaction, requirePermission, requireScope } from '../../platform/context';
import { AppError, fieldError } from '../../platform/errors';
import { findUsersBrief } from '../accounts/service';
import { recordAudit } from '../audit/service';
import * as householdLookup from '../households/lookup';
import * as linkageLookup from '../linkage/lookup';
import { householdReportToken, serverSecret } from '../matters/codes';
import * as orgLookup from '../org/lookup';
import { type ContactCard, renderCards } from './render';
import * as repo from './repository';

/** A village prints a few thousand cards at most; more is a mistake, not a print run. */
export const MAX_CARDS = 5000;

async function checkPrintUnit(ctx: Ctx, unitCode: string, field = 'unitCode') {
  const level = levelOfCode(unitCode);
  if (level !== 'village' && level !== 'zone' && level !== 'group') throw fieldError(field, '应为村（社区）、片或组的代码', 'a village, zone or group code');
  requireScope(ctx, unitCode, field);
  const unit = await orgLookup.findUnit(ctx, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field });
  return unit;
}

export async function setHotline(ctx: Ctx, input: { unitCode: string; hotline: string | null }) {
  const actor = requirePermission(ctx, 'unit:write');
  const unit = await checkPrintUnit(ctx, input.unitCode);
  if (unit.level !== 'village') throw fieldError('unitCode', '热线按村（社区）设置', 'the hotline is set per village');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = { unitCode: input.unitCode, hotline: input.hotline, updatedBy: actor.userId, updatedAt: now };
    await repo.upsertVillageSettings(tx.db, row);
    await recordAudit(tx, {
      action: 'village.hotline',
      entityType: 'unit',
      entityId: input.unitCode,
      unitCode: input.unitCode,
      after: { hotline: input.hotline },
    });
    return { unitCode: input.unitCode, hotline: input.hotline };
  });
}

/** The village's hotline as printed on its cards (null: none set), for the settings page. */
export async function getHotline(ctx: Ctx, unitCode: string) {
  requirePermission(ctx, 'unit:read');
  const unit = await checkPrintUnit(ctx, unitCode);
  if (unit.level !== 'village') throw fieldError('unitCode', '热线按村（社区）设置', 'the hotline is set per village');
  const settings = await repo.findVillageSettings(ctx.db, unitCode);
  return { unitCode, hotline: settings?.hotline ?? null };
}

/** The cards of every household in a village, zone or group, as one printable HTML page. */
export async function printCards(ctx: Ctx, config: Config, unitCode: string): Promise<{ html: string; count: number }> {
  requirePermission(ctx, 'household:read');
  await checkPrintUnit(ctx, unitCode);
  const { rows, total } = await householdLookup.listHouseholdsUnder(ctx, unitCode, MAX_CARDS);
  if (total > MAX_CARDS) throw fieldError('unitCode', `户数超过 ${MAX_CARDS}，请按片或组打印`, `more than ${MAX_CARDS} households: print per zone or group`);
  const ids = rows.map((r) => r.household.id);
  const links = new Map((await linkageLookup.householdsWithLinks(ctx, ids)).map((l) => [l.id, l.representativeUserId]));
  const reps = new Map((await findUsersBrief(ctx, [...new Set([...links.values()].filter((x): x is number => x != null))])).map((u) => [u.id, u]));
  // Leaders and names of every group, zone and village on the page, fetched once each.
  const codes = new Set<string>();
  for (const r of rows) for (const n of [12, 14, 16]) if (r.household.unitCode.length >= n) codes.add(r.household.unitCode.slice(0, n));
  const summaries = new Map<string, Awaited<ReturnType<typeof orgLookup.findUnitSummary>>>();
  for (const c of codes) summaries.set(c, await orgLookup.findUnitSummary(ctx, c));
  const village = unitCode.slice(0, 12);
  const settings = await repo.findVillageSettings(ctx.db, village);
  const secret = serverSecret(config);
  const leader = (code: string, len: number) => {
    const s = code.length >= len ? summaries.get(code.slice(0, len)) : null;
    return s?.leaderName ? { name: s.leaderName, phone: s.leaderPhone ?? null } : null;
  };
  const cards: ContactCard[] = [];
  for (const r of rows) {
    const h = r.household;
    const url = `${config.publicUrl}/r/${householdReportToken(secret, h.id)}`;
    const repId = links.get(h.id);
    const rep = repId != null ? reps.get(repId) : undefined;
    cards.push({
      headName: h.headName,
      address: h.address,
      unitPath: [12, 14, 16]
        .filter((n) => h.unitCode.length >= n)
        .map((n) => summaries.get(h.unitCode.slice(0, n))?.name ?? '')
        .join(' · '),
      representative: rep && rep.status === 'active' ? { name: rep.displayName, phone: rep.phone } : null,
      groupLeader: leader(h.unitCode, 16),
      zoneLeader: leader(h.unitCode, 14),
      hotline: settings?.hotline ?? null,
      reportUrl: url,
      qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    });
  }
  // Printing puts names, addresses and phones on paper: record who printed which unit's cards.
  await recordAudit(ctx, { action: 'cards.print', entityType: 'unit', entityId: unitCode, unitCode, after: { count: cards.length } });
  const unitName = summaries.get(unitCode)?.name ?? unitCode;
  return { html: renderCards(`${unitName} 民情联心卡`, cards), count: cards.length };
}
