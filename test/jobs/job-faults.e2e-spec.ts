import type { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role.enum.js';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { Job, JobStatus } from '../../src/jobs/entities/job.entity.js';
import { MailDelivery } from '../../src/mail/entities/mail-delivery.entity.js';
import {
  DeliveryInProgressError,
  MailDeliveryService,
} from '../../src/mail/mail-delivery.service.js';
import type { TemplatedMail } from '../../src/mail/mail-templates.js';
import { MailService } from '../../src/mail/mail.service.js';
import { User } from '../../src/users/entities/user.entity.js';
import { jobRunnerCases } from '../support/job-runners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TestSmtpServer, waitUntil } from '../support/test-smtp-server.js';
import { registerUser, type TestUser } from '../support/test-users.js';

const MAX_ATTEMPTS = 3;

for (const { runner, available, env } of jobRunnerCases) {
  describe.skipIf(!available)(`job faults (${runner} runner)`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let mail: MailService;
    let admin: TestUser;
    let user: TestUser;

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      t = await createTestApp({
        ...env,
        SMTP_URL: smtp.url,
        PUBLIC_APP_URL: 'https://app.inkwell.test',
        JOBS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        // Long enough between attempts for the test to see a job waiting for its retry.
        JOBS_BACKOFF_MS: '200',
      });
      mail = t.app.get(MailService);
      admin = await registerUser(t, 'admin');
      user = await registerUser(t, 'user');
      await t.dataSource.getRepository(User).update({ username: 'admin' }, { role: Role.Admin });
    });

    // A test that failed while SMTP was down must not take the next ones with it.
    afterEach(async () => {
      if (!smtp.running) await smtp.start();
    });

    afterAll(async () => {
      await t?.close();
      await smtp?.stop();
    });

    /** Enqueues a verification e-mail in a transaction of its own, as the accounts feature will. */
    async function enqueueVerification(to: string, token: string): Promise<Job> {
      await t.app.get(TransactionRunner).run((manager) =>
        mail.enqueue(manager, {
          to,
          template: 'verify-email',
          data: {
            username: 'someone',
            link: `https://app.inkwell.test/verify-email?token=${token}`,
          },
        }),
      );
      return latestJob(t.dataSource);
    }

    it('retries while SMTP is down and delivers once it is back', async () => {
      await smtp.stop();
      const job = await enqueueVerification('down@example.com', 'token-down');
      const waiting = await waitForJob(
        t.dataSource,
        job.id,
        (row) => row.status === JobStatus.Pending && row.attempts >= 2,
      );
      expect(waiting.lastError).toMatch(/ECONNREFUSED/);
      expect(smtp.to('down@example.com')).toEqual([]);

      await smtp.start();
      const [received] = await smtp.waitFor('down@example.com');
      const done = await waitForJob(t.dataSource, job.id, (row) => row.status === 'completed');
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      expect(received.parsed.subject).toBe('Confirm your e-mail address');
      expect(received.parsed.text).toContain(
        'https://app.inkwell.test/verify-email?token=token-down',
      );
      expect(smtp.to('down@example.com')).toHaveLength(1);
      expect(await t.dataSource.getRepository(MailDelivery).findBy({ jobId: job.id })).toEqual([
        expect.objectContaining({ status: 'sent', messageId: received.parsed.messageId }),
      ]);
    });

    it('sends nothing for a change that rolls back', async () => {
      const runner = t.app.get(TransactionRunner);
      await expect(
        runner.run(async (manager) => {
          await mail.enqueue(manager, {
            to: 'rolled-back@example.com',
            template: 'password-reset',
            data: { username: 'someone', link: 'https://app.inkwell.test/reset-password?token=x' },
          });
          throw new Error('the change fails after enqueuing');
        }),
      ).rejects.toThrow('the change fails');
      // A job committed afterwards runs: by then the rolled-back one would have too.
      await enqueueVerification('after@example.com', 'token-after');
      await smtp.waitFor('after@example.com');

      expect(smtp.to('rolled-back@example.com')).toEqual([]);
      const jobs = await t.dataSource.getRepository(Job).find();
      expect(jobs.map((job) => (job.payload as { to: string }).to)).not.toContain(
        'rolled-back@example.com',
      );
    });

    it('sends one e-mail for a job that runs twice', async () => {
      await t.app.get(TransactionRunner).run((manager) =>
        mail.enqueue(manager, {
          to: 'twice@example.com',
          template: 'password-reset',
          data: {
            username: 'twice',
            link: 'https://app.inkwell.test/reset-password?token=reset-me',
          },
        }),
      );
      const job = await latestJob(t.dataSource);
      const [received] = await smtp.waitFor('twice@example.com');
      await waitForJob(t.dataSource, job.id, (row) => row.status === 'completed');
      expect(received.parsed.text).toContain(
        'https://app.inkwell.test/reset-password?token=reset-me',
      );

      // As if the worker died after sending but before recording the job as done.
      await t.dataSource
        .getRepository(Job)
        .update({ id: job.id }, { status: JobStatus.Pending, completedAt: null });
      await waitForJob(t.dataSource, job.id, (row) => row.status === 'completed');
      expect(smtp.to('twice@example.com')).toHaveLength(1);
      expect(await t.dataSource.getRepository(MailDelivery).countBy({ jobId: job.id })).toBe(1);
    });

    it('sends one e-mail when two runs of the same job race', async () => {
      const job = await enqueueVerification('race@example.com', 'token-race');
      await waitForJob(t.dataSource, job.id, (row) => row.status === JobStatus.Completed);
      const deliveries = t.app.get(MailDeliveryService);
      const racing: TemplatedMail = {
        to: 'race-again@example.com',
        template: 'verify-email',
        data: { username: 'race', link: 'https://app.inkwell.test/verify-email?token=token-race' },
      };
      // A finished job's e-mail is never sent again...
      await deliveries.deliverOnce(job.id, racing);
      // ...and of two runs racing on a fresh job, one sends; the other either finds it sent
      // or, if it comes while the first is still sending, backs off to retry.
      await t.dataSource.getRepository(MailDelivery).delete({ jobId: job.id });
      const outcomes = await Promise.allSettled([
        deliveries.deliverOnce(job.id, racing),
        deliveries.deliverOnce(job.id, racing),
      ]);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected')
          expect(outcome.reason).toBeInstanceOf(DeliveryInProgressError);
      }
      expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true);
      expect(smtp.to('race-again@example.com')).toHaveLength(1);
    });

    it('keeps a job failed after its last attempt, for an admin to list and retry', async () => {
      await smtp.stop();
      const job = await enqueueVerification('failing@example.com', 'token-failing');
      const failed = await waitForJob(t.dataSource, job.id, (row) => row.status === 'failed');
      expect(failed.attempts).toBe(MAX_ATTEMPTS);
      expect(failed.lastError).toMatch(/ECONNREFUSED/);

      await t.http.get('/api/admin/jobs?status=failed').expect(401);
      await t.http.get('/api/admin/jobs?status=failed').set('Authorization', user.auth).expect(403);
      const bad = await t.http
        .get('/api/admin/jobs?status=stuck')
        .set('Authorization', admin.auth)
        .expect(422);
      expect(bad.body.errors.status).toBeDefined();

      const list = await t.http
        .get('/api/admin/jobs?status=failed')
        .set('Authorization', admin.auth)
        .expect(200);
      expect(list.body.jobsCount).toBe(1);
      expect(list.body.jobs).toEqual([
        {
          id: job.id,
          name: 'send-email',
          status: 'failed',
          attempts: MAX_ATTEMPTS,
          maxAttempts: MAX_ATTEMPTS,
          lastError: expect.stringMatching(/ECONNREFUSED/),
          runAt: expect.any(String),
          completedAt: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);

      await t.http
        .post('/api/admin/jobs/999999/retry')
        .set('Authorization', admin.auth)
        .expect(404);
      await t.http
        .post(`/api/admin/jobs/${job.id}/retry`)
        .set('Authorization', user.auth)
        .expect(403);

      await smtp.start();
      const retried = await t.http
        .post(`/api/admin/jobs/${job.id}/retry`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(retried.body.job).toMatchObject({ id: job.id, status: 'pending', attempts: 0 });
      await smtp.waitFor('failing@example.com');
      const done = await waitForJob(t.dataSource, job.id, (row) => row.status === 'completed');
      expect(done.attempts).toBe(1);

      const again = await t.http
        .post(`/api/admin/jobs/${job.id}/retry`)
        .set('Authorization', admin.auth)
        .expect(422);
      expect(again.body).toEqual({
        errors: { status: ['is completed; only failed jobs can be retried'] },
      });
    });
  });
}

async function latestJob(dataSource: DataSource): Promise<Job> {
  const [job] = await dataSource.getRepository(Job).find({ order: { id: 'DESC' }, take: 1 });
  return job;
}

async function waitForJob(
  dataSource: DataSource,
  id: number,
  condition: (job: Job) => boolean,
): Promise<Job> {
  let job: Job | null = null;
  await waitUntil(
    async () => {
      job = await dataSource.getRepository(Job).findOneBy({ id });
      return job !== null && condition(job);
    },
    15_000,
    `job ${id}`,
  );
  return job!;
}
