import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

/**
 * Opaque, unforgeable public names for a matter, derived from its internal id with the server
 * secret: Open311's `service_request_id`, and the similar list's `followToken`. The block
 * `id (8 bytes) ‖ 8 zero bytes` is AES-256-encrypted with a key for one purpose, so the name
 * reveals neither the id nor how many matters there are, one purpose's name is useless for the
 * other, and a forged name decrypts to a non-zero tail (accepted once in 2^64). Neither names
 * the tracking code, the resident's secret receipt for rating and reopening.
 */
export type PublicIdPurpose = 'open311-request' | 'matter-follow';

const keys = new Map<string, Buffer>();

function keyOf(secret: Buffer, purpose: PublicIdPurpose): Buffer {
  const cacheKey = `${purpose}:${secret.toString('hex')}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = createHmac('sha256', secret).update(`jiceng public id: ${purpose}`).digest();
    if (keys.size > 16) keys.clear();
    keys.set(cacheKey, key);
  }
  return key;
}

// Crockford base32 (lower case): no i, l, o, u; read case-insensitively.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 26; // 128 bits + 2 padding bits

function encode(block: Buffer): string {
  let n = BigInt(`0x${block.toString('hex')}`) << 2n;
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out = ALPHABET[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

function decode(text: string): Buffer | null {
  const s = text.toLowerCase().replace(/o/g, '0').replace(/[il]/g, '1');
  if (s.length !== LENGTH) return null;
  let n = 0n;
  for (const c of s) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    n = (n << 5n) | BigInt(v);
  }
  if ((n & 3n) !== 0n) return null;
  return Buffer.from((n >> 2n).toString(16).padStart(32, '0'), 'hex');
}

export function sealMatterId(secret: Buffer, purpose: PublicIdPurpose, id: number): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(id), 0);
  const cipher = createCipheriv('aes-256-ecb', keyOf(secret, purpose), null).setAutoPadding(false);
  return encode(Buffer.concat([cipher.update(block), cipher.final()]));
}

/** The matter id a public name stands for, or null when it was not made with this secret and purpose. */
export function openMatterId(secret: Buffer, purpose: PublicIdPurpose, name: string): number | null {
  const sealed = decode(name.trim());
  if (!sealed) return null;
  const decipher = createDecipheriv('aes-256-ecb', keyOf(secret, purpose), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  if (block.readBigUInt64BE(8) !== 0n) return null;
  const id = block.readBigUInt64BE(0);
  return id > 0n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : null;
}
