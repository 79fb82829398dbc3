import { setTimeout as sleep } from 'node:timers/promises';

/** The jobs this process is running now, so shutdown can wait for them or give them back. */
export class InFlightJobs {
  private readonly running = new Map<number, Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track(id: number, work: Promise<unknown>): Promise<unknown> {
    const settled = work.finally(() => this.running.delete(id));
    this.running.set(id, settled);
    return settled;
  }

  /** Waits up to `graceMs` for every job to settle; returns the ids still running. */
  async drain(graceMs: number): Promise<number[]> {
    if (this.running.size > 0) {
      const timeout = new AbortController();
      await Promise.race([
        Promise.allSettled(this.running.values()),
        sleep(graceMs, undefined, { signal: timeout.signal }).catch(() => undefined),
      ]);
      timeout.abort();
    }
    return [...this.running.keys()];
  }
}
