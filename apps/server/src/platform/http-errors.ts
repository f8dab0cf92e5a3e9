import type { Locale } from '@jiceng/shared';
import { z } from 'zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, type ErrorDetail, validationError } from './errors';
import { localeFrom } from './i18n';

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

// Zod leaves the input out of its issues, so re-worded in another language a wrong type would be
// "received undefined": a value of the type its own (English) message names stands in for it.
const RECEIVED = /received (\w+)$/;
const SAMPLE_OF: Record<string, unknown> = { string: '', number: 0, boolean: false, array: [], object: {}, null: null, bigint: 0n, nan: Number.NaN };

/** Zod issues carry no language; give each one both a Chinese and an English reason. */
function detailsFromValidation(context: string | undefined, items: ValidationItem[]): ErrorDetail[] {
  return items.map((item) => {
    const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const received = item.keyword === 'invalid_type' ? RECEIVED.exec(item.message ?? '')?.[1] : undefined;
    const input = received && received in SAMPLE_OF ? { input: SAMPLE_OF[received] } : {};
    const issue = { code: item.keyword, path: path.split('.'), message: item.message, ...item.params, ...input } as never;
    const field = path || context || 'body';
    const en = String(enLocale.localeError(issue) ?? item.message);
    // A schema's own message is written "中文 / English"; zod's defaults come in both locales.
    if (item.message && item.message !== en) {
      const [zhMsg, enMsg] = item.message.split(' / ');
      return { field, zh: zhMsg as string, en: enMsg ?? (zhMsg as string) };
    }
    return { field, zh: String(zhLocale.localeError(issue) ?? item.message), en };
  });
}

function toAppError(err: FastifyError & { validationContext?: string }): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    return validationError(detailsFromValidation(err.validationContext, err.validation as ValidationItem[]));
  }
  if (err instanceof z.ZodError) {
    return validationError(
      detailsFromValidation(
        undefined,
        err.issues.map((i) => ({ instancePath: `/${i.path.join('/')}`, keyword: i.code, message: i.message, params: i as never })),
      ),
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', {}, { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: err.message.split(': ').at(-1) }, { field: 'content-type' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
  }
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if ((err as { code?: string }).code === '40001' || (err as { code?: string }).code === '40P01') return new AppError('CONFLICT');
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('INVALID_JSON', {}, { field: 'body' });
  if (isDatabaseUnavailable(err)) return new AppError('DB_UNAVAILABLE');
  return new AppError('INTERNAL');
}

/** One error handler: catalogue codes, both languages, 5xx details only in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: appErr.code, field: appErr.options.field }, 'request refused');
    const locale: Locale = localeFrom(req.headers['accept-language']);
    reply.status(appErr.status).send(appErr.body(locale, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('ROUTE_NOT_FOUND', { method: req.method, url: req.url.split('?')[0] });
    reply.status(404).send(e.body(localeFrom(req.headers['accept-language']), req.id));
  });
}
