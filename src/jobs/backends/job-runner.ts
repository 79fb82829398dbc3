/**
 * Port: whatever takes jobs from the outbox and runs them in this process.
 * `JobsModule` picks the adapter from config (BullMQ with `REDIS_URL`, the
 * in-process poller without) and starts it only in `worker` and `all` roles.
 */
export abstract class JobRunner {
  abstract start(): Promise<void>;

  /** Stops taking jobs, lets running ones finish within the grace period, releases the rest. */
  abstract stop(): Promise<void>;
}
