/** Runs `work` now and then every `intervalMs` after the previous run ended, until stopped. */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {}

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs `work` again as soon as possible rather than after the interval (e.g. a slot came free). */
  wake(): void {
    if (this.stopped || this.current) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Resolves once the run in progress, if any, has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.work().finally(() => {
        this.current = undefined;
        this.schedule(this.intervalMs);
      });
    }, delayMs);
  }
}
