import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** A user's TOTP enrolment: pending until confirmed with a first code. */
@Entity('user_two_factor')
export class TwoFactor {
  @PrimaryColumn()
  userId: number;

  @OneToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_user_two_factor_user' })
  user: Relation<User>;

  /** The base32 secret, AES-256-GCM encrypted: base64 of IV, tag and ciphertext. */
  @Column({ type: 'varchar', length: 255 })
  secretCiphertext: string;

  /** Which configured key encrypted the secret. */
  @Column({ type: 'varchar', length: 32 })
  keyId: string;

  /** NULL while the enrolment awaits its confirming code. */
  @Column({ type: Date, precision: 3, nullable: true })
  enabledAt: Date | null;

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @Column({ type: 'int', nullable: true })
  lastUsedTimeStep: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
