/** Captured before any test app assigns its own environment. */
const redisUrl = process.env.REDIS_URL ?? '';

export interface JobRunnerCase {
  runner: 'in-process' | 'bullmq';
  /** False for BullMQ when `REDIS_URL` is unset: its tests are skipped. */
  available: boolean;
  /** Environment for `createTestApp` that starts this runner. */
  env: { REDIS_URL: string; PROCESS_ROLE: 'all' };
}

/**
 * The job backends every job test runs on: the in-process outbox runner
 * always, BullMQ on the real Redis when `REDIS_URL` is set (as in CI).
 */
export const jobRunnerCases: JobRunnerCase[] = [
  { runner: 'in-process', available: true, env: { REDIS_URL: '', PROCESS_ROLE: 'all' } },
  {
    runner: 'bullmq',
    available: redisUrl !== '',
    env: { REDIS_URL: redisUrl, PROCESS_ROLE: 'all' },
  },
];
