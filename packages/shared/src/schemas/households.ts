import { z } from 'zod';
import { TIER_VALUES } from '../tier';
import { type Out, unitCode, visibleName } from './common';

const optText = (max: number) => z.string().max(max, `不能超过 ${max} 个字 / at most ${max} characters`).nullable().optional();

export const residentIn = z.object({
  name: z
    .string()
    .max(50, '姓名不能超过 50 个字 / the name has at most 50 characters')
    .refine(...visibleName),
  relation: z.string().max(20, '与户主关系不能超过 20 个字 / at most 20 characters'),
  idNumber: optText(30),
  phone: optText(30),
  gender: optText(10),
  birthDate: optText(20),
  ethnicity: optText(20),
  politicalStatus: optText(20),
  occupation: optText(50),
  livingStatus: optText(20),
});
export const residentPatch = residentIn.partial();

const householdFields = {
  unitCode,
  address: z.string().max(200, '住址不能超过 200 个字 / the address has at most 200 characters'),
  householdNo: optText(30),
  phone: optText(30),
  tags: z.array(z.string().max(20, '标签不能超过 20 个字 / a tag has at most 20 characters')).max(20).optional(),
  notes: optText(500),
};

export const createBody = z.object({
  ...householdFields,
  tier: z.enum(TIER_VALUES).default('blue'),
  tierCategory: optText(30),
  residents: z.array(residentIn).min(1, '至少登记一位成员（户主） / register at least one member (the head)').max(50),
});
export const updateBody = z.object(householdFields).partial();

export const tierBody = z.object({
  tier: z.enum(TIER_VALUES),
  category: optText(30),
  reason: z.string().trim().min(1, '请填写调整原因 / give the reason for the change').max(500, '原因不能超过 500 个字 / at most 500 characters'),
});

export const revealBody = z.object({ residentIds: z.array(z.number().int().positive()).max(50).optional() });

// Responses ---------------------------------------------------------------------------------

const tier = z.enum(TIER_VALUES);

export const householdSummary = z.object({
  id: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  householdNo: z.string().nullable(),
  headName: z.string(),
  headIdNumber: z.string().nullable().describe('masked'),
  address: z.string(),
  phone: z.string().nullable().describe('masked'),
  tier,
  tierCategory: z.string().nullable(),
  tags: z.array(z.string()),
  memberCount: z.number(),
  updatedAt: z.date(),
});

export const residentOut = z.object({
  id: z.number(),
  name: z.string(),
  relation: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable().describe('whole years; the birth date (the masked middle of the ID number) comes only with the audited reveal'),
  idNumber: z.string().nullable().describe('masked'),
  phone: z.string().nullable().describe('masked'),
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  partyMember: z.boolean(),
  occupation: z.string().nullable(),
  livingStatus: z.string().nullable(),
});

export const tierChangeOut = z.object({
  id: z.number(),
  fromTier: tier.nullable(),
  toTier: tier,
  category: z.string().nullable(),
  reason: z.string(),
  changedBy: z.number().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.date(),
});

export const householdOut = householdSummary.omit({ memberCount: true, headIdNumber: true }).extend({
  notes: z.string().nullable(),
  createdAt: z.date(),
  residents: z.array(residentOut),
  tierHistory: z.array(tierChangeOut),
  canReveal: z.boolean(),
});

export const listOut = z.object({ items: z.array(householdSummary), total: z.number(), offset: z.number(), limit: z.number() });

const tierCounts = z.object({ red: z.number(), yellow: z.number(), blue: z.number(), total: z.number() });
export const countsOut = z.object({
  unitCode: z.string(),
  totals: tierCounts,
  children: z.array(tierCounts.extend({ code: z.string(), name: z.string(), level: z.string() })),
  // Households placed directly on the unit (a village not yet divided into groups).
  direct: tierCounts,
});

export const revealOut = z.object({
  householdId: z.number(),
  phone: z.string().nullable(),
  residents: z.array(
    z.object({ id: z.number(), name: z.string(), idNumber: z.string().nullable(), birthDate: z.string().nullable(), phone: z.string().nullable() }),
  ),
});

const importError = z.object({ row: z.number(), column: z.string(), field: z.string(), zh: z.string(), en: z.string() });
export const importOut = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  households: z.number(),
  residents: z.number(),
  byTier: z.object({ red: z.number(), yellow: z.number(), blue: z.number() }),
  updated: z.number().describe('households changed by update=true (households counts the new ones)'),
  updates: z.array(
    z.object({
      row: z.number(),
      householdId: z.number(),
      headName: z.string(),
      changes: z.array(
        z.object({ field: z.string(), column: z.string(), member: z.string().nullable(), before: z.string().nullable(), after: z.string().nullable() }),
      ),
    }),
  ),
  errorCount: z.number(),
  errors: z.array(importError),
  unknownColumns: z.array(z.string()).describe('header cells of the file matching no column (their cells were not imported)'),
  warnings: z.array(importError),
});

export type HouseholdSummary = Out<typeof householdSummary>;
export type Resident = Out<typeof residentOut>;
export type TierChange = Out<typeof tierChangeOut>;
export type Household = Out<typeof householdOut>;
export type HouseholdList = Out<typeof listOut>;
export type HouseholdCounts = Out<typeof countsOut>;
export type Revealed = Out<typeof revealOut>;
export type ImportResult = Out<typeof importOut>;
export type ImportIssue = ImportResult['errors'][number];
/** One household an import with update=true changes, field by field. */
export type ImportUpdate = ImportResult['updates'][number];
