import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { errorStack } from '../common/errors/error-stack.js';
import { LruCache } from '../common/lru-cache.js';
import type { AllConfig } from '../config/config.type.js';
import { Session } from './entities/session.entity.js';
import { SessionRevocationBus } from './revocation/session-revocation-bus.js';

interface CachedSession {
  userId: number;
  expiresAt: number;
  /** A tombstone: revocation is final, so it never needs re-reading. */
  revoked: boolean;
  checkedAt: number;
}

/** `lastUsedAt` is a hint for the sessions list; writing it more often would cost a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Answers "is this session still open?" for every authenticated request.
 * Hits are served from an in-process LRU for a few seconds; a revocation
 * turns the entry into a tombstone here at once and, through the revocation
 * bus, on every other instance too.
 */
@Injectable()
export class SessionValidator implements OnModuleInit {
  private readonly logger = new Logger(SessionValidator.name);
  private readonly cache: LruCache<string, CachedSession>;
  private readonly ttlMs: number;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly bus: SessionRevocationBus,
    config: ConfigService<AllConfig, true>,
  ) {
    const auth = config.getOrThrow('auth', { infer: true });
    this.cache = new LruCache(auth.sessionCacheSize);
    this.ttlMs = auth.sessionCacheTtlMs;
  }

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe((sessionIds) => this.markRevoked(sessionIds));
  }

  async isActive(sessionId: string, userId: number): Promise<boolean> {
    const now = Date.now();
    let entry = this.cache.get(sessionId);
    if (!entry || (!entry.revoked && now - entry.checkedAt >= this.ttlMs)) {
      entry = await this.load(sessionId, now);
    }
    return !entry.revoked && entry.userId === userId && entry.expiresAt > now;
  }

  /** Call after the revocation is committed. */
  async revoked(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    this.markRevoked(sessionIds);
    try {
      await this.bus.publish(sessionIds);
    } catch (error) {
      // The database already says "revoked"; other instances learn it when their cache entry expires.
      this.logger.error('Could not broadcast a session revocation', errorStack(error));
    }
  }

  private markRevoked(sessionIds: string[]): void {
    for (const id of sessionIds) {
      this.cache.set(id, { userId: 0, expiresAt: 0, revoked: true, checkedAt: Date.now() });
    }
  }

  private async load(sessionId: string, now: number): Promise<CachedSession> {
    const session = await this.sessions.findOne({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
    const entry: CachedSession = {
      userId: session?.userId ?? 0,
      expiresAt: session?.expiresAt.getTime() ?? 0,
      revoked: !session || session.revokedAt !== null,
      checkedAt: now,
    };
    // A revocation that arrived while the row was being read wins over the read.
    if (!this.cache.get(sessionId)?.revoked) this.cache.set(sessionId, entry);
    if (session && !entry.revoked && now - session.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      this.touch(sessionId, now);
    }
    return this.cache.get(sessionId) ?? entry;
  }

  private touch(sessionId: string, now: number): void {
    this.sessions
      .update({ id: sessionId }, { lastUsedAt: new Date(now) })
      .catch((error: unknown) => this.logger.warn(`Could not update lastUsedAt: ${String(error)}`));
  }
}
