import { accountErrors } from './accounts';
import { commonErrors } from './common';
import { householdErrors } from './households';
import { linkageErrors } from './linkage';
import { matterErrors } from './matters';
import { orgErrors } from './org';
import type { ErrorCatalogue } from './types';
import { visitErrors } from './visits';
import { webhookErrors } from './webhooks';
import { similarErrors } from './similar';
import { open311Errors } from './open311';

export type { ErrorCatalogue, ErrorDef } from './types';

/** Every error the API can answer with. Add a module's file here; codes are stable. */
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
