import { PollingLoop } from './polling-loop.js';

describe('PollingLoop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then once per interval', async () => {
    const work = vi.fn(async () => ({ more: false }));
    const loop = new PollingLoop(1000, work);
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(2);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('runs again right away while there is more to do, and when woken', async () => {
    let backlog = 2;
    const work = vi.fn(async () => ({ more: backlog-- > 0 }));
    const loop = new PollingLoop(1000, work);
    loop.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(work).toHaveBeenCalledTimes(3);
    loop.wake();
    await vi.advanceTimersByTimeAsync(10);
    expect(work).toHaveBeenCalledTimes(4);
    await loop.stop();
  });

  it('waits for the run in progress when stopped', async () => {
    let finish!: () => void;
    const loop = new PollingLoop(
      1000,
      () => new Promise((resolve) => (finish = () => resolve({ more: false }))),
    );
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
