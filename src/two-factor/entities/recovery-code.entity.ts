import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** A single-use code that stands in for a TOTP code when the device is lost. */
@Entity('two_factor_recovery_codes')
@Index('IDX_two_factor_recovery_codes_user', ['userId'])
export class RecoveryCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_two_factor_recovery_codes_user' })
  user: Relation<User>;

  /** Hex SHA-256: the codes carry 80 random bits, beyond brute force of a fast hash. */
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: Date, precision: 3, nullable: true })
  usedAt: Date | null;
}
