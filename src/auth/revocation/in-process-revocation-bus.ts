import { SessionRevocationBus } from './session-revocation-bus.js';

/** Adapter for a single instance (no `REDIS_URL`): the only listener is this process. */
export class InProcessRevocationBus extends SessionRevocationBus {
  private readonly listeners: Array<(sessionIds: string[]) => void> = [];

  publish(sessionIds: string[]): Promise<void> {
    for (const listener of this.listeners) listener(sessionIds);
    return Promise.resolve();
  }

  subscribe(listener: (sessionIds: string[]) => void): Promise<void> {
    this.listeners.push(listener);
    return Promise.resolve();
  }
}
