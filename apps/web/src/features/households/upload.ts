import { ApiError, type ErrorDetail } from '../../app/api';
import type { Locale } from '../../app/i18n';
import type { ImportResult } from '@jiceng/shared/schemas/households';

/**
 * Sends a register file by XMLHttpRequest, because fetch cannot report upload progress and a
 * village's book on a slow line takes a while. Errors come back as the api client's ApiError.
 */
export function uploadRegister(
  file: File,
  q: { unitCode: string; dryRun: boolean; update?: boolean; locale: Locale },
  onProgress: (percent: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/households/import?unitCode=${encodeURIComponent(q.unitCode)}&dryRun=${q.dryRun}&update=${q.update === true}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', q.locale === 'en' ? 'en' : 'zh-CN,zh;q=0.9');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error(q.locale === 'en' ? 'Network error: the file was not sent' : '网络错误，文件未能上传'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // a proxy's HTML error page: fall through with the status text
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as ImportResult);
      const e = (data as { error?: { code: string; message: string; field?: string; details?: ErrorDetail[] } } | null)?.error;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? xhr.statusText, e?.field, e?.details ?? []));
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}
