import { z } from 'zod';
import { TIER_VALUES } from '../tier';
import { type Out, unitCode } from './common';

const id = z.number().int().positive();
const tier = z.enum(TIER_VALUES);

export const proposeBody = z.object({
  unitCode,
  maxPerRep: z
    .number()
    .int()
    .min(1, '每位代表至少联系 1 户 / at least 1 household per representative')
    .max(200, '每位代表最多 200 户 / at most 200 households per representative')
    .optional(),
});
export const proposalOut = z.object({
  unitCode: z.string(),
  maxPerRep: z.number(),
  households: z.number(),
  kept: z.number(),
  assignments: z.array(z.object({ householdId: z.number(), representativeUserId: z.number(), proximity: z.enum(['existing', 'group', 'zone', 'village']) })),
  unassigned: z.array(z.object({ householdId: z.number(), reason: z.enum(['noCapacity', 'noRepresentative']) })),
  representatives: z.array(z.object({ representativeUserId: z.number(), displayName: z.string(), unitCode: z.string(), load: z.number(), reds: z.number() })),
});

export const applyBody = z.object({
  assignments: z
    .array(z.object({ householdId: id, representativeUserId: id }))
    .min(1, '至少需要一条联户 / at least one assignment')
    .max(20_000, '一次最多 20000 条 / at most 20000 at once'),
});
export const applyOut = z.object({ applied: z.number(), changed: z.number(), unchanged: z.number() });

export const reassignBody = z.object({ representativeUserId: id.nullable() });
const person = z.object({ userId: z.number(), displayName: z.string(), phone: z.string().nullable(), unitCode: z.string().nullable() }).nullable();
export const linkageOut = z.object({
  householdId: z.number(),
  unitCode: z.string(),
  representative: person,
  linkedAt: z.string().nullable(),
  history: z.array(z.object({ from: person, to: person, reason: z.enum(['apply', 'manual', 'handover']), changedAt: z.string() })),
});

export const handoverBody = z.object({ fromUserId: id, toUserId: id });
export const handoverOut = z.object({ moved: z.number() });

const counts = z.object({ households: z.number(), linked: z.number(), unlinked: z.number() });
export const coverageOut = z.object({
  unitCode: z.string(),
  total: counts,
  items: z.array(
    counts.extend({ unitCode: z.string(), name: z.string(), level: z.string().nullable(), byTier: z.object({ red: counts, yellow: counts, blue: counts }) }),
  ),
});
export const unlinkedOut = z.object({
  total: z.number(),
  items: z.array(z.object({ id: z.number(), unitCode: z.string(), tier, address: z.string(), headName: z.string() })),
});

export type Proposal = Out<typeof proposalOut>;
export type Linkage = Out<typeof linkageOut>;
export type Person = NonNullable<Linkage['representative']>;
export type Coverage = Out<typeof coverageOut>;
export type Counts = Coverage['total'];
export type Unlinked = Out<typeof unlinkedOut>;
