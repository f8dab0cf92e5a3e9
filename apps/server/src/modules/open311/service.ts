import { isWithin, levelOfCode, type MatterState, maskFreeText } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { listCategories, requireCategory } from '../matters/categories';
import * as matterLookup from '../matters/lookup';
import type { MatterRow } from '../matters/lookup';
import { createMatter } from '../matters/report';
import * as orgLookup from '../org/lookup';
import { listMattersFeed } from '../matters/feed';
import { openMatterId, sealMatterId } from '../matters/public-ids';
import { shortPublicText } from '../similar/service';
import { Open311Error } from './format';
import { resolveKey } from './keys';

/** Open311 knows open and closed: a matter with a result (or closed honestly) is closed. */
const CLOSED: readonly MatterState[] = ['resolved', 'answered', 'rated', 'closed', 'closedUnresolved', 'merged'];
const OPEN: readonly MatterState[] = ['reported', 'transmitted', 'triaged', 'accepted', 'escalated', 'transferred', 'dispatched', 'reopened'];

export async function services(ctx: Ctx) {
  return (await listCategories(ctx, false)).map((c) => ({
    service_code: c.code,
    service_name: ctx.locale === 'en' ? c.nameEn : c.nameZh,
    description: `${c.nameZh} / ${c.nameEn}`,
    metadata: false,
    type: 'realtime',
    keywords: [c.nameZh, c.nameEn].join(','),
    group: c.defaultUrgency === 'urgent' ? 'urgent' : 'general',
  }));
}

export async function serviceDefinition(ctx: Ctx, code: string) {
  const c = (await listCategories(ctx, false)).find((x) => x.code === code);
  if (!c) throw new Open311Error(404, `service_code not found: ${code}`);
  // jiceng's categories take no extra attributes: the definition is the code with an empty list.
  return { service_code: c.code, attributes: [] as unknown[] };
}

/** Open311's `service_request_id`: opaque, derived from the matter's id (matters/public-ids.ts). */
export const publicRequestId = (secret: Buffer, id: number) => sealMatterId(secret, 'open311-request', id);

const publicText = (s: string | null) => (s ? shortPublicText(maskFreeText(s), 2000) : null);

async function keyOrFail(ctx: Ctx, key: unknown) {
  if (typeof key !== 'string' || key === '') throw new Open311Error(403, 'api_key is required');
  const row = await resolveKey(ctx, key);
  if (!row) throw new Open311Error(403, 'api_key is invalid or revoked');
  return row;
}

function str(body: Record<string, unknown>, name: string, max: number): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw new Open311Error(400, `${name} must be a string`);
  const s = String(v).trim();
  if (s.length > max) throw new Open311Error(400, `${name} is longer than ${max} characters`);
  return s || undefined;
}

function coord(body: Record<string, unknown>, name: 'lat' | 'long', limit: number): number | undefined {
  const raw = str(body, name, 30);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new Open311Error(400, `${name} must be a number between -${limit} and ${limit}`);
  return n;
}

/** POST requests: one matter reported by another system (reporter kind `api`). */
export async function createRequest(ctx: Ctx, body: Record<string, unknown>, secret: Buffer) {
  const key = await keyOrFail(ctx, body.api_key);
  const serviceCode = str(body, 'service_code', 40);
  if (!serviceCode) throw new Open311Error(400, 'service_code is required');
  const description = str(body, 'description', 2000);
  if (!description) throw new Open311Error(400, 'description is required');
  const lat = coord(body, 'lat', 90);
  const lng = coord(body, 'long', 180);
  if ((lat === undefined) !== (lng === undefined)) throw new Open311Error(400, 'lat and long must be given together');
  const addressString = str(body, 'address_string', 200);
  const addressId = str(body, 'address_id', 16);
  if (lat === undefined && !addressString && !addressId) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  await requireCategory(ctx, serviceCode, 'service_code').catch(() => {
    throw new Open311Error(404, `service_code not found: ${serviceCode}`);
  });
  // address_id is a jiceng unit code; without one the key's own unit must be a village or below.
  const unitCode = addressId ?? key.unitCode;
  const level = levelOfCode(unitCode);
  if (!level || level === 'district' || level === 'township')
    throw new Open311Error(
      400,
      addressId ? 'address_id must be the code of a village, zone or group' : 'address_id (a village, zone or group code) is required for this api_key',
    );
  if (!isWithin(unitCode, key.unitCode)) throw new Open311Error(403, "address_id is outside the api_key's area");
  if (!(await orgLookup.findUnit(ctx, unitCode))) throw new Open311Error(404, `address_id not found: ${unitCode}`);
  const name = [str(body, 'last_name', 50), str(body, 'first_name', 50)].filter(Boolean).join('');
  const m = await createMatter(ctx, {
    unitCode,
    categoryCode: serviceCode,
    description: addressString ? `${description}\n（地址：${addressString}）` : description,
    lat: lat ?? null,
    lng: lng ?? null,
    reporterName: name || null,
    reporterPhone: str(body, 'phone', 30) ?? null,
    reporterKind: 'api',
    reporterUserId: null,
    initialState: 'reported',
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.status < 500) throw new Open311Error(err.status, err.message);
    throw err;
  });
  // The tracking code is the resident's receipt (rating, reopening): only the client that filed the
  // report for them gets it, in this answer, to pass on. Every read shows the public id only.
  return [
    {
      service_request_id: publicRequestId(secret, m.id),
      service_notice: `已受理，响应时限 ${m.respondBy.toISOString()}`,
      account_id: null,
      tracking_code: m.trackingCode,
    },
  ];
}

