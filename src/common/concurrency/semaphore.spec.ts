import { Semaphore } from './semaphore.js';

/** A task that runs until `finish()` is called, recording when it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once and starts the others in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => controllable(log, name));
    const results = [a, b, c, d].map(({ task }) => semaphore.run(task));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(semaphore.running).toBe(2);
    expect(semaphore.queued).toBe(2);

    b.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    expect(semaphore.running).toBe(2);

    a.finish();
    c.finish();
    d.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(semaphore.running).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(semaphore.running).toBe(0);
    expect(await semaphore.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('never lets a newcomer overtake a waiting task', async () => {
    const semaphore = new Semaphore(1);
    const log: string[] = [];
    const first = controllable(log, 'first');
    const second = controllable(log, 'second');
    const running = semaphore.run(first.task);
    const waiting = semaphore.run(second.task);
    first.finish();
    await running;
    // The slot was handed to `second`: a task arriving now has to queue.
    const late = controllable(log, 'late');
    const lateRun = semaphore.run(late.task);
    await tick();
    expect(log).toEqual(['start first', 'end first', 'start second']);
    second.finish();
    late.finish();
    await Promise.all([waiting, lateRun]);
    expect(log.at(-2)).toBe('start late');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the limit %s', (limit) => {
    expect(() => new Semaphore(limit)).toThrow(RangeError);
  });
});
