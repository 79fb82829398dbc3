/** Exponential backoff: `base`, `2 × base`, `4 × base`... never more than `max`. */
export function retryDelay(attemptsMade: number, base: number, max: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(base * 2 ** Math.min(exponent, 30), max);
}
