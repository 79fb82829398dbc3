import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ValidationFailedError } from '../common/errors/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Job } from '../jobs/entities/job.entity.js';
import { JobOutbox } from '../jobs/job-outbox.service.js';
import { JobName } from '../jobs/job-name.enum.js';
import { MailService } from '../mail/mail.service.js';
import { User } from '../users/entities/user.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AccountTokenPurpose } from './entities/account-token.entity.js';

const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
const INVALID_TOKEN = 'is invalid or expired';

/** Payload of a `request-password-reset` job. */
export interface PasswordResetRequest {
  email: string;
}

/** E-mail verification and password reset. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccountTokensService,
    private readonly transactions: TransactionRunner,
    private readonly mail: MailService,
    private readonly outbox: JobOutbox,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Queues a verification link for the user's current address inside the
   * caller's transaction (registration, a change of e-mail): the token and the
   * e-mail job commit with the change or not at all, and the outbox sends the
   * mail, retrying while SMTP is down.
   */
  async queueVerification(
    manager: EntityManager,
    user: Pick<User, 'id' | 'email' | 'username'>,
  ): Promise<void> {
    const token = await this.tokens.issue(
      manager,
      user,
      AccountTokenPurpose.EmailVerification,
      VERIFICATION_TTL_MS,
    );
    await this.mail.enqueue(manager, {
      to: user.email,
      template: 'verify-email',
      data: { username: user.username, token },
    });
  }

  async resendVerification(userId: number): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (user.emailVerifiedAt) throw ValidationFailedError.field('email', 'is already verified');
    await this.transactions.run((manager) => this.queueVerification(manager, user));
  }

  async verifyEmail(token: string, client: ClientInfo): Promise<void> {
    const spent = await this.tokens.consume(token, AccountTokenPurpose.EmailVerification);
    // A link mailed to a previous address proves nothing about the current one.
    const { affected } = spent
      ? await this.users.update(
          { id: spent.userId, email: spent.email },
          { emailVerifiedAt: new Date() },
        )
      : { affected: 0 };
    if (!spent || affected !== 1) throw ValidationFailedError.field('token', INVALID_TOKEN);
    await this.audit.record({
      action: AuditAction.EmailVerified,
      actorId: spent.userId,
      targetId: spent.userId,
      client,
    });
  }

  /**
   * Starts a password reset: one row in the job outbox, whatever the address.
   * Neither the answer nor its timing tells whether an account has it; the
   * look-up and the e-mail happen in the job (`requestPasswordReset`).
   */
  async forgotPassword(email: string): Promise<void> {
    const payload: PasswordResetRequest = { email };
    await this.outbox.enqueue(this.users.manager, { name: JobName.RequestPasswordReset, payload });
  }

  /**
   * Mails a reset link if the address belongs to an active account. Runs as
   * job `jobId`: a run that finds its e-mail already queued did its work.
   */
  async requestPasswordReset({ email }: PasswordResetRequest, jobId: number): Promise<void> {
    const idempotencyKey = `password-reset:${jobId}`;
    await this.transactions.run(async (manager) => {
      if (await manager.existsBy(Job, { idempotencyKey })) return;
      const user = await manager.findOne(User, {
        where: { email },
        select: { id: true, email: true, username: true, suspendedAt: true },
      });
      if (!user || user.suspendedAt) return;
      const token = await this.tokens.issue(
        manager,
        user,
        AccountTokenPurpose.PasswordReset,
        RESET_TTL_MS,
      );
      await this.mail.enqueue(
        manager,
        { to: user.email, template: 'password-reset', data: { username: user.username, token } },
        idempotencyKey,
      );
    });
  }

  /** Sets the new password and ends every session: whoever knew the old one is out. */
  async resetPassword(token: string, password: string, client: ClientInfo): Promise<void> {
    const spent = await this.tokens.consume(token, AccountTokenPurpose.PasswordReset);
    if (!spent) throw ValidationFailedError.field('token', INVALID_TOKEN);
    const user = await this.users.findOneBy({ id: spent.userId });
    if (!user) throw ValidationFailedError.field('token', INVALID_TOKEN);
    user.passwordHash = await this.passwords.hash(password);
    // Following the link proved control of the mailbox.
    if (user.email === spent.email && !user.emailVerifiedAt) user.emailVerifiedAt = new Date();
    await this.users.save(user);
    await this.tokens.revokeAll(user.id, AccountTokenPurpose.PasswordReset);
    const revoked = await this.sessions.revokeAll(user.id);
    await this.audit.record({
      action: AuditAction.PasswordReset,
      actorId: user.id,
      targetId: user.id,
      client,
      detail: `${revoked} sessions revoked`,
    });
  }
}
