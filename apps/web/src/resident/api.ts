import { english } from './i18n';

/** The server's error, already in the page's language, naming the field when there is one. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly details: { field: string; zh: string; en: string }[] = [],
  ) {
    super(message);
  }
}

/** No answer at all (weak signal): the form keeps what was typed. */
export class NetworkError extends Error {}

/** `timeoutMs`: an answer that takes longer counts as lost (a NetworkError), so it can be retried. */
export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 0): Promise<T> {
  let res: Response;
  const abort = timeoutMs && typeof AbortController === 'function' ? new AbortController() : null;
  const timer = abort ? setTimeout(() => abort.abort(), timeoutMs) : 0;
  try {
    res = await fetch(`/api/public${path}`, {
      method,
      signal: abort?.signal,
      headers: {
        Accept: 'application/json',
        'Accept-Language': english ? 'en' : 'zh-CN',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    clearTimeout(timer);
    throw new NetworkError();
  }
  const data = (await res.json().catch(() => null)) as { error?: { message: string; field?: string; details?: ServerError['details'] } } | null;
  clearTimeout(timer);
  if (data === null && abort?.signal.aborted) throw new NetworkError(); // cut off mid-answer
  if (!res.ok) {
    const e = data?.error;
    throw new ServerError(res.status, e?.message ?? `HTTP ${res.status}`, e?.field, e?.details ?? []);
  }
  return data as T;
}

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
}

// The answers' shapes come from the server's schemas (type-only: no zod in this bundle).
export type { SimilarPublic as SimilarHit } from '@jiceng/shared/schemas/similar';
export type { PublicView as PublicMatter } from '@jiceng/shared/schemas/matters';
