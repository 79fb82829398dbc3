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
import { Session } from './session.entity.js';

/**
 * Every refresh token a session was ever given, as a SHA-256 hash. Rotated
 * ones stay (with `rotatedAt`) so that presenting one again is recognised as
 * theft rather than as an unknown token.
 */
@Entity('refresh_tokens')
@Index('UQ_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_refresh_tokens_session', ['sessionId'])
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_refresh_tokens_session' })
  session: Relation<Session>;

  /** Hex SHA-256 of the token: the token has 256 random bits, so no salt or slow hash is needed. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: Date, precision: 3, nullable: true })
  rotatedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
