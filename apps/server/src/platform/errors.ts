import { ERRORS, type ErrorCode, formatMessage, type Locale } from '@jiceng/shared';

export interface ErrorDetail {
  field: string;
  zh: string;
  en: string;
}

/** The one error type services throw. The HTTP layer turns it into the catalogue's answer. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly options: { field?: string; details?: ErrorDetail[] } = {},
  ) {
    super(formatMessage(ERRORS[code].en, params));
    this.status = ERRORS[code].status;
  }

  body(locale: Locale, requestId: string) {
    const def = ERRORS[this.code];
    const params = { requestId, ...this.params };
    const zh = formatMessage(def.zh, params);
    const en = formatMessage(def.en, params);
    return {
      error: {
        code: this.code,
        message: locale === 'en' ? en : zh,
        zh,
        en,
        ...(this.options.field ? { field: this.options.field } : {}),
        ...(this.options.details?.length ? { details: this.options.details } : {}),
      },
      requestId,
    };
  }
}

/** A validation failure on named fields, each with a reason in both languages. */
export function validationError(details: ErrorDetail[]): AppError {
  const summary = (lang: 'zh' | 'en') => details.map((d) => `${d.field}: ${d[lang]}`).join('; ');
  return new AppError('VALIDATION', { summaryZh: summary('zh'), summaryEn: summary('en') }, { field: details[0]?.field, details });
}

export function fieldError(field: string, zh: string, en: string): AppError {
  return validationError([{ field, zh, en }]);
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', { what });
}
