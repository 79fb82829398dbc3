const HOUR_MS = 60 * 60_000;

/**
 * Digests go out at the top of each hour, one per reader at most, for the
 * articles that arrived during the hour that just ended.
 */
export function digestWindow(now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { start: new Date(start), end: new Date(start + HOUR_MS) };
}
