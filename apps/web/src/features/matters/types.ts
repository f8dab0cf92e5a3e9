import type { Urgency } from '@jiceng/shared/matters/states';

// The matters API's answers: `import type` from @jiceng/shared/schemas/matters.

/** GET /public/categories (its schema stays with the category endpoints in the server's matters/schemas.ts). */
export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultUrgency: Urgency;
}
