import type { MatterAction } from '@jiceng/shared/matters/machine';
import type { MatterDetail } from '@jiceng/shared/schemas/matters';

// The order buttons appear in: the usual next step first, the rarer ones after.
const ORDER: MatterAction[] = [
  'transmit',
  'triage',
  'accept',
  'checkIn',
  'reply',
  'dispatch',
  'resolve',
  'settleOnSpot',
  'feedback',
  'rate',
  'close',
  'escalate',
  'transfer',
  'reopen',
  'pause',
  'resume',
  'closeUnresolved',
];

/**
 * The buttons of the matter page: exactly the actions the server said this user may take now
 * (the detail's `allowedActions`, from the server's policy), in the page's order. Nothing is
 * re-derived here. Merge is not a button: it is offered beside each similar matter (`mayMerge`).
 */
export function actionButtons(m: Pick<MatterDetail, 'allowedActions'>): MatterAction[] {
  const allowed = new Set(m.allowedActions);
  return ORDER.filter((a) => allowed.has(a));
}

/** Whether the server allows this user to merge the matter into another now. */
export function mayMerge(m: Pick<MatterDetail, 'allowedActions'>): boolean {
  return m.allowedActions.includes('merge');
}
