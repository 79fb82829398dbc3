import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { MailDelivery, MailDeliveryStatus } from './entities/mail-delivery.entity.js';
import type { TemplatedMail } from './mail-templates.js';
import { MailService } from './mail.service.js';

/**
 * After this long a delivery still marked "sending" belongs to a process that
 * died mid-send: longer than the SMTP transport's timeouts allow a send to
 * take, shorter than a job's default lease, so the job's re-run takes over.
 */
const ABANDONED_SENDING_MS = 3 * 60_000;

/** Another attempt of the same job is sending right now; the job retries later. */
export class DeliveryInProgressError extends Error {
  override readonly name = 'DeliveryInProgressError';
}

type Claim = 'claimed' | 'already-sent' | 'busy';

/**
 * Sends the one e-mail of a job at most once, however often the job runs:
 * the delivery is claimed in `mail_deliveries` (unique per job) before it is
 * sent, and marked sent after. A failed send gives the claim back, so the
 * retry sends; a finished one makes every later run a no-op.
 */
@Injectable()
export class MailDeliveryService {
  constructor(
    private readonly mail: MailService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async deliverOnce(jobId: number, mail: TemplatedMail): Promise<void> {
    const messageId = this.mail.messageIdFor(jobId);
    const claim = await this.claim(jobId, messageId);
    if (claim === 'already-sent') return;
    if (claim === 'busy') throw new DeliveryInProgressError(`Job ${jobId}'s e-mail is being sent`);
    try {
      await this.mail.send(mail, messageId);
    } catch (error) {
      await this.transactions.run((manager) => manager.delete(MailDelivery, { jobId }));
      throw error;
    }
    await this.transactions.run((manager) =>
      manager.update(
        MailDelivery,
        { jobId },
        { status: MailDeliveryStatus.Sent, sentAt: this.clock.now() },
      ),
    );
  }

  /** Whether the e-mail of this job has already gone out. */
  async wasSent(jobId: number): Promise<boolean> {
    return this.transactions.run((manager) =>
      manager.existsBy(MailDelivery, { jobId, status: MailDeliveryStatus.Sent }),
    );
  }

  private async claim(jobId: number, messageId: string): Promise<Claim> {
    const now = this.clock.now();
    try {
      return await this.transactions.run(async (manager): Promise<Claim> => {
        const existing = await manager.findOneBy(MailDelivery, { jobId });
        if (!existing) {
          await manager.insert(MailDelivery, {
            jobId,
            messageId,
            status: MailDeliveryStatus.Sending,
            claimedAt: now,
          });
          return 'claimed';
        }
        if (existing.status === MailDeliveryStatus.Sent) return 'already-sent';
        if (now.getTime() - existing.claimedAt.getTime() < ABANDONED_SENDING_MS) return 'busy';
        // The process that claimed it died mid-send: the message may or may not have left.
        // Sending again under the same Message-ID is the lesser harm than never sending.
        const { affected } = await manager.update(
          MailDelivery,
          { id: existing.id, status: MailDeliveryStatus.Sending, claimedAt: existing.claimedAt },
          { claimedAt: now },
        );
        return affected === 1 ? 'claimed' : 'busy';
      });
    } catch (error) {
      // Two attempts raced to insert the claim; the other one won.
      if (isUniqueViolation(error)) return 'busy';
      throw error;
    }
  }
}
