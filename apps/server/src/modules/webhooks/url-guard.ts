import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';

/**
 * Where robot (webhook) URLs may point (docs/security.md, "Robot URLs"). A robot URL is typed by
 * a cadre and POSTed to by the server, so without a guard it reaches whatever the server can:
 * the database, a cloud metadata service, an admin page on 127.0.0.1. By default only WeCom's
 * robot host over https; never an address that is private, loopback, link-local, unique-local or
 * otherwise not on the public Internet, checked both on the typed URL and, at each send, on what
 * the host name resolves to then (a name may point elsewhere later: DNS rebinding).
 */
export interface WebhookPolicy {
  /** Host names allowed (lower case, exact match). */
  hosts: readonly string[];
  allowHttp: boolean;
  /** Allow hosts that are or resolve to non-public addresses (a test robot on 127.0.0.1, an intranet relay). */
  allowPrivate: boolean;
}

export function webhookPolicyOf(config: Pick<Config, 'webhookHosts' | 'webhookAllowHttp' | 'webhookAllowPrivate'>): WebhookPolicy {
  return { hosts: config.webhookHosts, allowHttp: config.webhookAllowHttp, allowPrivate: config.webhookAllowPrivate };
}

let current: WebhookPolicy = { hosts: ['qyapi.weixin.qq.com'], allowHttp: false, allowPrivate: false };

/** Set from the configuration when the app is built (app.ts); tests that use a local robot set their own. */
export function setWebhookPolicy(policy: WebhookPolicy): void {
  current = policy;
}

export function webhookPolicy(): WebhookPolicy {
  return current;
}

// Every range that is not a public unicast address (IANA special-purpose registries).
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** True for an address that is not a public unicast one (IPv4-mapped IPv6 judged by its IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] as string;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return isNonPublicAddress(mapped[1] as string);
  if (/^::\d+\.\d+\.\d+\.\d+$/.test(bare)) return true; // IPv4-compatible (deprecated)
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped) {
    const hi = Number.parseInt(hexMapped[1] as string, 16);
    const lo = Number.parseInt(hexMapped[2] as string, 16);
    return isNonPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  const family = isIP(bare);
  if (family === 4) return NOT_PUBLIC.check(bare, 'ipv4');
  if (family === 6) return NOT_PUBLIC.check(bare, 'ipv6');
  return true;
}

type Reason = { zh: string; en: string };

const invalid = (r: Reason) => new AppError('WEBHOOK_URL_INVALID', { reason: r.zh, reasonEn: r.en }, { field: 'url' });

/** Why a typed URL may not be a robot's, or null. Checks the text only (no DNS). */
export function urlProblem(url: string, policy: WebhookPolicy = current): Reason | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { zh: '不是有效的网址', en: 'not a valid URL' };
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && policy.allowHttp))
    return { zh: `只允许 https 地址，不支持 ${u.protocol}`, en: `only https addresses are allowed, not ${u.protocol}` };
  if (u.username || u.password) return { zh: '地址中不能含用户名或密码', en: 'no user or password in the URL' };
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (!policy.hosts.includes(host)) return { zh: `只允许这些主机：${policy.hosts.join('、')}`, en: `only these hosts are allowed: ${policy.hosts.join(', ')}` };
  if (!policy.allowPrivate && isIP(host.replace(/^\[|\]$/g, '')) && isNonPublicAddress(host))
    return { zh: '不能指向内网、本机或保留地址', en: 'must not point to a private, loopback or reserved address' };
  return null;
}

/** Refuses (400 on `url`) a robot URL the policy does not allow: on create and update. */
export function checkUrl(url: string): void {
  const problem = urlProblem(url);
  if (problem) throw invalid(problem);
}

/**
 * At send time: the URL must still be allowed (the policy may have tightened since it was saved)
 * and every address its host resolves to now must be public. Null when it may be sent to, else
 * the reason, which the outbox records as the failure.
 */
export async function sendTimeProblem(url: string, policy: WebhookPolicy = current): Promise<string | null> {
  const problem = urlProblem(url, policy);
  if (problem) return `refused by the robot URL policy: ${problem.en}`;
  if (policy.allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null; // a literal address was judged above
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    return `DNS: ${(err as { code?: string }).code ?? (err as Error).message}`;
  }
  const bad = addresses.find((a) => isNonPublicAddress(a.address));
  return bad ? `refused by the robot URL policy: ${host} resolves to the non-public address ${bad.address}` : null;
}
