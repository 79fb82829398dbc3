/**
 * Port: tells every running instance that sessions were revoked, so that each
 * drops them from its session cache at once instead of when the cache expires.
 */
export abstract class SessionRevocationBus {
  abstract publish(sessionIds: string[]): Promise<void>;

  /** Resolves once the listener will see messages published from now on. */
  abstract subscribe(listener: (sessionIds: string[]) => void): Promise<void>;
}
