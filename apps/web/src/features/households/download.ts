import { ApiError } from '../../app/api';
import type { Locale } from '../../app/i18n';

/** Fetches a file from the API and saves it; a refusal is thrown as ApiError so the page can show the reason. */
export async function download(path: string, fallbackName: string, locale: Locale): Promise<void> {
  const res = await fetch(`/api${path}`, { credentials: 'include', headers: { 'Accept-Language': locale === 'en' ? 'en' : 'zh-CN,zh;q=0.9' } });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { code: string; message: string; field?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.field);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
