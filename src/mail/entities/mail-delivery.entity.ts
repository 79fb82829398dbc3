import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Job } from '../../jobs/entities/job.entity.js';

export enum MailDeliveryStatus {
  /** Claimed by a process that is talking to the SMTP server now. */
  Sending = 'sending',
  Sent = 'sent',
}

/** The one e-mail a job sends: claimed before sending, so a re-run finds it and sends nothing. */
@Entity('mail_deliveries')
@Index('UQ_mail_deliveries_job', ['jobId'], { unique: true })
export class MailDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  jobId: number;

  @ManyToOne(() => Job, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'jobId', foreignKeyConstraintName: 'FK_mail_deliveries_job' })
  job: Relation<Job>;

  @Column({ type: 'simple-enum', enum: MailDeliveryStatus })
  status: MailDeliveryStatus;

  /** The `Message-ID` header, the same on every attempt for this job. */
  @Column({ type: 'varchar', length: 255 })
  messageId: string;

  @Column({ type: Date, precision: 3 })
  claimedAt: Date;

  @Column({ type: Date, precision: 3, nullable: true })
  sentAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
