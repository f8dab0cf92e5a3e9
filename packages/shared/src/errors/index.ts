import { accountErrors } from './accounts';
import { commonErrors } from './common';
import { orgErrors } from './org';
import type { ErrorCatalogue } from './types';

export type { ErrorCatalogue, ErrorDef } from './types';

/** Every error the API can answer with. Add a module's file here; codes are stable. */
export const ERRORS = {
  ...commonErrors,
  ...orgErrors,
  ...accountErrors,
} satisfies ErrorCatalogue;

export type ErrorCode = keyof typeof ERRORS;

export type Locale = 'zh-CN' | 'en';

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}
