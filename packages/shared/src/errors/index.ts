import accountErrors from './accounts.json';
import commonErrors from './common.json';
import householdErrors from './households.json';
import linkageErrors from './linkage.json';
import matterErrors from './matters.json';
import orgErrors from './org.json';
import type { ErrorCatalogue } from './types';
import visitErrors from './visits.json';
import webhookErrors from './webhooks.json';
import similarErrors from './similar.json';
import open311Errors from './open311.json';

export type { ErrorCatalogue, ErrorDef } from './types';

/**
 * Every error the API can answer with. Each module's catalogue is a JSON file (code → status, zh,
 * en, and an optional note for translators), data that translators edit without touching code;
 * add a module's file here. Codes are stable.
 */
export const ERRORS = {
  ...commonErrors,
  ...orgErrors,
  ...accountErrors,
  ...householdErrors,
  ...linkageErrors,
  ...visitErrors,
  ...matterErrors,
  ...webhookErrors,
  ...similarErrors,
  ...open311Errors,
} satisfies ErrorCatalogue;

export type ErrorCode = keyof typeof ERRORS;

export type Locale = 'zh-CN' | 'en';

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}
