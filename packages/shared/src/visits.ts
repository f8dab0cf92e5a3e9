/**
 * 走访频次 (visit cadence) rules, shared by the server (lists, alerts) and the web app.
 * Red households are visited every 7 days and only a home visit counts ("一周一上门"); yellow
 * every 15 days, blue every 30. A village's own setting wins over its township's, which wins
 * over these defaults. A household never visited is due one cadence after it was linked.
 */

import type { Tier } from './tier';

export const VISIT_KINDS = ['home', 'phone', 'wechat'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export interface Cadence {
  redDays: number;
  yellowDays: number;
  blueDays: number;
  /** Only a home visit counts for a red household. */
  redHomeOnly: boolean;
  /** Days after the group leader's alert before the zone leader is told too. */
  escalateDays: number;
}

export const DEFAULT_CADENCE: Cadence = { redDays: 7, yellowDays: 15, blueDays: 30, redHomeOnly: true, escalateDays: 3 };
export const CADENCE_MAX_DAYS = 365;

export type CadenceSource = 'village' | 'township' | 'default';

export function effectiveCadence(village: Cadence | null | undefined, township: Cadence | null | undefined): { cadence: Cadence; source: CadenceSource } {
  if (village) return { cadence: village, source: 'village' };
  if (township) return { cadence: township, source: 'township' };
  return { cadence: DEFAULT_CADENCE, source: 'default' };
}

/**
 * The due-date rule as data, the one source of truth: the cadence field that gives each tier's
 * period, and the flag (if any) under which only a home visit counts for that tier. The functions
 * below read it, and the server's SQL expression (`dueRuleSql`, modules/visits/due-sql.ts) is
 * generated from it; due-rule.api.test.ts checks both agree on generated cases on a real database.
 */
export const DUE_RULE: { readonly [T in Tier]: { readonly days: 'redDays' | 'yellowDays' | 'blueDays'; readonly homeOnly: 'redHomeOnly' | null } } = {
  red: { days: 'redDays', homeOnly: 'redHomeOnly' },
  yellow: { days: 'yellowDays', homeOnly: null },
  blue: { days: 'blueDays', homeOnly: null },
};

export function cadenceDays(cadence: Cadence, tier: Tier): number {
  return cadence[DUE_RULE[tier].days];
}

/** Whether only a home visit meets the cadence of a household of this tier. */
export function homeOnly(cadence: Cadence, tier: Tier): boolean {
  const flag = DUE_RULE[tier].homeOnly;
  return flag !== null && cadence[flag];
}

/** Whether a visit of this kind meets the cadence of a household of this tier. */
export function visitCounts(cadence: Cadence, tier: Tier, kind: VisitKind): boolean {
  return kind === 'home' || !homeOnly(cadence, tier);
}

export const DAY_MS = 86_400_000;

export interface DueInput {
  tier: Tier;
  /** The last visit of any kind, and the last home visit (null when none). */
  lastVisitAt: Date | null;
  lastHomeVisitAt: Date | null;
  /** When the household was linked to its representative (or created): the clock's start. */
  since: Date;
}

/** The last visit that meets the cadence, or null. */
export function lastCountedVisit(cadence: Cadence, d: Pick<DueInput, 'tier' | 'lastVisitAt' | 'lastHomeVisitAt'>): Date | null {
  return homeOnly(cadence, d.tier) ? d.lastHomeVisitAt : d.lastVisitAt;
}

export function nextDue(cadence: Cadence, d: DueInput): Date {
  const from = lastCountedVisit(cadence, d) ?? d.since;
  return new Date(from.getTime() + cadenceDays(cadence, d.tier) * DAY_MS);
}

export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() > due.getTime();
}

/** Whole days past due (0 when not overdue or overdue by less than a day). */
export function daysOverdue(due: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - due.getTime()) / DAY_MS));
}

/** China keeps one time zone without daylight saving: a day runs 00:00–24:00 at +08:00. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export function endOfChinaDay(now: Date): Date {
  const local = now.getTime() + CHINA_OFFSET_MS;
  return new Date(local - (local % DAY_MS) + DAY_MS - CHINA_OFFSET_MS);
}

export interface UrgencyItem {
  householdId: number;
  tier: Tier;
  dueAt: Date;
}

/** Overdue red households first, then other overdue ones (longest overdue first), then soonest due. */
export function compareUrgency(now: Date): (a: UrgencyItem, b: UrgencyItem) => number {
  const rank = (x: UrgencyItem) => (isOverdue(x.dueAt, now) ? (x.tier === 'red' ? 0 : 1) : 2);
  return (a, b) => rank(a) - rank(b) || a.dueAt.getTime() - b.dueAt.getTime() || a.householdId - b.householdId;
}

/** Image types a visit photo may have, recognised by their first bytes (never by the header alone). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export function sniffImage(bytes: Uint8Array): PhotoType | null {
  const b = (i: number) => bytes[i];
  if (bytes.length >= 3 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}
