/**
 * Runs `work` now and then every `intervalMs` after the previous run ended,
 * until stopped; at once again when `work` says there is more to do.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private current?: Promise<unknown>;
  private stopped = true;
  /** `wake()` came while `work` was running: run it again right after. */
  private rerun = false;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<{ more: boolean }>,
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
    if (this.stopped) return;
    if (this.current) {
      this.rerun = true;
      return;
    }
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
      this.current = this.work()
        .then(
          ({ more }) => more,
          () => false,
        )
        .then((more) => {
          const again = more || this.rerun;
          this.current = undefined;
          this.rerun = false;
          this.schedule(again ? 0 : this.intervalMs);
        });
    }, delayMs);
  }
}
