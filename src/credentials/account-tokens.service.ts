import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository, type EntityManager } from 'typeorm';
import { hashSecretToken, newSecretToken } from '../common/crypto/secret-tokens.js';
import { AccountToken, type AccountTokenPurpose } from './entities/account-token.entity.js';

/** Single-use, expiring tokens for links sent by e-mail. */
@Injectable()
export class AccountTokensService {
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  /**
   * A new token, written in the caller's transaction (with the e-mail that
   * carries it); earlier unused ones for the same purpose stop working.
   */
  async issue(
    manager: EntityManager,
    user: { id: number; email: string },
    purpose: AccountTokenPurpose,
    ttlMs: number,
  ): Promise<string> {
    const token = newSecretToken();
    // Read first, then delete by primary key: a DELETE by user would take a gap
    // lock on MySQL/MariaDB even when it matches nothing (a new account), and
    // concurrent registrations inserting into that gap would deadlock.
    const earlier = await manager.find(AccountToken, {
      select: { id: true },
      where: { userId: user.id, purpose, usedAt: IsNull() },
    });
    if (earlier.length > 0) {
      await manager.delete(
        AccountToken,
        earlier.map((previous) => previous.id),
      );
    }
    await manager.insert(AccountToken, {
      userId: user.id,
      purpose,
      tokenHash: hashSecretToken(token),
      email: user.email,
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
    });
    return token;
  }

  /**
   * Spends a token: the conditional update lets exactly one of two concurrent
   * uses succeed. Unknown, expired and used tokens all give `null`.
   */
  async consume(token: string, purpose: AccountTokenPurpose): Promise<AccountToken | null> {
    const now = new Date();
    const stored = await this.tokens.findOneBy({ tokenHash: hashSecretToken(token), purpose });
    if (!stored) return null;
    const { affected } = await this.tokens.update(
      { id: stored.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return affected === 1 ? stored : null;
  }

  /** After a successful reset, every other outstanding link of that kind is void too. */
  async revokeAll(userId: number, purpose: AccountTokenPurpose): Promise<void> {
    await this.tokens.delete({ userId, purpose, usedAt: IsNull() });
  }

  /** Housekeeping: forgets tokens that expired before `cutoff`. Returns how many went. */
  async purge(cutoff: Date): Promise<number> {
    return (await this.tokens.delete({ expiresAt: LessThan(cutoff) })).affected ?? 0;
  }
}
