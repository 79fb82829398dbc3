import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  it('doubles from the base after each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 1000, 60_000))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never exceeds the cap, however many attempts were made', () => {
    expect(retryDelay(7, 1000, 30_000)).toBe(30_000);
    expect(retryDelay(500, 1000, 30_000)).toBe(30_000);
  });
});
