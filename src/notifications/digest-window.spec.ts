import { digestWindow } from './digest-window.js';

describe('digestWindow', () => {
  it('is the clock hour around the given time, ending at the next full hour', () => {
    expect(digestWindow(new Date('2026-11-25T10:15:30.500Z'))).toEqual({
      start: new Date('2026-11-25T10:00:00.000Z'),
      end: new Date('2026-11-25T11:00:00.000Z'),
    });
  });

  it('starts a new window exactly on the hour', () => {
    expect(digestWindow(new Date('2026-11-25T11:00:00.000Z')).start).toEqual(
      new Date('2026-11-25T11:00:00.000Z'),
    );
  });
});
