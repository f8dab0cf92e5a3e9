import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

/**
 * Shows the server's (already localised) message in a toast and, when a form is given, marks
 * the fields the server named (error.field, error.details[].field) with their reasons.
 */
export function useApiError() {
  const { message } = App.useApp();
  const { locale } = useI18n();
  return useCallback(
    // biome-ignore lint/suspicious/noExplicitAny: any form's values
    (err: unknown, form?: FormInstance<any>) => {
      const text = err instanceof Error ? err.message : String(err);
      message.error(text);
      if (!(err instanceof ApiError) || !form) return;
      const known = new Set(Object.keys(form.getFieldsValue() as object));
      const fields = err.details.length
        ? err.details.map((d) => ({ name: d.field, errors: [locale === 'en' ? d.en : d.zh] }))
        : err.field
          ? [{ name: err.field, errors: [text] }]
          : [];
      // Nested fields come as "residents.0.idNumber": a Form.List path ['residents', 0, 'idNumber'].
      const path = (name: string) => name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      form.setFields(fields.filter((f) => known.has(f.name.split('.')[0] as string)).map((f) => ({ ...f, name: path(f.name) })));
    },
    [message, locale],
  );
}
