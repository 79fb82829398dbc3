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
import { User } from '../../users/entities/user.entity.js';

export enum AccountTokenPurpose {
  EmailVerification = 'email-verification',
  PasswordReset = 'password-reset',
}

/** A single-use token sent by e-mail, stored only as a SHA-256 hash. */
@Entity('account_tokens')
@Index('UQ_account_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_account_tokens_user_purpose', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_account_tokens_user' })
  user: Relation<User>;

  @Column({ type: 'simple-enum', enum: AccountTokenPurpose })
  purpose: AccountTokenPurpose;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The address the token was mailed to: a verification applies to that address only. */
  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ type: Date, precision: 3 })
  expiresAt: Date;

  @Column({ type: Date, precision: 3, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
