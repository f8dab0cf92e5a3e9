// Publishing on this instance wakes its dispatcher at once instead of at the next poll; the
// dispatcher runs after the publisher's commit because it starts on a timer, and finds nothing
// harmful if it runs early (it polls again). Other instances find the work at their next poll.
const listeners = new Set<() => void>();

export function onWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wake(): void {
  for (const l of listeners) l();
}
