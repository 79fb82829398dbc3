import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** One signed-in device: opened by a login or registration, kept alive by refreshes. */
@Entity('sessions')
@Index('IDX_sessions_user', ['userId'])
export class Session {
  /** A random UUID, also carried by the access token as `sid`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column()
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_sessions_user' })
  user: Relation<User>;

  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, precision: 3 })
  lastUsedAt: Date;

  @Column({ type: Date, precision: 3 })
  expiresAt: Date;

  @Column({ type: Date, precision: 3, nullable: true })
  revokedAt: Date | null;
}
