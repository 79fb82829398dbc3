import { randomBytes } from 'node:crypto';
import { Job, JobStatus } from '../../src/jobs/entities/job.entity.js';
import { NewFollowerHandler } from '../../src/notifications/handlers/new-follower.handler.js';
import { jobRunnerCases } from '../support/job-runners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { TestSmtpServer, waitUntil } from '../support/test-smtp-server.js';
import { follow, registerUser } from '../support/test-users.js';

const NEW_FOLLOWER = /is now following you/;

/**
 * Several processes on one database, one after the other, as in a deploy or
 * a crash: the SQLite database is a file here so that each app can open it.
 */
for (const { runner, available, env } of jobRunnerCases) {
  describe.skipIf(!available)(`jobs across process restarts (${runner} runner)`, () => {
    let database: TestDatabase;
    let smtp: TestSmtpServer;
    let app: TestApp | undefined;
    const queuePrefix = `inkwell_test_${process.pid}_${randomBytes(4).toString('hex')}`;

    const start = async (role: 'api' | 'worker' | 'all', extra: Record<string, string> = {}) => {
      app = await createTestApp(
        {
          ...env,
          PROCESS_ROLE: role,
          SMTP_URL: smtp.url,
          JOBS_QUEUE_PREFIX: queuePrefix,
          ...extra,
        },
        { database },
      );
      return app;
    };
    const stop = async () => {
      await app?.close();
      app = undefined;
    };

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      database = await createTestDatabase(undefined, { sharedFile: true });
    });

    afterEach(stop);

    afterAll(async () => {
      await smtp?.stop();
      await database?.drop();
    });

    it('sends exactly once a mail whose change committed just before the process died', async () => {
      // An API-only process commits the follow and its job, then goes away before any worker ran it.
      const api = await start('api');
      const followed = await registerUser(api, 'followed');
      const follower = await registerUser(api, 'follower');
      await follow(api, follower, followed.username);
      const [pending] = await api.dataSource
        .getRepository(Job)
        .findBy({ name: 'notify-new-follower' });
      expect(pending).toMatchObject({ name: 'notify-new-follower', status: JobStatus.Pending });
      await stop();
      expect(smtp.to(followed.email, NEW_FOLLOWER)).toEqual([]);

      const worker = await start('worker');
      await smtp.waitFor(followed.email, 1, NEW_FOLLOWER);
      await waitUntil(
        async () =>
          (await worker.dataSource.getRepository(Job).findOneByOrFail({ id: pending.id }))
            .status === JobStatus.Completed,
        10_000,
        'the job to complete',
      );
      await stop();

      // Another restart finds nothing left to do.
      const again = await start('all');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.to(followed.email, NEW_FOLLOWER)).toHaveLength(1);
      const job = await again.dataSource.getRepository(Job).findOneByOrFail({ id: pending.id });
      expect(job).toMatchObject({ status: JobStatus.Completed, attempts: 1 });
    });

    it('lets a running job finish before the process stops', async () => {
      const worker = await start('all');
      const followed = await registerUser(worker, 'slow-followed');
      const follower = await registerUser(worker, 'slow-follower');
      smtp.acceptDelayMs = 700;
      try {
        await follow(worker, follower, followed.username);
        await waitUntil(
          async () =>
            (await worker.dataSource
              .getRepository(Job)
              .countBy({ name: 'notify-new-follower', status: JobStatus.Running })) > 0,
          10_000,
          'the job to start',
        );
        expect(smtp.to(followed.email, NEW_FOLLOWER)).toEqual([]);
        // What SIGTERM does through the shutdown hooks.
        await stop();
        expect(smtp.to(followed.email, NEW_FOLLOWER)).toHaveLength(1);
      } finally {
        smtp.acceptDelayMs = 0;
      }

      const after = await start('api');
      const jobs = await after.dataSource
        .getRepository(Job)
        .findBy({ name: 'notify-new-follower' });
      expect(jobs.at(-1)).toMatchObject({ status: JobStatus.Completed, lockedBy: null });
    });

    it('hands back a job that does not finish within the grace period, and it runs later', async () => {
      const worker = await start('all', { JOBS_SHUTDOWN_GRACE_MS: '200' });
      const followed = await registerUser(worker, 'stuck-followed');
      const follower = await registerUser(worker, 'stuck-follower');
      // This process's handler hangs, as on a stuck network call.
      vi.spyOn(worker.app.get(NewFollowerHandler), 'handle').mockReturnValue(new Promise(() => {}));
      await follow(worker, follower, followed.username);
      await waitUntil(
        async () =>
          (await worker.dataSource
            .getRepository(Job)
            .countBy({ name: 'notify-new-follower', status: JobStatus.Running })) > 0,
        10_000,
        'the job to start',
      );
      await stop();

      const next = await start('all');
      await smtp.waitFor(followed.email, 1, NEW_FOLLOWER);
      const [job] = await next.dataSource
        .getRepository(Job)
        .find({ where: { name: 'notify-new-follower' }, order: { id: 'DESC' }, take: 1 });
      await waitUntil(
        async () =>
          (await next.dataSource.getRepository(Job).findOneByOrFail({ id: job.id })).status ===
          JobStatus.Completed,
        10_000,
        'the job to complete',
      );
      // The interrupted attempt was given back, not counted.
      expect(
        await next.dataSource.getRepository(Job).findOneByOrFail({ id: job.id }),
      ).toMatchObject({ attempts: 1, lastError: null });
      expect(smtp.to(followed.email, NEW_FOLLOWER)).toHaveLength(1);
    });
  });
}
