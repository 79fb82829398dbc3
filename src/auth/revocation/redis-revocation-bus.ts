import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { SessionRevocationBus } from './session-revocation-bus.js';

export const REVOCATION_CHANNEL = 'inkwell:sessions:revoked';

/**
 * Adapter for several instances: Redis pub/sub. A subscribed connection can
 * do nothing else, hence two connections. A message lost while Redis is
 * unreachable is covered by the session cache's short TTL.
 */
export class RedisRevocationBus extends SessionRevocationBus implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisRevocationBus.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: Array<(sessionIds: string[]) => void> = [];

  constructor(url: string) {
    super();
    this.publisher = new Redis(url, { lazyConnect: true });
    this.subscriber = new Redis(url, { lazyConnect: true });
    this.subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
  }

  async publish(sessionIds: string[]): Promise<void> {
    await this.publisher.publish(REVOCATION_CHANNEL, JSON.stringify(sessionIds));
  }

  async subscribe(listener: (sessionIds: string[]) => void): Promise<void> {
    this.listeners.push(listener);
    if (this.listeners.length === 1) await this.subscriber.subscribe(REVOCATION_CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  private deliver(message: string): void {
    let sessionIds: unknown;
    try {
      sessionIds = JSON.parse(message);
    } catch {
      sessionIds = undefined;
    }
    if (!Array.isArray(sessionIds) || !sessionIds.every((id) => typeof id === 'string')) {
      this.logger.warn('Ignored a malformed session revocation message');
      return;
    }
    for (const listener of this.listeners) listener(sessionIds);
  }
}
