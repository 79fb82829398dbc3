import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { JobStatus } from '../../jobs/entities/job.entity.js';
import { MailDeliveryStatus } from '../../mail/entities/mail-delivery.entity.js';
import { SchemaHelpers } from './schema-helpers.js';

/** The job outbox and the record of e-mails sent by jobs. */
export class JobsAndMail1764100000000 implements MigrationInterface {
  name = 'JobsAndMail1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          s.id(),
          s.varchar('name', 64),
          s.text('payload'),
          s.varchar('idempotencyKey', 191),
          s.enum('status', Object.values(JobStatus), {
            enumName: 'jobs_status_enum',
            default: `'${JobStatus.Pending}'`,
          }),
          s.int('attempts', { default: 0 }),
          s.int('maxAttempts'),
          s.dateTime('runAt'),
          s.varchar('lockedBy', 64, { isNullable: true }),
          s.dateTime('lockedUntil', { isNullable: true }),
          s.text('lastError', { isNullable: true }),
          s.dateTime('completedAt', { isNullable: true }),
          s.createdAt(),
          s.updatedAt(),
        ],
        indices: [
          { name: 'UQ_jobs_idempotency_key', columnNames: ['idempotencyKey'], isUnique: true },
          { name: 'IDX_jobs_status_run_at', columnNames: ['status', 'runAt'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mail_deliveries',
        columns: [
          s.id(),
          s.int('jobId'),
          s.enum('status', Object.values(MailDeliveryStatus), {
            enumName: 'mail_deliveries_status_enum',
          }),
          s.varchar('messageId', 255),
          s.dateTime('claimedAt'),
          s.dateTime('sentAt', { isNullable: true }),
          s.createdAt(),
        ],
        indices: [{ name: 'UQ_mail_deliveries_job', columnNames: ['jobId'], isUnique: true }],
        foreignKeys: [s.foreignKey('FK_mail_deliveries_job', 'jobId', 'jobs')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_deliveries');
    await queryRunner.dropTable('jobs');
  }
}
