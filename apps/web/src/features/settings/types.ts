import type { Cadence } from '@jiceng/shared/visits';
import type { Urgency } from '@jiceng/shared/matters/states';

/** Shapes of the settings APIs, as the server's response schemas declare them. */

type PerUrgency = Record<Urgency, number>;

/** The editable hour fields of a category (null: the default for that urgency). */
export const HOUR_FIELDS = [
  'respondHoursUrgent',
  'respondHoursOrdinary',
  'respondHoursComplex',
  'resolveHoursUrgent',
  'resolveHoursOrdinary',
  'resolveHoursComplex',
] as const;
export type HourField = (typeof HOUR_FIELDS)[number];

/** GET /matter-categories (matters/schemas.ts categoryOut). */
export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  defaultUrgency: Urgency;
  sort: number;
  /** In force: the override or the default. */
  respondHours: PerUrgency;
  resolveHours: PerUrgency;
  overrides: Record<HourField, number | null>;
}

/** PUT /matter-categories/:code body. */
export type CategoryBody = Pick<Category, 'nameZh' | 'nameEn' | 'active' | 'defaultUrgency' | 'sort'> & Record<HourField, number | null>;

/** The visit cadence (one definition, shared with the server's rule). */
export type { Cadence };

/** GET /visits/cadence/:unitCode. */
export interface CadenceOut {
  unitCode: string;
  own: Cadence | null;
  effective: Cadence;
  source: 'village' | 'township' | 'default';
}

/** GET and PUT /cards/hotline. */
export interface Hotline {
  unitCode: string;
  hotline: string | null;
}

/** GET /api-keys (open311/keys-routes.ts keyOut); dates as ISO strings. */
export interface ApiKey {
  id: number;
  name: string;
  keyPrefix: string;
  unitCode: string;
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api-keys: the key itself, only in this answer. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}
