import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Not, Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { hashSecretToken, newSecretToken } from '../common/crypto/secret-tokens.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import { NotFoundError, UnauthorizedError } from '../common/errors/domain-errors.js';
import type { AllConfig } from '../config/config.type.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessTokenService } from './access-token.service.js';
import type { SessionDto } from './dto/session.dto.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { Session } from './entities/session.entity.js';
import { SessionValidator } from './session-validator.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionTokens {
  sessionId: string;
  /** The RealWorld `token`: a JWT carrying the session id. */
  accessToken: string;
  refreshToken: string;
  /** When the session (and so the refresh token) lapses unless refreshed. */
  expiresAt: Date;
}

/** How a session was opened, as recorded in the audit log. */
export type SignInMethod = 'registration' | 'password' | 'two-factor';

@Injectable()
export class SessionsService {
  private readonly ttlMs: number;
  private readonly reuseGraceMs: number;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly transactions: TransactionRunner,
    private readonly accessTokens: AccessTokenService,
    private readonly validator: SessionValidator,
    private readonly audit: AuditService,
    config: ConfigService<AllConfig, true>,
  ) {
    const auth = config.getOrThrow('auth', { infer: true });
    this.ttlMs = auth.sessionTtlDays * DAY_MS;
    this.reuseGraceMs = auth.refreshReuseGraceSeconds * 1000;
  }

  /** Opens a session for a user whose credentials were just checked; audited as a login. */
  async open(userId: number, client: ClientInfo, method: SignInMethod): Promise<SessionTokens> {
    const now = new Date();
    const session = this.sessions.create({
      id: randomUUID(),
      userId,
      userAgent: client.userAgent,
      ip: client.ip,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
      revokedAt: null,
    });
    const refreshToken = newSecretToken();
    await this.transactions.run(async (manager) => {
      await manager.insert(Session, session);
      await manager.insert(RefreshToken, {
        sessionId: session.id,
        tokenHash: hashSecretToken(refreshToken),
        rotatedAt: null,
      });
    });
    await this.audit.record({
      action: AuditAction.LoginSucceeded,
      actorId: userId,
      targetId: userId,
      client,
      detail: method,
    });
    return this.tokensFor(session, refreshToken);
  }

  /**
   * Trades a refresh token for a new pair. The conditional update lets exactly
   * one of two concurrent refreshes win; the loser, and a copy arriving within
   * the grace period, are refused without harming the session. A rotated
   * token presented later means two parties hold the session (the owner and
   * a thief), so the whole session is revoked.
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<SessionTokens> {
    const invalid = new UnauthorizedError('refreshToken', 'is invalid or expired');
    const justUsed = new UnauthorizedError('refreshToken', 'was just used by another refresh');
    const stored = await this.refreshTokens.findOne({
      where: { tokenHash: hashSecretToken(refreshToken) },
      relations: { session: true },
    });
    if (!stored) throw invalid;
    const { session } = stored;
    const now = new Date();
    if (session.revokedAt !== null || session.expiresAt <= now) throw invalid;
    if (stored.rotatedAt !== null) {
      if (now.getTime() - stored.rotatedAt.getTime() < this.reuseGraceMs) throw justUsed;
      await this.revokeSessions(session.userId, [session.id]);
      await this.audit.record({
        action: AuditAction.RefreshReused,
        targetId: session.userId,
        client,
        detail: `session ${session.id}`,
      });
      throw invalid;
    }

    const replacement = newSecretToken();
    const won = await this.transactions.run(async (manager) => {
      const { affected } = await manager.update(
        RefreshToken,
        { id: stored.id, rotatedAt: IsNull() },
        { rotatedAt: now },
      );
      if (affected !== 1) return false;
      await manager.insert(RefreshToken, {
        sessionId: session.id,
        tokenHash: hashSecretToken(replacement),
        rotatedAt: null,
      });
      session.lastUsedAt = now;
      session.expiresAt = new Date(now.getTime() + this.ttlMs);
      session.ip = client.ip;
      session.userAgent = client.userAgent;
      await manager.update(
        Session,
        { id: session.id },
        {
          lastUsedAt: session.lastUsedAt,
          expiresAt: session.expiresAt,
          ip: session.ip,
          userAgent: session.userAgent,
        },
      );
      return true;
    });
    if (!won) throw justUsed;
    return this.tokensFor(session, replacement);
  }

  /** My open sessions, most recently used first. */
  async list(userId: number, currentSessionId: string): Promise<SessionDto[]> {
    const sessions = await this.sessions.find({
      where: { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC', createdAt: 'DESC' },
    });
    const now = Date.now();
    return sessions
      .filter((session) => session.expiresAt.getTime() > now)
      .map((session) => ({
        id: session.id,
        userAgent: session.userAgent,
        ip: session.ip,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
        current: session.id === currentSessionId,
      }));
  }

  /** Revokes one of the user's own sessions; someone else's is "not found". */
  async revoke(userId: number, sessionId: string, client: ClientInfo): Promise<void> {
    const session = await this.sessions.findOne({
      where: { id: sessionId, userId, revokedAt: IsNull() },
      select: { id: true },
    });
    if (!session) throw new NotFoundError('session');
    await this.revokeSessions(userId, [session.id]);
    await this.audit.record({
      action: AuditAction.SessionRevoked,
      actorId: userId,
      targetId: userId,
      client,
      detail: `session ${session.id}`,
    });
  }

  async signOutEverywhere(userId: number, client: ClientInfo): Promise<void> {
    const revoked = await this.revokeAll(userId);
    await this.audit.record({
      action: AuditAction.AllSessionsRevoked,
      actorId: userId,
      targetId: userId,
      client,
      detail: `${revoked} sessions`,
    });
  }

  /**
   * Revokes every open session of a user, optionally sparing one (the caller's
   * own, after a password change). Returns how many were revoked.
   */
  async revokeAll(userId: number, options: { except?: string } = {}): Promise<number> {
    const open = await this.sessions.find({
      where: {
        userId,
        revokedAt: IsNull(),
        ...(options.except ? { id: Not(options.except) } : {}),
      },
      select: { id: true },
    });
    await this.revokeSessions(
      userId,
      open.map((session) => session.id),
    );
    return open.length;
  }

  /**
   * Housekeeping: forgets sessions that ended (expired or revoked) before
   * `cutoff`, with their tokens, and tokens of live sessions rotated before
   * it. A token that old presented again is simply unknown (401) instead of
   * revoking its session. Returns how many sessions and tokens went.
   */
  async purge(cutoff: Date): Promise<{ sessions: number; refreshTokens: number }> {
    const ended = await this.sessions.find({
      where: [{ expiresAt: LessThan(cutoff) }, { revokedAt: LessThan(cutoff) }],
      select: { id: true },
    });
    const sessionIds = ended.map((session) => session.id);
    let refreshTokens = 0;
    if (sessionIds.length > 0) {
      refreshTokens +=
        (await this.refreshTokens.delete({ sessionId: In(sessionIds) })).affected ?? 0;
      await this.sessions.delete({ id: In(sessionIds) });
    }
    refreshTokens +=
      (await this.refreshTokens.delete({ rotatedAt: LessThan(cutoff) })).affected ?? 0;
    return { sessions: sessionIds.length, refreshTokens };
  }

  private async revokeSessions(userId: number, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.sessions.update(
      { userId, id: In(sessionIds), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    await this.validator.revoked(sessionIds);
  }

  private async tokensFor(session: Session, refreshToken: string): Promise<SessionTokens> {
    return {
      sessionId: session.id,
      accessToken: await this.accessTokens.issue(session.userId, session.id),
      refreshToken,
      expiresAt: session.expiresAt,
    };
  }
}
