// The last handled events' lag (commit of the change → commit of the handler), per instance.
const SIZE = 20_000;
const samples = new Float64Array(SIZE);
let next = 0;
let filled = 0;

export function recordLag(ms: number): void {
  samples[next] = ms;
  next = (next + 1) % SIZE;
  filled = Math.min(filled + 1, SIZE);
}

export function resetLag(): void {
  next = 0;
  filled = 0;
}

export function lagStats(): { count: number; p50: number | null; p95: number | null; p99: number | null; max: number | null } {
  if (filled === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = Array.from(samples.subarray(0, filled)).sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(filled - 1, Math.floor(q * filled))] as number);
  return { count: filled, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted[filled - 1] as number) };
}
