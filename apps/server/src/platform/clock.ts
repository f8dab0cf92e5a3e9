/** The app's one source of "now", so tests can move time (deadlines, lockouts, sessions). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The system clock moved by `offsetMs` (JICENG_CLOCK_OFFSET_MS): a demo or test "hours later". */
export function offsetClock(offsetMs: number): Clock {
  return offsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + offsetMs) };
}

export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-05T09:00:00+08:00')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(d: Date | string): void {
    this.current = new Date(d);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
