import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum JobStatus {
  /** Waiting for `runAt`, in the outbox. */
  Pending = 'pending',
  /** Handed to BullMQ; a worker will pick it up. */
  Queued = 'queued',
  /** Owned by one process until `lockedUntil`. */
  Running = 'running',
  Completed = 'completed',
  /** Out of attempts; kept with its last error until an admin retries it. */
  Failed = 'failed',
}

/**
 * The transactional outbox: a job is a row written in the same transaction as
 * the change that causes it, and the database, not the queue, holds its state.
 */
@Entity('jobs')
@Index('UQ_jobs_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('IDX_jobs_status_run_at', ['status', 'runAt'])
export class Job {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'simple-json' })
  payload: unknown;

  /** Enqueuing the same key twice keeps the first job only. */
  @Column({ type: 'varchar', length: 191 })
  idempotencyKey: string;

  @Column({ type: 'simple-enum', enum: JobStatus, default: JobStatus.Pending })
  status: JobStatus;

  /** Attempts started so far, including one that is running. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int' })
  maxAttempts: number;

  /** Not before this time (first run, or the next retry after backoff). */
  @Column({ type: Date, precision: 3 })
  runAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ type: Date, precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: Date, precision: 3, nullable: true })
  completedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
