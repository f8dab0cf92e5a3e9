/**
 * How long the visit queue waits before trying again after a failed send: 2 s, 4 s, 8 s … up to
 * a minute, so a phone back in signal sends within seconds and one without it does not spin.
 */
export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(60_000, 1000 * 2 ** Math.min(failures, 6));
}
