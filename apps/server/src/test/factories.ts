// Test data builders. Each goes through the owning module's service as an account of the demo
// (or one a builder made) would, so what it builds passed the same checks, wrote the same audit
// rows and published the same events as the real thing; the events' handlers have run when a
// builder returns. Builders return the service's published shape, never a raw row.
import type { MatterCommand, Role, Tier, Urgency } from '@jiceng/shared';
import type { Ctx } from '../platform/context';
import { createUser, findActor } from '../modules/accounts/service';
import type { ResidentInput } from '../modules/households/validate';
import { createHousehold } from '../modules/households/write';
import { findMatter, findMatterByCode } from '../modules/matters/lookup';
import { rate, reopen } from '../modules/matters/public';
import { reportAsHandler, reportAsResident } from '../modules/matters/report';
import { act } from '../modules/matters/transition';
import { createUnit } from '../modules/org/service';
import type { TestApp } from './harness';

export const DIHE = '530303203211';
export const DIHE_G1 = '5303032032110101';
export const DIHE_G2 = '5303032032110102';
export const DIHE_G3 = '5303032032110103';
export const DIHE_Z2_G1 = '5303032032110201';

export const TEST_PASSWORD = 'test-pass-123';

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};
const suffix = () => Math.random().toString(36).slice(2, 7);

/** A service context acting as this active account (no session: services do not need one). */
export async function ctxAs(t: TestApp, username: string): Promise<Ctx> {
  const actor = await findActor(t.systemCtx(), username);
  if (!actor) throw new Error(`no active account ${username}`);
  return { ...t.systemCtx(), actor };
}

/** A zone under a village (default 地河村) or a group under a zone, made by the village cadre (org's createUnit). */
export async function buildUnit(t: TestApp, overrides: { parentCode?: string; name?: string; as?: string } = {}) {
  const unit = await createUnit(await ctxAs(t, overrides.as ?? 'village'), {
    parentCode: overrides.parentCode ?? DIHE,
    name: overrides.name ?? `测试单位${next()}-${suffix()}`,
  });
  await t.drainEvents();
  return unit;
}

export interface UserOverrides {
  username?: string;
  displayName?: string;
  role?: Role;
  unitCode?: string | null;
  departmentId?: number | null;
  phone?: string | null;
  password?: string;
  /** Who creates it (default the village cadre; someone above the unit for units outside 地河村). */
  as?: string;
}

/**
 * An account (default a representative of 地河一组) made through accounts' createUser. Like every
 * new account it must change its password before it may use the API; services do not ask.
 */
export async function buildUser(t: TestApp, overrides: UserOverrides = {}) {
  const n = next();
  const user = await createUser(await ctxAs(t, overrides.as ?? 'village'), {
    username: overrides.username ?? `user-${n}-${suffix()}`,
    displayName: overrides.displayName ?? `用户${n}`,
    password: overrides.password ?? TEST_PASSWORD,
    role: overrides.role ?? 'representative',
    unitCode: overrides.unitCode === undefined ? DIHE_G1 : overrides.unitCode,
    departmentId: overrides.departmentId ?? null,
    phone: overrides.phone ?? null,
  });
  await t.drainEvents();
  return user;
}

export interface HouseholdOverrides {
  unitCode?: string;
  address?: string;
  /** The head of the household's name (its one resident unless `residents` is given). */
  headName?: string;
  tier?: Tier;
  tierCategory?: string | null;
  phone?: string | null;
  householdNo?: string | null;
  tags?: string[];
  notes?: string | null;
  residents?: ResidentInput[];
  /** Who registers it (default the district cadre, who may register anywhere in 沾益区). */
  as?: string;
}

/** A household in the register (default in 地河一组, blue) through the register's createHousehold. */
export async function buildHousehold(t: TestApp, overrides: HouseholdOverrides = {}) {
  const n = next();
  const headName = overrides.headName ?? `户主${n}`;
  const household = await createHousehold(await ctxAs(t, overrides.as ?? 'district'), {
    unitCode: overrides.unitCode ?? DIHE_G1,
    address: overrides.address ?? `地河村 ${n} 号`,
    tier: overrides.tier ?? 'blue',
    tierCategory: overrides.tierCategory ?? null,
    phone: overrides.phone ?? null,
    householdNo: overrides.householdNo ?? null,
    tags: overrides.tags ?? [],
    notes: overrides.notes ?? null,
    residents: overrides.residents ?? [{ name: headName, relation: '户主' }],
  });
  // Its handlers (visits' due dates) run after commit: the others know it when this returns.
  await t.drainEvents();
  return household;
}

/** States buildMatter reaches, each by the real transitions from the report on. */
export type BuiltMatterState =
  | 'reported'
  | 'transmitted'
  | 'triaged'
  | 'accepted'
  | 'escalated'
  | 'dispatched'
  | 'resolved'
  | 'answered'
  | 'rated'
  | 'closed'
  | 'reopened'
  | 'closedUnresolved';

/** One transition: by an account through act(), or by the resident through the tracking code. */
type Step = { from: BuiltMatterState; run: (t: TestApp, m: BuiltMatter) => Promise<unknown> };

