import { z } from 'zod';
import { hasInvisibleControls, INVISIBLE_CONTROLS_MESSAGE } from '../security/text-controls';

/**
 * What a value looks like once JSON carried it: the web reads the API through this, since a
 * response schema's `z.date()` arrives as an ISO string.
 */
export type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** The API's answer for a response schema, as the web receives it. */
export type Out<S extends z.ZodType> = Json<z.output<S>>;

/** Any unit: district (6), township (9), village (12), zone (14) or group (16 digits). */
export const unitCode = z
  .string()
  .regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits');

/** No zero-width or text-direction characters in a name: `z.string()….refine(...visibleName)`. */
export const visibleName = [(value: string) => !hasInvisibleControls(value), INVISIBLE_CONTROLS_MESSAGE] as const;

/** The presenters' ISO strings; the format is documented, not re-checked on every response. */
export const time = z.string().meta({ format: 'date-time' });