async function present(ctx: Ctx, rows: MatterRow[], secret: Buffer) {
  const codes = new Set<string>();
  for (const m of rows) {
    for (const n of [12, 14, 16]) if (m.unitCode.length >= n) codes.add(m.unitCode.slice(0, n));
    codes.add(m.responsibleUnitCode);
  }
  const names = new Map((await orgLookup.findUnits(ctx, [...codes])).map((u) => [u.code, u.name]));
  const categories = new Map((await listCategories(ctx, false)).map((c) => [c.code, c]));
  return rows.map((m) => {
    const path = [12, 14, 16].filter((n) => m.unitCode.length >= n).map((n) => names.get(m.unitCode.slice(0, n)) ?? m.unitCode.slice(0, n));
    const c = categories.get(m.categoryCode);
    return {
      service_request_id: publicRequestId(secret, m.id),
      status: CLOSED.includes(m.state) ? 'closed' : 'open',
      service_name: c ? (ctx.locale === 'en' ? c.nameEn : c.nameZh) : m.categoryCode,
      service_code: m.categoryCode,
      // Residents write phones and ID numbers into descriptions and handlers into their answers:
      // both masked (then any other long digit run too) for this public read.
      status_notes: publicText(m.closeReason ?? m.feedbackMessage ?? m.resolution),
      description: shortPublicText(maskFreeText(m.description), 2000),
      agency_responsible: names.get(m.responsibleUnitCode) ?? m.responsibleUnitCode,
      service_notice: null,
      requested_datetime: m.createdAt.toISOString(),
      updated_datetime: m.updatedAt.toISOString(),
      expected_datetime: m.resolveBy.toISOString(),
      address: path.join(' '),
      address_id: m.unitCode,
      zipcode: null,
      lat: m.lat,
      long: m.lng,
      media_url: null,
    };
  });
}

function date(q: Record<string, unknown>, name: string): Date | undefined {
  const raw = q[name];
  if (raw === undefined || raw === '') return undefined;
  const d = new Date(String(raw));
  if (typeof raw !== 'string' || Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a W3C date-time, e.g. 2026-01-05T09:00:00+08:00`);
  return d;
}

/** GET requests: by ids, or filtered (default: the last 90 days, at most 1000, newest first). */
export async function listRequests(ctx: Ctx, q: Record<string, unknown>, secret: Buffer) {
  const key = typeof q.api_key === 'string' && q.api_key ? await keyOrFail(ctx, q.api_key) : null;
  const scope = key?.unitCode ?? '';
  const given = typeof q.service_request_id === 'string' && q.service_request_id ? q.service_request_id.split(',') : undefined;
  if (given && given.length > 100) throw new Open311Error(400, 'at most 100 service_request_id values');
  // Only public ids name a request: a tracking code (or an internal id) finds nothing here.
  const ids = given?.map((g) => openMatterId(secret, 'open311-request', g)).filter((id): id is number => id !== null);
  if (ids?.length === 0) return [];
  const now = ctx.clock.now();
  const to = date(q, 'end_date') ?? now;
  const from = date(q, 'start_date') ?? new Date(to.getTime() - 90 * 86_400_000);
  if (from > to) throw new Open311Error(400, 'start_date must not be after end_date');
  let states: readonly MatterState[] | undefined;
  if (typeof q.status === 'string' && q.status) {
    const wanted = q.status.split(',').map((s) => s.trim());
    if (wanted.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
    states = [...(wanted.includes('open') ? OPEN : []), ...(wanted.includes('closed') ? CLOSED : [])];
  }
  const serviceCode = typeof q.service_code === 'string' && q.service_code ? q.service_code : undefined;
  // Explicit ids are looked up regardless of the date window, as the spec says.
  const rows = await listMattersFeed(ctx, {
    scope,
    ids,
    categoryCode: serviceCode,
    from: ids ? undefined : from,
    to: ids ? undefined : to,
    states,
    limit: 1000,
  });
  return present(ctx, rows, secret);
}

export async function getRequest(ctx: Ctx, id: string, q: Record<string, unknown>, secret: Buffer) {
  const rows = await listRequests(ctx, { ...q, service_request_id: id, status: undefined }, secret);
  if (rows.length === 0) throw new Open311Error(404, `service_request_id not found: ${id}`);
  return rows;
}

/**
 * Requests are created at once, so a token is the public request id itself. A tracking code is
 * not accepted: this read must not tell anyone whether a guessed receipt exists.
 */
export async function tokenLookup(ctx: Ctx, token: string, secret: Buffer) {
  const id = openMatterId(secret, 'open311-request', token);
  const m = id === null ? null : await matterLookup.findMatter(ctx, id);
  if (!m) throw new Open311Error(404, `token not found: ${token}`);
  const publicId = publicRequestId(secret, m.id);
  return [{ service_request_id: publicId, token: publicId }];
}