const by =
  (username: string, cmd: (t: TestApp) => MatterCommand | Promise<MatterCommand>): Step['run'] =>
  async (t, m) =>
    act(await ctxAs(t, username), m.id, await cmd(t), m.version);

/** The path to each state: the step before it and who takes it (地河村's cadre for anywhere in the village). */
const STEPS: Partial<Record<BuiltMatterState, Step>> = {
  triaged: { from: 'transmitted', run: by('village', () => ({ action: 'triage' })) },
  accepted: { from: 'triaged', run: by('village', () => ({ action: 'accept' })) },
  escalated: { from: 'accepted', run: by('village', () => ({ action: 'escalate', reason: '村级无法解决' })) },
  dispatched: { from: 'accepted', run: by('township', async (t) => ({ action: 'dispatch', leadDepartmentId: await housingDepartment(t) })) },
  resolved: { from: 'accepted', run: by('village', () => ({ action: 'resolve', result: '已修复' })) },
  answered: { from: 'resolved', run: by('village', () => ({ action: 'feedback', message: '已修好，请评价' })) },
  rated: { from: 'answered', run: (t, m) => rate(t.systemCtx(), m.trackingCode, { satisfaction: 'satisfied', fixed: 'fixed' }) },
  closed: { from: 'rated', run: by('village', () => ({ action: 'close' })) },
  reopened: { from: 'answered', run: (t, m) => reopen(t.systemCtx(), m.trackingCode, { reason: '又坏了' }) },
  closedUnresolved: { from: 'accepted', run: by('village', () => ({ action: 'closeUnresolved', reason: '不属于可办理事项' })) },
};

/** 区住房和城乡建设局, the demo department account's own (the usual lead of a dispatch). */
export async function housingDepartment(t: TestApp): Promise<number> {
  const id = (await ctxAs(t, 'department')).actor?.departmentId;
  if (!id) throw new Error('the demo department account has no department');
  return id;
}

export interface MatterOverrides {
  /** Default 'transmitted' (a representative's report); 'reported' is a resident's report. */
  state?: BuiltMatterState;
  /** A unit of 地河村 (default 地河一组). */
  unitCode?: string;
  categoryCode?: string;
  urgency?: Urgency;
  description?: string;
  reporterPhone?: string | null;
}

export interface BuiltMatter {
  id: number;
  trackingCode: string;
  state: string;
  version: number;
}

async function current(t: TestApp, id: number): Promise<BuiltMatter> {
  const m = await findMatter(t.systemCtx(), id);
  if (!m) throw new Error(`matter ${id} not found`);
  return { id: m.id, trackingCode: m.trackingCode, state: m.state, version: m.version };
}

/**
 * A matter brought to `state` by the matters service: reported (by a resident for 'reported',
 * else by 地河一组's representative), then each transition of STEPS, the handlers run after each.
 */
export async function buildMatter(t: TestApp, overrides: MatterOverrides = {}): Promise<BuiltMatter> {
  const target = overrides.state ?? 'transmitted';
  const path: Step[] = [];
  let start = target;
  for (let s = STEPS[start]; s; s = STEPS[start]) {
    path.unshift(s);
    start = s.from;
  }
  const input = {
    unitCode: overrides.unitCode ?? DIHE_G1,
    categoryCode: overrides.categoryCode ?? 'infrastructure',
    urgency: overrides.urgency,
    description: overrides.description ?? `测试诉求${next()}：路灯坏了`,
    reporterPhone: overrides.reporterPhone ?? null,
  };
  let m: BuiltMatter;
  if (start === 'reported') {
    // The secret only verifies contact-card tokens, which a factory's report does not carry.
    const r = await reportAsResident(t.systemCtx(), input, Buffer.alloc(32));
    const found = await findMatterByCode(t.systemCtx(), r.trackingCode);
    if (!found) throw new Error('reported matter not found');
    m = await current(t, found.id);
  } else m = { ...(await reportAsHandler(await ctxAs(t, 'representative'), input)) };
  await t.drainEvents();
  for (const step of path) {
    await step.run(t, m);
    await t.drainEvents();
    m = await current(t, m.id);
  }
  if (m.state !== target) throw new Error(`buildMatter reached ${m.state}, not ${target}`);
  return m;
}

/** Logs in afresh (t.login caches cookies, which expire once a test moves the clock on by days). */
export async function freshLogin(t: TestApp, username: string, password = 'jiceng-demo'): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/**
 * A representative account (buildUser) that has changed its initial password through the API, as
 * a new account must before it may do anything else, with a way to log in as it.
 */
export async function buildRepresentative(t: TestApp, overrides: { username?: string; displayName?: string; unitCode?: string; as?: string } = {}) {
  const user = await buildUser(t, { ...overrides, role: 'representative', password: TEST_PASSWORD });
  const first = await freshLogin(t, user.username, TEST_PASSWORD);
  const payload = { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD };
  const changed = await t.request({ method: 'POST', url: '/api/auth/password', cookie: first, payload });
  if (changed.statusCode !== 200) throw new Error(`initial password not changed: ${changed.statusCode} ${changed.body}`);
  return { ...user, cookie: () => freshLogin(t, user.username, TEST_PASSWORD) };
}
