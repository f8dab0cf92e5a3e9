import { hasInvisibleControls, INVISIBLE_CONTROLS_MESSAGE } from '@jiceng/shared';

/**
 * The refinement every name schema adds (people's, households', units'): no zero-width or
 * text-direction characters, which make two names look alike or reorder what a reader sees.
 * Use as `z.string()….refine(...visibleName)`.
 */
export const visibleName = [(value: string) => !hasInvisibleControls(value), INVISIBLE_CONTROLS_MESSAGE] as const;
