import { createHmac, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config';
import { openMatterId, sealMatterId } from './public-ids';

// Crockford base32: no I, L, O, U, so a code read aloud over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn 4 KB at a time: one call to the generator per 400 codes instead of one per code.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** 10 random base32 characters (50 bits): short enough to read out, too many to guess. */
export function newTrackingCode(): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[(pool[poolAt + i] as number) & 31];
  poolAt += 10;
  return out;
}

/** Accepts what people type: lower case, spaces and dashes, O for 0, I/L for 1. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

let cachedSecret: { key: string; value: Buffer } | null = null;

/**
 * The server secret that signs contact-card report tokens: the config's JICENG_SECRET, or one
 * generated once and kept in the data folder so that printed QR codes stay valid across restarts
 * (loadConfig refuses to start production on PostgreSQL without JICENG_SECRET, since instances
 * share no data folder).
 */
export function serverSecret({ dataDir, secret }: Pick<Config, 'dataDir' | 'secret'>): Buffer {
  const key = `${secret ?? ''}|${dataDir}`;
  if (cachedSecret?.key === key) return cachedSecret.value;
  const value = secret ? Buffer.from(secret, 'utf8') : generatedSecret(dataDir);
  cachedSecret = { key, value };
  return value;
}

/** `<dataDir>/secret`, made once; written whole then linked, so workers starting together agree on one. */
function generatedSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

type TokenPurpose = 'household-report';

function mac(secret: Buffer, purpose: TokenPurpose, id: number): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url').slice(0, 16);
}

/** An id and a truncated HMAC bound to one purpose: it names the id without letting anyone forge another. */
function signId(secret: Buffer, purpose: TokenPurpose, id: number): string {
  return `${id.toString(36)}.${mac(secret, purpose, id)}`;
}

function verifyId(secret: Buffer, purpose: TokenPurpose, token: string): number | null {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!m) return null;
  const id = Number.parseInt(m[1] as string, 36);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const expected = Buffer.from(mac(secret, purpose, id));
  const given = Buffer.from(m[2] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** A household's report token for its contact-card QR (/r/<token>). */
export function householdReportToken(secret: Buffer, householdId: number): string {
  return signId(secret, 'household-report', householdId);
}

/** The household id a token names, or null when the token was not made with this secret. */
export function verifyHouseholdReportToken(secret: Buffer, token: string): number | null {
  return verifyId(secret, 'household-report', token);
}

/**
 * Lets a resident follow a similar matter shown on the report page without learning its tracking
 * code (which would let them read its answer, rate or reopen it).
 */
export function matterFollowToken(secret: Buffer, matterId: number): string {
  // Sealed, not signed: a signed token would start with the matter's id (public-ids.ts).
  return sealMatterId(secret, 'matter-follow', matterId);
}

export function verifyMatterFollowToken(secret: Buffer, token: string): number | null {
  return openMatterId(secret, 'matter-follow', token);
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The image type by its first bytes (never by the name or the declared type), or null. */
export function sniffImage(buf: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}
